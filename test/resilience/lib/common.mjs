// Shared helpers for the resilience scenarios: paths, timing, statistics, free ports, checks.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, hostname, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export { sleep };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Scratch space for logs, data directories and configs (git-ignored). */
export const TMP = join(ROOT, 'test/resilience/.tmp');
export const requireFromRoot = createRequire(join(ROOT, 'package.json'));

export function scratchDir(prefix) {
  mkdirSync(TMP, { recursive: true });
  return mkdtempSync(join(TMP, `${prefix}-`));
}

/** A TCP port nobody listens on right now (the OS picks it; loopback only). */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

export const now = () => performance.now();

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export function latencySummary(values) {
  if (values.length === 0) return { n: 0 };
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p90: round(percentile(values, 90)),
    p99: round(percentile(values, 99)),
    max: round(Math.max(...values)),
  };
}

export const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function fmtLatency(s) {
  if (!s || !s.n) return 'n/a';
  return `p50 ${s.p50} ms, p90 ${s.p90} ms, p99 ${s.p99} ms, max ${s.max} ms (n=${s.n})`;
}

/** The latency line of timed samples (answers, load samples: each with its `ms`). */
export const latencyOf = (samples) => fmtLatency(latencySummary(samples.map((s) => s.ms)));

export function countBy(items, key) {
  const out = {};
  for (const item of items) {
    const k = typeof key === 'function' ? key(item) : item[key];
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function machine() {
  const c = cpus();
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return `${hostname()}, ${c.length} × ${c[0]?.model?.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average ${load} at the end`;
}

export function log(scenario, message) {
  const t = new Date().toISOString().slice(11, 23);
  console.log(`[${t}] ${scenario}: ${message}`);
}

/** Collects named pass/fail checks; a scenario fails when any check failed. */
export class Checks {
  constructor(scenario) {
    this.scenario = scenario;
    this.items = [];
  }
  check(name, ok, detail = '') {
    this.items.push({ name, ok: Boolean(ok), detail: String(detail) });
    log(this.scenario, `${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
    return Boolean(ok);
  }
  get failed() {
    return this.items.filter((c) => !c.ok);
  }
  get ok() {
    return this.failed.length === 0;
  }
}

/** Polls until `fn` returns truthy (or throws on timeout). */
export async function waitFor(what, fn, { timeoutMs = 30_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${last.message})` : ''}`);
    }
    await sleep(intervalMs);
  }
}

export function shuffle(items, random = Math.random) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A small seeded PRNG so a failing shuffle can be replayed with RESILIENCE_SEED. */
export function seededRandom(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
