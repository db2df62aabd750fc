// Starting, waiting for and stopping the processes under test.
import { clearTimeout, setTimeout } from 'node:timers';
import { spawn, fork } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import http from 'node:http';
import { sleep } from './util.mjs';

const children = new Set();

/** Everything we started is stopped if the runner dies or is interrupted. */
function killAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/**
 * Spawns `node <script>` with stdout (and stderr) written to `logFile` ('/dev/null' by default:
 * the server still formats and writes every JSON log line, the kernel just drops them).
 */
export function spawnNode(
  script,
  { args = [], env = {}, logFile = '/dev/null', nodeArgs = [], ipc = false, nodeBin = process.execPath } = {},
) {
  const fd = openSync(logFile, 'a');
  const stdio = ['ignore', fd, fd];
  const options = { env: { ...process.env, ...env }, stdio: ipc ? [...stdio, 'ipc'] : stdio };
  const child = ipc
    ? fork(script, args, { ...options, execArgv: nodeArgs })
    : spawn(nodeBin, [...nodeArgs, script, ...args], options);
  closeSync(fd);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** A forked helper that talks over IPC (the load generator). */
export function forkHelper(script, env = {}) {
  const child = fork(script, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** One GET; resolves with the status code (0 when the connection failed). */
export function probe(url, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(0));
  });
}

/** Polls `url` every `everyMs` until it answers 200; resolves with ms since `since` (hrtime ns). */
export async function waitFor200(
  url,
  { child, timeoutMs = 60_000, everyMs = 5, since = process.hrtime.bigint() } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    const status = await probe(url, 2000);
    if (status === 200) return Number(process.hrtime.bigint() - since) / 1e6;
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${status})`);
    await sleep(everyMs);
  }
}

/** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
export async function stop(child, graceMs = 15_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
