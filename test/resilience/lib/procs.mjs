// Child processes the scenarios start (API replicas, mariadbd, redis-server, nginx): every one is
// tracked and killed by its own pid when the run ends, however it ends. Nothing else is touched.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { ROOT, TMP, waitFor } from './common.mjs';
import { request } from './http.mjs';

const live = new Set();

function killAll() {
  for (const child of live) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/**
 * Spawns a tracked child whose stdout/stderr go to `logFile` (and to `lines` in memory).
 * @returns {{child: import('node:child_process').ChildProcess, lines: string[], exited: Promise<{code:number|null, signal:string|null}>, logFile: string}}
 */
export function startChild(name, command, args, { env, cwd = ROOT, logFile, keepLines = true } = {}) {
  mkdirSync(join(TMP, 'logs'), { recursive: true });
  const file = logFile ?? join(TMP, 'logs', `${name}.log`);
  const out = createWriteStream(file, { flags: 'a' });
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  const lines = [];
  let partial = '';
  const onData = (chunk) => {
    out.write(chunk);
    if (!keepLines) return;
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      live.delete(child);
      if (partial) lines.push(partial);
      out.end();
      resolve({ code, signal });
    });
    child.on('error', (err) => {
      live.delete(child);
      out.end();
      resolve({ code: -1, signal: null, error: err.message });
    });
  });
  return { child, lines, exited, logFile: file, name };
}

/** Sends `signal`, waits up to `timeoutMs` for the exit, then SIGKILLs. */
export async function stopChild(proc, { signal = 'SIGTERM', timeoutMs = 15_000 } = {}) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return proc.exited;
  try {
    process.kill(proc.child.pid, signal);
  } catch {
    return proc.exited;
  }
  let timer;
  const result = await Promise.race([
    proc.exited,
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (result) return result;
  try {
    process.kill(proc.child.pid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
  return proc.exited;
}

let built = false;
/** `npm run build --silent` once per run (dist/ is what the API processes execute). */
export function buildOnce() {
  if (built || process.env.RESILIENCE_SKIP_BUILD === '1') return;
  const res = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('npm run build failed');
  if (!existsSync(join(ROOT, 'dist/apps/api/src/main.js'))) throw new Error('dist/apps/api/src/main.js missing');
  built = true;
}

export const JWT_SECRET_FOR_RUN = `resilience-jwt-${process.pid}-${Date.now()}-0123456789abcdef`;

/**
 * One API process exactly as production starts it (`node dist/apps/api/src/main.js`), with a
 * controlled environment (nothing inherited but PATH/HOME, so an outer DATABASE_URL cannot leak in).
 */
/** The API's configuration in every scenario, child process or in-process; `env` overrides. */
export function apiEnv({ port, dataDir, env = {} }) {
  return {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    JWT_SECRET: JWT_SECRET_FOR_RUN,
    WECHAT_SANDBOX: 'true',
    LOGIN_RATE_LIMIT: '100000',
    // load generators order over and over as a few shoppers: the anti-hoarding limits (tested in
    // apps/api/test/money-safety.e2e-spec.ts) would refuse them and hide what is being measured
    ORDER_MAX_UNPAID_PER_SHOPPER: '1000',
    ORDER_MAX_UNITS_HELD_PER_SHOPPER: '1000000',
    ADMIN_LOGIN_RATE_LIMIT: '100000',
    MIGRATE_ON_START: 'true',
    SEED_DEMO: 'false',
    ...env,
  };
}

export async function startApi(
  name,
  { port, env = {}, dataDir, preload = [], waitReady = true, readyTimeoutMs = 60_000 },
) {
  const fullEnv = { PATH: process.env.PATH, HOME: process.env.HOME ?? '/root', ...apiEnv({ port, dataDir, env }) };
  const args = [...preload.flatMap((p) => ['-r', p]), join(ROOT, 'dist/apps/api/src/main.js')];
  const proc = startChild(name, process.execPath, args, { env: fullEnv });
  const api = { ...proc, port, baseUrl: `http://127.0.0.1:${port}`, env: fullEnv };
  if (waitReady) await waitApiLive(api, readyTimeoutMs);
  return api;
}

export async function waitApiLive(api, timeoutMs = 60_000) {
  let exited = false;
  void api.exited.then(() => {
    exited = true;
  });
  await waitFor(
    `${api.name} to answer /health/live`,
    async () => {
      if (exited) throw new Error(`${api.name} exited: ${api.lines.slice(-5).join(' | ')}`);
      const res = await request('GET', `${api.baseUrl}/api/v1/health/live`, { timeoutMs: 1000 });
      return res.status === 200;
    },
    { timeoutMs, intervalMs: 100 },
  ).catch((err) => {
    if (exited) throw new Error(`${api.name} exited during start: ${api.lines.slice(-8).join('\n')}`);
    throw err;
  });
}

export async function waitReadiness(baseUrl, wanted = 200, timeoutMs = 30_000) {
  return waitFor(
    `readiness ${wanted}`,
    async () => {
      const res = await request('GET', `${baseUrl}/api/v1/health`, { timeoutMs: 3000 });
      return res.status === wanted ? res : null;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

export function which(cmd) {
  const res = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return res.status === 0 ? res.stdout.trim() : null;
}
