import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Trial and release API origins are configuration the build writes into src/config.ts (like the
 * appid), and a trial/release build refuses a missing, local or placeholder host.
 */
const ROOT = join(__dirname, '../..');
const CONFIG = join(ROOT, 'miniprogram/src/config.ts');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mp-hosts-'));
  copyFileSync(CONFIG, join(dir, 'config.ts'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function build(env: Record<string, string>, ...flags: string[]) {
  writeFileSync(
    join(dir, '.env'),
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  const bare = { ...process.env };
  delete bare.MINIPROGRAM_TRIAL_API_URL;
  delete bare.MINIPROGRAM_RELEASE_API_URL;
  const args = ['scripts/miniprogram-hosts.mjs', '--config', join(dir, 'config.ts'), '--env-file', join(dir, '.env')];
  const run = spawnSync(process.execPath, [...args, ...flags], { cwd: ROOT, env: bare, encoding: 'utf8' });
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    config: readFileSync(join(dir, 'config.ts'), 'utf8'),
  };
}

describe('mini-program API hosts', () => {
  it('ships no placeholder host: trial and release are empty until the build writes them', () => {
    const shipped = readFileSync(CONFIG, 'utf8');
    expect(shipped).not.toMatch(/example\.com/);
    expect(shipped).toMatch(/\n\s+trial: '',\n\s+release: '',\n/);
  });

  it('refuses a trial/release build while a host is missing, local or a placeholder, and writes nothing', () => {
    const before = readFileSync(join(dir, 'config.ts'), 'utf8');
    const missing = build({}, '--release');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Refusing to build a trial/release package');
    expect(missing.stderr).toContain('MINIPROGRAM_TRIAL_API_URL is not set');
    expect(missing.stderr).toContain('MINIPROGRAM_RELEASE_API_URL is not set');

    for (const [host, why] of [
      ['https://api.sutwxapp.example.com', /placeholder or local host/],
      ['https://127.0.0.1:3000', /placeholder or local host/],
      ['http://api.shop.cn', /must be https/],
      ['https://api.shop.cn/api/v1', /origin only/],
    ] as const) {
      const refused = build(
        { MINIPROGRAM_TRIAL_API_URL: 'https://trial.shop.cn', MINIPROGRAM_RELEASE_API_URL: host },
        '--release',
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(why);
      expect(refused.config).toBe(before);
    }
  });

  it('writes real hosts into config.ts, and a develop build goes ahead without them', () => {
    const ok = build(
      { MINIPROGRAM_TRIAL_API_URL: 'https://trial.shop.cn', MINIPROGRAM_RELEASE_API_URL: 'https://api.shop.cn/' },
      '--release',
    );
    expect(ok.status).toBe(0);
    expect(ok.config).toContain("  trial: 'https://trial.shop.cn',\n  release: 'https://api.shop.cn',\n");
    expect(ok.config).toContain("develop: 'http://127.0.0.1:3000'");

    const develop = build({});
    expect(develop.status).toBe(0);
    expect(develop.stdout).toContain('develop build only');
    expect(develop.config).toContain("  trial: '',\n  release: '',\n");
  });
});
