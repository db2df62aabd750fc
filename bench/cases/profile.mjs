// Case 13 (`BENCH_ONLY=profile`, in every full run): where the CPU goes in each missed case. The
// API (bench/servers/api-harness.mjs, booted as main.js boots it) is profiled by V8's sampling
// profiler for one stretch of one kind of load at a time, so each profile holds one use case only:
// the cached home / list / detail, the database list page, checkout, payment notifications.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCheckout } from './checkout.mjs';
import { runNotify } from './notify.mjs';
import { summariseProfile } from '../lib/profile.mjs';
import { askChild, log } from '../lib/util.mjs';

/** Start/stop a profile in the harness over IPC; each stop gives the summary of what ran since start. */
function profilerFor(child, dir) {
  const ask = (msg, reply) => askChild(child, msg, reply);
  let n = 0;
  return {
    start: () => ask({ type: 'profile-start' }, 'profile-started'),
    async stop(name) {
      const file = resolve(dir, `${String(++n).padStart(2, '0')}-${name.replace(/\W+/g, '-')}.cpuprofile`);
      await ask({ type: 'profile-stop', file }, 'profile-written');
      return { ...summariseProfile(JSON.parse(readFileSync(file, 'utf8')), 8), file };
    },
  };
}

export async function runProfiles({
  loader,
  harness,
  child,
  shop,
  conn,
  paths,
  dist,
  runId,
  tmp,
  connections,
  seconds,
}) {
  const dir = resolve(tmp, `prof-cases-${runId}`);
  mkdirSync(dir, { recursive: true });
  const profiler = profilerFor(child, dir);
  const out = [];
  const reads = [
    ['home (cached)', { url: harness.url + paths.home }],
    ['product list (cached)', { url: harness.url + paths.list }],
    ['product detail (cached)', { url: harness.url, plan: 'paths', data: { paths: paths.details } }],
    ['product list (database)', { url: harness.url + paths.listDb }],
  ];
  for (const [name, target] of reads) {
    await loader.run({ ...target, connections, duration: 2 }, harness.pid); // warm (fills the caches)
    await profiler.start();
    const res = await loader.run({ ...target, connections, duration: seconds }, harness.pid);
    const summary = await profiler.stop(name);
    out.push({ name, answers: res.rps, codes: res.codes, serverCpu: res.serverCpu, dbCpu: res.dbCpu, ...summary });
    log(`profile: ${name}: ${res.rps.toFixed(0)} req/s while profiled, ${summary.busyMs.toFixed(0)} ms busy`);
  }
  /** Told by the checkout and notification cases when their measured rounds start and end. */
  const measuredAs = (name) => ({
    start: () => profiler.start(),
    stop: async () => out.push({ name, ...(await profiler.stop(name)) }),
  });
  const checkout = await runCheckout({
    loader,
    apiUrl: harness.url,
    apiPid: harness.pid,
    shop,
    conn,
    rounds: 1,
    duration: seconds,
    warmup: 2,
    connections,
    runId: `${runId}-profile`,
    measured: measuredAs('checkout (POST /orders)'),
  });
  Object.assign(out[out.length - 1], {
    answers: checkout.ordersPerSecond,
    serverCpu: checkout.serverCpu,
    dbCpu: checkout.dbCpu,
  });
  const notify = await runNotify({
    loader,
    harness,
    conn,
    tokens: new Map(shop.shoppers.map((x) => [x.userId, x.token])),
    rounds: 1,
    perRound: 1500,
    warmupCount: 200,
    connections,
    dist,
    measured: measuredAs('payment notifications'),
  });
  Object.assign(out[out.length - 1], { answers: notify.perSecond, serverCpu: notify.serverCpu, dbCpu: notify.dbCpu });
  return { dir, seconds, cases: out };
}

const pct = (x) => `${(x * 100).toFixed(1)} %`;

export function profileSection(r) {
  const lines = [
    '## Where the CPU goes, case by case (case 13, `BENCH_ONLY=profile`)',
    '',
    `The API harness (booted as \`main.js\` boots it, development config with the in-process sandbox, MariaDB + Redis, info logging) under ` +
      `${r.seconds} s of one kind of load at a time (64 connections), profiled in-process by V8's sampling profiler (0.5 ms). ` +
      'Left: time charged to the nearest package on the stack (a socket or file write counts for whoever asked for it); ' +
      'right: functions by self time; "share" is of the API\'s busy (not idle) time. The profiler itself slows the API, so req/s here are ' +
      `lower than in the tables above and are not results. Raw profiles: \`bench/.tmp/${r.dir.replace(/^.*\/bench\/\.tmp\//, '')}\` (open in Chrome DevTools or speedscope).`,
  ];
  for (const c of r.cases) {
    lines.push(
      '',
      `### ${c.name}: ${c.answers !== undefined ? `${c.answers.toFixed(0)}/s while profiled, ` : ''}API CPU ${pct(c.serverCpu ?? NaN)} of a core, MariaDB ${pct(c.dbCpu ?? NaN)}, ${(c.busyMs / 1000).toFixed(1)} s busy`,
      '',
      '| where (self time) | share | | top function | share |',
      '|---|---|---|---|---|',
    );
    for (let i = 0; i < Math.max(c.owners.length, c.top.length); i++) {
      const o = c.owners[i];
      const t = c.top[i];
      lines.push(
        `| ${o ? `${o.name}` : ''} | ${o ? pct(o.share) : ''} | | ${t ? `\`${t.name.replace(/\|/g, '/')}\`` : ''} | ${t ? pct(t.share) : ''} |`,
      );
    }
  }
  return lines.join('\n');
}
