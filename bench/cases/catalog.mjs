// Cases 1–3 and the database list page: the API against bare node:http sending the same bytes,
// interleaved (baseline, ours, ours, baseline, …) so a noisy neighbour hits both sides alike.
import { log, median } from '../lib/util.mjs';

/**
 * `targets`: [{ name, ours: job, baseline: job, reference?: job }] where a job is a partial
 * loader job (url, plan, data). Answers per target: every round's figures and the medians.
 */
export async function runCatalog({ loader, apiPid, basePid, targets, rounds, duration, warmup, connections }) {
  const pidOf = (side) => (side === 'ours' ? apiPid : side === 'baseline' ? basePid : undefined);
  const results = [];
  // BENCH_CATALOG_CASES=detail: only the targets whose name contains one of the words (one case before/after a change)
  const only = (process.env.BENCH_CATALOG_CASES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const target of targets.filter((t) => only.length === 0 || only.some((w) => t.name.includes(w)))) {
    log(`catalog: ${target.name} — warm-up ${warmup}s each side`);
    await loader.run({ ...target.baseline, connections, duration: warmup }, basePid);
    await loader.run({ ...target.ours, connections, duration: warmup }, apiPid);
    if (target.reference) await loader.run({ ...target.reference, connections, duration: warmup });

    const perRound = [];
    for (let r = 0; r < rounds; r++) {
      // Alternate who goes first, so a drift during the run does not always favour one side.
      const order = r % 2 === 0 ? ['baseline', 'ours'] : ['ours', 'baseline'];
      const got = {};
      for (const side of order) {
        got[side] = await loader.run({ ...target[side], connections, duration }, pidOf(side));
      }
      if (target.reference) got.reference = await loader.run({ ...target.reference, connections, duration });
      const ratio = got.ours.rps / got.baseline.rps;
      perRound.push({ ...got, ratio });
      log(
        `  round ${r + 1}: baseline ${got.baseline.rps.toFixed(0)}/s, ours ${got.ours.rps.toFixed(0)}/s ` +
          `(p99 ${got.ours.latency.p99} ms, non-2xx ${nonOk(got.ours)}) → ${ratio.toFixed(3)}; ` +
          `CPU/answer ${cpuUs(got.baseline)} vs ${cpuUs(got.ours)} µs, loader CPU ${pct(got.baseline.loaderCpu)} / ${pct(got.ours.loaderCpu)}` +
          (got.reference ? `; plain Fastify ${(got.reference.rps / got.baseline.rps).toFixed(3)}` : '') +
          (target.name.includes('database')
            ? `; API CPU ${pct(got.ours.serverCpu)}, MariaDB ${pct(got.ours.dbCpu)}`
            : ''),
      );
    }
    results.push({
      name: target.name,
      database: target.name.includes('database'),
      bytes: Math.round(median(perRound.map((p) => p.ours.bytesPerResponse))),
      rounds: perRound,
      ratio: median(perRound.map((p) => p.ratio)),
      baselineRps: median(perRound.map((p) => p.baseline.rps)),
      oursRps: median(perRound.map((p) => p.ours.rps)),
      oursP50: median(perRound.map((p) => p.ours.latency.p50)),
      oursP99: Math.max(...perRound.map((p) => p.ours.latency.p99)),
      baselineP99: Math.max(...perRound.map((p) => p.baseline.latency.p99)),
      referenceRatio: target.reference ? median(perRound.map((p) => p.reference.rps / p.baseline.rps)) : undefined,
      loaderCpuBaseline: median(perRound.map((p) => p.baseline.loaderCpu)),
      loaderCpuOurs: median(perRound.map((p) => p.ours.loaderCpu)),
      serverCpu: median(perRound.map((p) => p.ours.serverCpu)),
      dbCpuOurs: median(perRound.map((p) => p.ours.dbCpu)),
      // CPU time per answer: less sensitive to a busy machine than req/s
      cpuUsOurs: median(perRound.map((p) => (1e6 * p.ours.serverCpu) / p.ours.rps)),
      cpuUsBaseline: median(perRound.map((p) => (1e6 * p.baseline.serverCpu) / p.baseline.rps)),
      baselineCpu: median(perRound.map((p) => p.baseline.serverCpu)),
      peakRssMb: Math.max(...perRound.map((p) => p.ours.serverPeakRssMb)),
      nonOk: perRound.reduce((s, p) => s + nonOk(p.ours), 0),
    });
  }
  return results;
}

const cpuUs = (r) => ((1e6 * r.serverCpu) / r.rps).toFixed(0);
const pct = (x) => `${Math.round(x * 100)}%`;

function nonOk(r) {
  return (
    Object.entries(r.codes)
      .filter(([code]) => !code.startsWith('2'))
      .reduce((s, [, n]) => s + n, 0) + r.errors
  );
}
