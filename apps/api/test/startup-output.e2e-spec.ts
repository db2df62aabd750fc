/*
 * `npm start` as a newcomer runs it: the built server on a fresh data directory. The start-up
 * lines (demo catalog seeded, where the admin password is, listening) must reach stdout while the
 * server runs, not when it exits: logs were held in a 4 KB buffer until then.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from './support/free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from './support/fresh-database';

const ROOT = join(__dirname, '../../..');

/**
 * A first start needs an empty database (the demo catalog and the admin account are created only
 * then): a fresh SQLite file, or on MariaDB a scratch database (the CI pass on MariaDB runs a Node
 * that SQLite's native addon was not built for).
 */
async function emptyDatabase(dataDir: string): Promise<{ url: string; drop(): Promise<void> }> {
  const fresh = await freshDatabase('sutwxapp_start');
  return { url: fresh.url ?? `sqlite:${join(dataDir, 'shop.sqlite')}`, drop: fresh.drop };
}

describe('start-up output of the built server', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    // what `npm start` runs first (prestart)
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    dataDir = mkdtempSync(join(tmpdir(), 'sutwxapp-start-'));
    database = await emptyDatabase(dataDir);
  });
  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints seeded, the admin password file and listening while it runs (stdout is a pipe here)', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Array<{ msg?: string }> = [];
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    let pending = '';
    child.stdout!.on('data', (c: Buffer) => {
      pending += c.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const line of complete.filter(Boolean)) lines.push(JSON.parse(line) as { msg?: string });
    });
    const has = (re: RegExp) => lines.some((l) => re.test(l.msg ?? ''));

    // generous: a shared 2-core CI box under load took 26 s to boot (3-4 s when idle)
    const deadline = Date.now() + 80_000;
    while (!has(/SutWxApp API listening/)) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr}`);
      if (Date.now() > deadline) throw new Error(`no "listening" line within 80 s; got ${lines.length} lines`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // all of this arrived while the process is still serving
    expect(child.exitCode).toBeNull();
    expect(has(/seeded the demo catalog/)).toBe(true);
    const adminLine = lines.find((l) => /admin-password\.txt/.test(l.msg ?? ''));
    expect(adminLine?.msg).toContain(join(dataDir, 'admin-password.txt'));
    expect(readFileSync(join(dataDir, 'admin-password.txt'), 'utf8').trim()).not.toBe('');
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health/live`);
    expect(health.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
