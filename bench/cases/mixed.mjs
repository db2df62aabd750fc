// Case 11 (mixed) and 12 (soak): virtual shoppers against API replicas behind the shipped nginx
// config, on MariaDB + Redis, with the sweepers (SWEEP_INTERVAL_MS=1000) and event ingestion
// (POST /events on every browse step) running. Each shopper loops: 70 % browse (home, a category
// page or a product detail, + its behaviour event), 10 % search, 10 % cart (add, view), 10 %
// order + pay (POST /orders, POST /orders/:id/pay, then WeChat Pay's signed TRANSACTION.SUCCESS
// notification). Every answer outside 2xx is an error.
//
// The notification is signed with the sandbox keys of the replica that booted it (each replica's
// in-process sandbox makes its own keys, handed over IPC by bench/servers/api-harness.mjs), so it
// goes straight to that replica's port; every other request goes through nginx.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'node:http';
import { Buffer } from 'node:buffer';
import { clearInterval, setInterval } from 'node:timers';
import { URL } from 'node:url';
import { SEARCH_QUERIES } from './search.mjs';
import { notificationBuilder } from '../lib/notification.mjs';
import { spawnNode, stop, waitFor200 } from '../lib/procs.mjs';
import { askChild, cpuSeconds, databasePid, freePort, percentile, rssMb, sleep } from '../lib/util.mjs';

