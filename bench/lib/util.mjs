// Small helpers shared by the runner, the cases and the child processes. No dependencies.
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Nearest-rank percentile of raw samples (q in 0..100). */
export function percentile(values, q) {
  if (values.length === 0) return NaN;
  const v = Float64Array.from(values).sort();
  const rank = Math.min(v.length - 1, Math.max(0, Math.ceil((q / 100) * v.length) - 1));
  return v[rank];
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** User + system CPU time of a process in seconds, from /proc/<pid>/stat (clock ticks of 10 ms). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after "(comm) ": state is field 3, so utime (14) and stime (15) are at indexes 11 and 12
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * The local database server's pid (mariadbd or mysqld), to report its CPU share beside the
 * API's: on a 2-core machine the database, the API and the load generator share the cores.
 * Null when it is not a local process this user can see.
 */
export function databasePid() {
  // the longest-running one: tests and ops checks start throwaway servers of their own beside it
  let found = null;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
        if (comm !== 'mariadbd' && comm !== 'mysqld') continue;
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const started = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]); // field 22, starttime
        if (!found || started < found.started) found = { pid: Number(entry), started };
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return found?.pid ?? null;
}

export function rssSampler(pid, everyMs = 200) {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    const now = rssMb(pid);
    if (now > peak) peak = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const now = rssMb(pid);
      return now > peak ? now : peak;
    },
  };
}

/** Sends a message to a forked child and resolves with its first message of type `reply`. */
export function askChild(child, msg, reply) {
  return new Promise((res, rej) => {
    const onMessage = (m) => {
      if (m?.type !== reply) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      res(m);
    };
    const onExit = (code) => rej(new Error(`the API harness exited (${code}) before answering ${msg.type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(msg);
  });
}

export const fmtInt = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
export const fmt1 = (n) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
export const fmt2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
export const fmt3 = (n) => (Number.isFinite(n) ? n.toFixed(3) : 'n/a');

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function log(...args) {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[bench ${t}]`, ...args);
}
