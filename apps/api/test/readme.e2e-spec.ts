/*
 * The README's terminal walk-through, copied verbatim out of README.md and run with bash and curl
 * against the real app (the demo shop, a development start so the admin password file exists).
 * Only the origin changes: the README says localhost:3000, the test app listens elsewhere.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startDemoShop } from '../../../miniprogram/test/support/demo-shop';
import { backendLabel, type TestApp } from './support/test-app';

const README = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
const run = promisify(execFile);

/** The ```sh blocks between two headings of the README. */
function shellBlocks(from: string, to: string): string[] {
  const section = README.slice(README.indexOf(from), README.indexOf(to));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe(`README commands, verbatim (${backendLabel})`, () => {
  let t: TestApp;
  let cwd: string;
  let previousDataDir: string | undefined;
  beforeAll(async () => {
    // the README's commands run from the repository root, where `npm start` keeps ./data
    cwd = mkdtempSync(join(tmpdir(), 'sutwxapp-readme-'));
    mkdirSync(join(cwd, 'data'));
    // the admin account service reads DATA_DIR from the process environment, not the app config:
    // without this the password file would land in (and overwrite) this checkout's ./data
    previousDataDir = process.env.DATA_DIR;
    process.env.DATA_DIR = join(cwd, 'data');
    t = await startDemoShop({ NODE_ENV: 'development', DATA_DIR: join(cwd, 'data') });
  });
  afterAll(async () => {
    await t?.close();
    if (previousDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previousDataDir;
    rmSync(cwd, { recursive: true, force: true });
  });

  async function bash(script: string): Promise<string> {
    expect(script).toContain('localhost:3000');
    const local = script.replaceAll('http://localhost:3000', t.baseUrl.replace('127.0.0.1', 'localhost'));
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', local], { cwd, maxBuffer: 8 * 1024 * 1024 });
    return stdout;
  }

  it('"Run it": the health check answers', async () => {
    const [, check] = shellBlocks('## Run it', '## Test it');
    expect(JSON.parse(await bash(check))).toMatchObject({ status: 'ok' });
  });

  it('"Try the shop from a terminal": search in Chinese, order, pay in the sandbox, ship, track', async () => {
    const blocks = shellBlocks('## Try the shop from a terminal', '## Open the mini-program');
    expect(blocks).toHaveLength(2);
    const out = await bash(blocks.join('\n'));
    // one answer per line that prints: me, search, cart, pay, simulate, order, ship, logistics
    const answers = out
      .replace(/\}\{/g, '}\n{')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const a of answers) expect(a).not.toHaveProperty('statusCode');
    const [me, search, cart, pay, simulated, order, shipped, tracking] = answers;
    expect(me).toHaveProperty('id');
    const titles = (search.items as Array<{ title: string }>).map((p) => p.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toContain('蓝牙');
    expect(cart.selectedCount).toBe(1);
    expect(pay).toHaveProperty('paySign');
    expect(simulated).toEqual({ delivered: true });
    expect(order.status).toBe('PAID');
    expect(shipped.status).toBe('SHIPPED');
    expect(tracking).toMatchObject({ trackingNo: 'YT1234567890', carrier: { code: 'yuantong' } });
  });
});
