// The load generator: autocannon, in its own process (forked by the runner), so it never shares
// an event loop with a server under test. Jobs arrive over IPC; each answers a plain summary.
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { percentile } from './util.mjs';

/**
 * Request plans that need per-request data (each request must differ), built here so the data
 * crosses the process boundary once per job.
 */
function buildRequests(job) {
  if (job.plan === 'checkout') {
    // 64 connections, many shoppers: each request is the next shopper buying one random SKU
    // (weighted towards a few flash-sale SKUs) with a fresh Idempotency-Key, as the mini-program does.
    const { shoppers, skus, flashSkus, flashShare, runId } = job.data;
    let n = 0;
    return [
      {
        setupRequest(req) {
          const i = n++;
          const shopper = shoppers[i % shoppers.length];
          const pool = Math.random() < flashShare ? flashSkus : skus;
          const skuId = pool[Math.floor(Math.random() * pool.length)];
          const quantity = 1 + (i % 2);
          req.method = 'POST';
          req.path = '/api/v1/orders';
          req.headers = {
            'content-type': 'application/json',
            authorization: `Bearer ${shopper.token}`,
            'idempotency-key': `bench-${runId}-${i}`,
          };
          req.body = JSON.stringify({ items: [{ skuId, quantity }], addressId: shopper.addressId });
          return req;
        },
      },
    ];
  }
  if (job.plan === 'notify') {
    // Each request is a different signed notification (each pays a different order).
    const list = job.data.notifications;
    let n = 0;
    return [
      {
        setupRequest(req) {
          const note = list[n++ % list.length];
          req.method = 'POST';
          req.path = '/api/v1/payments/wechat/notify';
          req.headers = note.headers;
          req.body = note.body;
          return req;
        },
      },
    ];
  }
  if (job.plan === 'paths') {
    // GET a rotating list of paths (e.g. several product details).
    const { paths } = job.data;
    let n = 0;
    return [
      {
        setupRequest(req) {
          req.method = 'GET';
          req.path = paths[n++ % paths.length];
          return req;
        },
      },
    ];
  }
  return undefined;
}

async function run(job) {
  const requests = buildRequests(job);
  const all = [];
  const ok = [];
  const cpuBefore = process.cpuUsage();
  let startedAt = 0;
  let lastResponseAt = 0;
  const t0 = process.hrtime.bigint();
  const result = await new Promise((resolve, reject) => {
    const options = {
      url: job.url,
      connections: job.connections ?? 64,
      pipelining: 1,
      timeout: job.timeout ?? 10,
      method: job.method ?? 'GET',
      // a fixed number of requests (each notification once) or a duration
      ...(job.amount ? { amount: job.amount } : { duration: job.duration ?? 5 }),
      ...(job.headers ? { headers: job.headers } : {}),
      ...(job.body ? { body: job.body } : {}),
      ...(requests ? { requests } : {}),
    };
    startedAt = performance.now();
    const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, status, _bytes, ms) => {
      lastResponseAt = performance.now();
      if (!job.samples) return;
      all.push(ms);
      if (status >= 200 && status < 300) ok.push(ms);
    });
  });
  // With `amount`, autocannon notices it is done on its next 1-second tick and reports that as
  // the duration (4,000 answers in 5.2 s came out as "6.01 s"): time fixed-count runs ourselves,
  // from the start to the last answer.
  const seconds = job.amount ? (lastResponseAt - startedAt) / 1000 : result.duration;
  const wallSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const completed = Object.values(result.statusCodeStats ?? {}).reduce((s, c) => s + Number(c.count), 0);
  const codes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]));
  return {
    completed,
    seconds,
    rps: completed / seconds,
    codes,
    errors: result.errors,
    timeouts: result.timeouts,
    // autocannon's histogram (2xx only, whole milliseconds)
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, avg: result.latency.average },
    // our own samples (float ms) when asked: all answers and 2xx answers separately
    samples: job.samples
      ? {
          all: { p50: percentile(all, 50), p99: percentile(all, 99), n: all.length },
          ok: { p50: percentile(ok, 50), p99: percentile(ok, 99), n: ok.length },
        }
      : undefined,
    loaderCpu: (cpu.user + cpu.system) / 1e6 / wallSeconds,
    bytesPerResponse: completed ? result.throughput.total / completed : 0,
  };
}

process.on('message', async (msg) => {
  try {
    process.send({ id: msg.id, result: await run(msg.job) });
  } catch (err) {
    process.send({ id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
process.on('disconnect', () => process.exit(0));
