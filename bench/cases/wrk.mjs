// The cached cases again with wrk (a C load generator, Debian package `wrk`), so the baseline is
// never capped by the load generator: one thread, 64 connections, interleaved rounds against bare
// node:http, bare Nest on Fastify, plain Fastify and the API, all sending the same bytes.
import { spawn } from 'node:child_process';
import { cpuSeconds, log, median } from '../lib/util.mjs';

export function wrkAvailable() {
  return new Promise((resolve) => {
    const p = spawn('wrk', ['--version']);
    p.on('error', () => resolve(false));
    p.on('exit', () => resolve(true));
  });
}

function wrk(url, { connections, seconds, threads }) {
  return new Promise((resolve, reject) => {
    const p = spawn('wrk', [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency', url]);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('exit', () => {
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
      const ms = (label) => {
        const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
        if (!m) return NaN;
        return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
      };
      const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
      const socketErrors = /Socket errors: (.*)/.exec(out)?.[1] ?? '';
      resolve({ rps, p50: ms('50'), p99: ms('99'), non2xx, socketErrors, raw: out });
    });
  });
}

/** `servers`: { name: { url, pid } } with `baseline` among them; `paths`: { case: { name: suffix } }. */
export async function runWrk({ servers, cases, rounds, seconds, connections, threads = 1 }) {
  const results = [];
  for (const [caseName, paths] of Object.entries(cases)) {
    const names = Object.keys(paths);
    for (const name of names) await wrk(servers[name].url + paths[name], { connections, seconds: 2, threads });
    const perRound = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? names : [...names].reverse();
      const got = {};
      for (const name of order) {
        const cpu0 = cpuSeconds(servers[name].pid);
        const res = await wrk(servers[name].url + paths[name], { connections, seconds, threads });
        res.cpuUs = (1e6 * (cpuSeconds(servers[name].pid) - cpu0)) / (res.rps * seconds);
        got[name] = res;
      }
      perRound.push(got);
      log(
        `wrk ${caseName} round ${r + 1}: ` +
          names.map((n) => `${n} ${Math.round(got[n].rps)}/s (${Math.round(got[n].cpuUs)} µs)`).join(', '),
      );
    }
    const row = { case: caseName, servers: {} };
    for (const name of names) {
      row.servers[name] = {
        rps: median(perRound.map((p) => p[name].rps)),
        ratio: median(perRound.map((p) => p[name].rps / p.baseline.rps)),
        p50: median(perRound.map((p) => p[name].p50)),
        p99: Math.max(...perRound.map((p) => p[name].p99)),
        cpuUs: median(perRound.map((p) => p[name].cpuUs)),
        errors: perRound.reduce((s, p) => s + p[name].non2xx + (p[name].socketErrors ? 1 : 0), 0),
      };
    }
    results.push(row);
  }
  return results;
}

export function wrkSection(rows, { load, rounds, seconds, connections }) {
  const lines = [
    '## wrk: the cached cases with a C load generator (`BENCH_ONLY=wrk`)',
    '',
    `wrk (Debian: \`apt-get install wrk\`), 1 thread, ${connections} connections, ${rounds} interleaved rounds of ${seconds} s ` +
      `per server; machine load at start: ${load}. Ratio = req/s over bare \`node:http\` in the same round (median); ` +
      'CPU per answer from /proc. Target: ours ≥ 0.60 on each cached case.',
    '',
    '| case | bare Node | bare Nest on Fastify | plain Fastify | ours | ours p50 / p99 | target ≥ 0.60 |',
    '|---|---|---|---|---|---|---|',
  ];
  const cell = (s) =>
    s ? `${s.ratio.toFixed(2)} (${Math.round(s.rps).toLocaleString('en-US')}/s, ${Math.round(s.cpuUs)} µs)` : '—';
  for (const r of rows) {
    const ours = r.servers.ours;
    lines.push(
      `| ${r.case} | ${cell(r.servers.baseline)} | ${cell(r.servers.nest)} | ${cell(r.servers.fastify)} | ${cell(ours)} | ` +
        `${ours.p50.toFixed(1)} / ${ours.p99.toFixed(1)} ms | ${ours.ratio >= 0.6 ? 'met' : 'missed'} |`,
    );
  }
  return lines.join('\n');
}