/** Starts one replica through the harness (main.js's boot + its sandbox's pay keys over IPC). */
export async function startReplica({ dist, env, logFile, nodeArgs = [] }) {
  const port = await freePort();
  const child = spawnNode(resolve('bench/servers/api-harness.mjs'), {
    env: { ...env(port), BENCH_DIST: dist, SWEEP_INTERVAL_MS: '1000' },
    logFile,
    nodeArgs,
    ipc: true,
  });
  const ready = await new Promise((res, rej) => {
    child.once('message', res);
    child.once('exit', (code) => rej(new Error(`an API replica exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/api/v1/health`, { child, everyMs: 50 });
  return { child, pid: child.pid, port, url, pay: ready.pay };
}

/**
 * nginx with deploy/nginx/nginx.conf as shipped, changed only where a loopback bench must:
 * listen port, upstream servers, file paths under a temp prefix, not a daemon, and the per-IP
 * limit_req/limit_conn lines removed (every virtual shopper comes from 127.0.0.1, so the per-IP
 * limits meant for one phone would answer 429 to the whole crowd).
 */
export async function startNginx(replicas, tmp) {
  const prefix = resolve(tmp, 'nginx');
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(resolve(prefix, 'logs'), { recursive: true });
  mkdirSync(resolve(prefix, 'cache'), { recursive: true });
  const port = await freePort();
  let conf = readFileSync('deploy/nginx/nginx.conf', 'utf8');
  conf = conf
    .replace(/^\s*limit_(req|conn) [^;]*;\s*$/gm, '')
    .replace(/error_log [^;]*;/, `error_log ${prefix}/logs/error.log warn;\npid ${prefix}/nginx.pid;`)
    .replace(/access_log \/var\/log\/nginx\/access.log json_lines;/, `access_log ${prefix}/logs/access.log json_lines;`)
    .replace(/proxy_cache_path \/var\/tmp\/sutwxapp-media-cache/, `proxy_cache_path ${prefix}/cache`)
    .replace(/include \/etc\/nginx\/sutwxapp-proxy.conf;/g, `include ${resolve('deploy/nginx/sutwxapp-proxy.conf')};`)
    .replace(/listen 80 default_server;/, `listen 127.0.0.1:${port} default_server;`)
    .replace(/worker_processes auto;/, 'worker_processes auto;\ndaemon off;')
    .replace(
      /upstream sutwxapp_api \{[\s\S]*?keepalive 32;/,
      `upstream sutwxapp_api {\n    least_conn;\n${replicas
        .map((r) => `    server 127.0.0.1:${r.port} max_fails=3 fail_timeout=10s;`)
        .join('\n')}\n    keepalive 32;`,
    );
  const file = resolve(prefix, 'nginx.conf');
  writeFileSync(file, conf);
  const child = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', file, '-e', `${prefix}/logs/error.log`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/nginx-health`, { child, everyMs: 50 });
  return { child, pid: child.pid, url, prefix };
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
function call(base, method, path, { token, body, headers = {}, fresh = false } = {}) {
  return new Promise((res) => {
    const u = new URL(base + path);
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = request(
      {
        // WeChat Pay's callbacks arrive on a connection of their own
        agent: fresh ? false : agent,
        host: u.hostname,
        port: u.port,
        method,
        path: u.pathname + u.search,
        headers: {
          ...(data !== undefined
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
            : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (r) => {
        const chunks = [];
        r.on('data', (c) => chunks.push(c));
        r.on('end', () => res({ status: r.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', (err) => res({ status: 0, text: String(err) }));
    if (data !== undefined) req.write(data);
    req.end();
  });
}

const STEP_WEIGHTS = [
  ['browse', 70],
  ['search', 10],
  ['cart', 10],
  ['order', 10],
];

/** The shoppers' loop for `seconds`; answers per-step latencies, errors and completed orders. */
async function shoppersLoop({ nginx, replicas, shop, shoppers, seconds, dist, runId, openids, onTick }) {
  const sign = new Map(replicas.map((r) => [r.port, notificationBuilder(r.pay, dist)]));
  const lat = { home: [], category: [], detail: [], event: [], search: [], cart: [], order: [], pay: [], notify: [] };
  const errors = [];
  let orders = 0;
  let steps = 0;
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const timed = async (name, p) => {
    const t0 = performance.now();
    const r = await p;
    lat[name].push(performance.now() - t0);
    if (r.status < 200 || r.status >= 300) errors.push(`${name} ${r.status} ${r.text.slice(0, 160)}`);
    return r;
  };
  const pick = () => {
    let x = Math.random() * 100;
    for (const [step, w] of STEP_WEIGHTS) if ((x -= w) < 0) return step;
    return 'browse';
  };
  const products = shop.products;
  const buyable = shop.checkout.filter((p) => !p.flash);
  const tick = onTick ? setInterval(onTick, 1000) : undefined;
  await Promise.all(
    Array.from({ length: shoppers }, async (_, s) => {
      const me = shop.shoppers[s % shop.shoppers.length];
      while (performance.now() < end) {
        const i = n++;
        const step = pick();
        const product = products[i % products.length];
        if (step === 'browse') {
          const kind = i % 3;
          if (kind === 0) await timed('home', call(nginx.url, 'GET', '/api/v1/catalog/home'));
          else if (kind === 1)
            await timed(
              'category',
              call(
                nginx.url,
                'GET',
                `/api/v1/catalog/products?categoryId=${shop.categoryId}&page=${1 + (i % 4)}&pageSize=20`,
              ),
            );
          else await timed('detail', call(nginx.url, 'GET', `/api/v1/catalog/products/${product.productId}`));
          await timed(
            'event',
            call(nginx.url, 'POST', '/api/v1/events', {
              token: me.token,
              body: {
                events: [
                  kind === 2
                    ? {
                        type: 'product_view',
                        page: 'pages/product/detail/index',
                        productId: product.productId,
                        clientTime: new Date().toISOString(),
                      }
                    : { type: 'page_view', page: 'pages/index/index', clientTime: new Date().toISOString() },
                ],
              },
            }),
          );
        } else if (step === 'search') {
          const q = SEARCH_QUERIES[i % SEARCH_QUERIES.length];
          await timed(
            'search',
            call(nginx.url, 'GET', `/api/v1/catalog/products?keyword=${encodeURIComponent(q)}&pageSize=20`),
          );
        } else if (step === 'cart') {
          const sku = buyable[i % buyable.length];
          await timed(
            'cart',
            call(nginx.url, 'POST', '/api/v1/cart/items', { token: me.token, body: { skuId: sku.skuId, quantity: 1 } }),
          );
          const cart = await timed('cart', call(nginx.url, 'GET', '/api/v1/cart', { token: me.token }));
          // and takes it out again, so a shopper's cart stays small over a long soak
          const line =
            cart.status === 200 ? (JSON.parse(cart.text).items ?? []).find((x) => x.skuId === sku.skuId) : undefined;
          if (line)
            await timed('cart', call(nginx.url, 'DELETE', `/api/v1/cart/items/${line.id}`, { token: me.token }));
        } else {
          const sku = buyable[i % buyable.length];
          const created = await timed(
            'order',
            call(nginx.url, 'POST', '/api/v1/orders', {
              token: me.token,
              headers: { 'idempotency-key': `mixed-${runId}-${i}` },
              body: { items: [{ skuId: sku.skuId, quantity: 1 }], addressId: me.addressId },
            }),
          );
          if (created.status !== 201) continue;
          const order = JSON.parse(created.text);
          const pay = await timed(
            'pay',
            call(nginx.url, 'POST', `/api/v1/orders/${order.id}/pay`, { token: me.token }),
          );
          if (pay.status >= 300) continue;
          // WeChat Pay notifies: signed by one replica's sandbox, sent to that replica
          const replica = replicas[i % replicas.length];
          const note = sign.get(replica.port)({
            orderNo: order.orderNo,
            payable: order.payableAmount,
            openid: openids.get(me.userId),
          });
          const r = await timed(
            'notify',
            call(replica.url, 'POST', '/api/v1/payments/wechat/notify', {
              fresh: true,
              headers: note.headers,
              body: note.body,
            }),
          );
          if (r.status >= 200 && r.status < 300) orders++;
        }
        steps++;
      }
    }),
  );
  if (tick) clearInterval(tick);
  const perStep = Object.fromEntries(
    Object.entries(lat)
      .filter(([, v]) => v.length)
      .map(([k, v]) => [k, { n: v.length, p50: percentile(v, 50), p99: percentile(v, 99) }]),
  );
  return { steps, orders, errors, perStep };
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Heap used and committed (MB) from a replica's Prometheus metrics (prom-client's nodejs_heap_size_*_bytes). */
async function heapMb(replica) {
  const r = await call(replica.url, 'GET', '/metrics');
  const read = (name) => {
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)`, 'm').exec(r.text);
    return m ? Number(m[1]) / 1e6 : NaN;
  };
  return { used: read('nodejs_heap_size_used_bytes'), total: read('nodejs_heap_size_total_bytes') };
}

/** Least-squares slope of y over x. */
function slope(xs, ys) {
  const n = xs.length;
  if (n < 2) return NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : NaN;
}

/** One measured run of the workload with these replicas behind a fresh nginx. */
export async function runMixedOnce({
  replicas,
  shop,
  shoppers,
  seconds,
  warmup,
  dist,
  runId,
  tmp,
  openids,
  sampleMemory,
}) {
  const nginx = await startNginx(replicas, tmp);
  try {
    await shoppersLoop({ nginx, replicas, shop, shoppers, seconds: warmup, dist, runId: `${runId}-w`, openids });
    const dbPid = databasePid();
    const cpu0 = replicas.map((r) => cpuSeconds(r.pid));
    const nginxCpu0 = cpuSeconds(nginx.pid) + childrenCpu(nginx.pid);
    const db0 = dbPid ? cpuSeconds(dbPid) : NaN;
    const load = loadavg();
    const samples = replicas.map(() => []);
    const t0 = performance.now();
    let sampling = false; // a read slower than the 5 s tick is not overlapped by the next one
    const sample = async () => {
      if (sampling) return;
      sampling = true;
      try {
        const t = (performance.now() - t0) / 60_000;
        for (const [k, r] of replicas.entries()) {
          const heap = await heapMb(r);
          // what survived each full collection since the last read (MB), from V8's GCProfiler
          const gc = await askChild(r.child, { type: 'gc-read' }, 'gc-read');
          const live = gc.full.map((x) => x.used / 1e6);
          samples[k].push({ t, rss: rssMb(r.pid), heap: heap.used, heapTotal: heap.total, live });
        }
      } finally {
        sampling = false;
      }
    };
    if (sampleMemory) await sample();
    let ticks = 0;
    const res = await shoppersLoop({
      nginx,
      replicas,
      shop,
      shoppers,
      seconds,
      dist,
      runId,
      openids,
      onTick: sampleMemory ? () => ++ticks % 5 === 0 && sample() : undefined,
    });
    if (sampleMemory) await sample();
    const cpu = replicas.map((r, k) => cpuSeconds(r.pid) - cpu0[k]);
    const apiCpu = cpu.reduce((a, b) => a + b, 0);
    return {
      load,
      loadAfter: loadavg(),
      replicas: replicas.length,
      seconds,
      shoppers,
      stepsPerSecond: res.steps / seconds,
      orders: res.orders,
      ordersPerSecond: res.orders / seconds,
      errors: res.errors.length,
      errorSamples: res.errors.slice(0, 5),
      perStep: res.perStep,
      apiCpuSeconds: apiCpu,
      apiCpuPerOrderMs: res.orders ? (apiCpu / res.orders) * 1000 : NaN,
      nginxCpuSeconds: cpuSeconds(nginx.pid) + childrenCpu(nginx.pid) - nginxCpu0,
      dbCpuSeconds: dbPid ? cpuSeconds(dbPid) - db0 : NaN,
      memory: sampleMemory ? samples.map((s) => memorySummary(s)) : undefined,
    };
  } finally {
    nginx.child.kill('SIGQUIT');
    await new Promise((r) => (nginx.child.exitCode !== null ? r() : nginx.child.once('exit', r)));
  }
}

/** CPU of a process's children (nginx workers), from /proc. */
function childrenCpu(pid) {
  let total = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) total += cpuSeconds(Number(d));
    } catch {
      // gone
    }
  }
  return total;
}

function memorySummary(s) {
  const pick = (k) => {
    // a sample whose read failed (a /metrics answer lost under load) is left out, and counted
    const ok = s.filter((x) => Number.isFinite(x[k]));
    const v = ok.map((x) => x[k]);
    const xs = ok.map((x) => x.t);
    return {
      start: v[0],
      peak: Math.max(...v),
      end: v[v.length - 1],
      slopeMbPerMin: slope(xs, v),
      missing: s.length - ok.length,
    };
  };
  return { samples: s.length, rss: pick('rss'), heap: pick('heap'), series: s };
}

export function mixedSection(r) {
  if (!r.runs.length) return soakLines(r).join('\n');
  const lines = [
    '## Mixed workload and soak (cases 11–12, `BENCH_ONLY=mixed` / `BENCH_ONLY=soak`)',
    '',
    `Virtual shoppers (${r.runs[0]?.shoppers ?? '?'} at once, closed loop): 70 % browse (home / category page / detail, each with its POST /events), ` +
      '10 % search, 10 % cart (add + view), 10 % order + pay (POST /orders, POST /orders/:id/pay, then the sandbox-signed ' +
      'TRANSACTION.SUCCESS notification straight to the replica whose sandbox signed it). Every other request goes through ' +
      'deploy/nginx/nginx.conf as shipped (least_conn upstream, keepalive, gzip, JSON access log), changed only for loopback: ' +
      'ports, temp paths, not a daemon, and the per-IP `limit_req`/`limit_conn` lines removed (all shoppers share 127.0.0.1). ' +
      'MariaDB + Redis; order sweepers every 1 s on every replica; events ingested through the API. Any non-2xx answer is an error.',
    '',
    '| replicas | load avg before → after | duration | steps/s | orders paid/s | errors | API CPU per paid order | API / nginx / MariaDB CPU (s) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const x of r.runs) {
    lines.push(
      `| ${x.replicas} | ${x.load} → ${x.loadAfter} | ${x.seconds} s | ${x.stepsPerSecond.toFixed(0)} | ${x.ordersPerSecond.toFixed(1)} | ` +
        `${x.errors}${x.errors ? ` (${x.errorSamples.map((e) => `\`${e.replace(/\|/g, '/')}\``).join('; ')})` : ''} | ` +
        `${x.apiCpuPerOrderMs.toFixed(0)} ms | ${x.apiCpuSeconds.toFixed(1)} / ${x.nginxCpuSeconds.toFixed(1)} / ${x.dbCpuSeconds.toFixed(1)} |`,
    );
  }
  if (r.runs.length === 2) {
    const [a, b] = r.runs;
    lines.push(
      '',
      `Scaling 1 → 2 replicas (same run, minutes apart): steps/s × ${(b.stepsPerSecond / a.stepsPerSecond).toFixed(2)}, ` +
        `orders/s × ${(b.ordersPerSecond / a.ordersPerSecond).toFixed(2)}. On 2 cores shared with nginx, MariaDB, Redis, the ` +
        'load generator and the neighbours, a second replica can only help while one replica is not already getting its core.',
    );
  }
  const errors = r.runs.reduce((n, x) => n + x.errors, 0);
  lines.push('', `Target: 0 errors on every run: **${errors === 0 ? 'met' : `missed (${errors})`}**.`);
  lines.push(
    '',
    'p50 / p99 per step (ms):',
    '',
    `| step | ${r.runs.map((x) => `${x.replicas} replica(s)`).join(' | ')} |`,
    `|---|${r.runs.map(() => '---|').join('')}`,
  );
  const steps = [...new Set(r.runs.flatMap((x) => Object.keys(x.perStep)))];
  for (const s of steps) {
    lines.push(
      `| ${s} | ${r.runs
        .map((x) =>
          x.perStep[s] ? `${x.perStep[s].p50.toFixed(1)} / ${x.perStep[s].p99.toFixed(1)} (n=${x.perStep[s].n})` : '—',
        )
        .join(' | ')} |`,
    );
  }
  return [...lines, ...(r.profile && !r.soak ? profileLines(r) : [])].join('\n');
}

export function soakSection(r) {
  return soakLines(r).join('\n');
}

function soakLines(r) {
  const lines = [];
  if (r.soak) {
    const s = r.soak;
    lines.push(
      `## Soak (case 12, \`BENCH_ONLY=soak\`, BENCH_SOAK_SECONDS): ${s.seconds} s of the mixed workload on 2 replicas`,
      '',
      `Load ${s.load} → ${s.loadAfter}; ${s.errors} errors${s.errors ? ` (first: ${s.errorSamples.map((e) => `\`${e.replace(/\s+/g, ' ').slice(0, 90)}\``).join('; ')})` : ''}, ` +
        `${s.stepsPerSecond.toFixed(0)} steps/s, ${s.ordersPerSecond.toFixed(1)} orders/s.`,
    );
    lines.push(
      '',
      `### Soak memory: ${s.seconds} s of the same workload on 2 replicas (load ${s.load} → ${s.loadAfter}; ${s.errors} errors, ${s.ordersPerSecond.toFixed(1)} orders/s)`,
      '',
      "RSS from /proc/<pid>/status, heap used from each replica's Prometheus `nodejs_heap_size_used_bytes` (the existing /metrics, read on the replica's own port; nginx answers 404 for /metrics). Sampled every 5 s; slope by least squares.",
      '',
      '| replica | samples | RSS start / peak / end (MB) | RSS slope (MB/min) | heap start / peak / end (MB) | heap slope (MB/min) |',
      '|---|---|---|---|---|---|',
    );
    for (const [k, m] of s.memory.entries()) {
      lines.push(
        `| ${k + 1} | ${m.samples} | ${m.rss.start.toFixed(0)} / ${m.rss.peak.toFixed(0)} / ${m.rss.end.toFixed(0)} | ${m.rss.slopeMbPerMin.toFixed(2)} | ` +
          `${m.heap.start.toFixed(1)} / ${m.heap.peak.toFixed(1)} / ${m.heap.end.toFixed(1)} | ${m.heap.slopeMbPerMin.toFixed(2)}${m.heap.missing ? ` (${m.heap.missing} reads failed)` : ''} |`,
      );
    }
    const verdicts = [];
    // A sawtooth sampled every 5 s makes a noisy slope; the lowest reading of each minute (after
    // that minute's collections) shows the shape, and what survives each full collection is the
    // heap a leak would grow.
    lines.push(
      '',
      'Lowest reading of each minute (MB), RSS / heap used, and the mean of what survived the full collections ' +
        "(V8's Mark-Compact, read through `v8.GCProfiler` in the bench harness) that ran in that minute:",
      '',
    );
    for (const [k, m] of s.memory.entries()) {
      const floors = new Map();
      for (const p of m.series ?? []) {
        const minute = Math.floor(p.t); // t is in minutes
        const f = floors.get(minute) ?? { rss: Infinity, heap: Infinity, live: [] };
        f.rss = Math.min(f.rss, p.rss);
        if (p.heap !== undefined && p.heap !== null) f.heap = Math.min(f.heap, p.heap);
        f.live.push(...(p.live ?? []));
        floors.set(minute, f);
      }
      for (const minute of floors.keys()) if (minute >= s.seconds / 60) floors.delete(minute); // the last, partial one
      verdicts.push(trendVerdicts(k, m.series ?? [], s.seconds / 60));
      const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;
      lines.push(
        `- replica ${k + 1}: ` +
          [...floors.entries()]
            .map(
              ([minute, f]) =>
                `min ${minute} ${f.rss.toFixed(0)} / ${Number.isFinite(f.heap) ? f.heap.toFixed(0) : '—'} / ` +
                `${f.live.length ? `${mean(f.live).toFixed(1)} (${f.live.length})` : '—'}`,
            )
            .join(', '),
      );
    }
    lines.push(
      '',
      'Target: no growth trend. Judged on the second half of the run (the first half holds the warm-up: caches ' +
        'filling, code being compiled, V8 and malloc sizing their heaps) by the least-squares slope of each measure, ' +
        'projected over an hour as a share of its mean level in that half: more than 5 % an hour counts as a trend. ' +
        'Heap used at a random moment is not judged: it includes garbage not yet collected, and which minutes held a full ' +
        'collection decides its floors; what survives the full collections is the heap a leak grows.',
      '',
      ...verdicts.flat(),
    );
  }
  return [...lines, ...(r.profile ? profileLines(r) : [])];
}

/** Slope verdicts over the second half of a soak for RSS, V8's committed heap and the heap surviving full collections. */
function trendVerdicts(k, series, minutes) {
  if (minutes < 10)
    return [`- replica ${k + 1}: too short to tell (${minutes.toFixed(0)} minutes; the verdict needs 10)`];
  const half = minutes / 2;
  const measures = [
    ['RSS', series.filter((p) => p.t >= half && Number.isFinite(p.rss)).map((p) => [p.t, p.rss])],
    [
      "V8's committed heap",
      series.filter((p) => p.t >= half && Number.isFinite(p.heapTotal)).map((p) => [p.t, p.heapTotal]),
    ],
    [
      'heap surviving full collections',
      series.filter((p) => p.t >= half).flatMap((p) => (p.live ?? []).map((mb) => [p.t, mb])),
    ],
  ];
  return measures.map(([label, points]) => {
    if (points.length < 4) return `- replica ${k + 1} ${label}: too few readings in the second half (${points.length})`;
    const perMin = slope(
      points.map((x) => x[0]),
      points.map((x) => x[1]),
    );
    const level = points.reduce((a, x) => a + x[1], 0) / points.length;
    const perHour = (perMin * 60) / level;
    return (
      `- replica ${k + 1} ${label}: ${perMin >= 0 ? '+' : ''}${perMin.toFixed(3)} MB/min over minutes ` +
      `${half.toFixed(0)}–${minutes.toFixed(0)} (${points.length} readings, mean ${level.toFixed(0)} MB; ` +
      `${perHour >= 0 ? '+' : ''}${(perHour * 100).toFixed(1)} % an hour): **${perHour > 0.05 ? 'growing (missed)' : 'no trend (met)'}**`
    );
  });
}

function profileLines(r) {
  const lines = [];
  {
    lines.push(
      '',
      `### CPU profile of replica 1 (\`BENCH_PROFILE=1\`, --cpu-prof over its whole life: boot, shop setup, the runs above; ` +
        `${(r.profile.totalMs / 1000).toFixed(0)} s sampled, ${(r.profile.busyMs / 1000).toFixed(0)} s not idle), top self time`,
      '',
      '| function | self ms | share of busy time |',
      '|---|---|---|',
      ...r.profile.top.map((t) => `| \`${t.name}\` | ${t.ms.toFixed(0)} | ${(t.share * 100).toFixed(1)} % |`),
    );
  }
  return lines;
}

export { sleep, stop };
