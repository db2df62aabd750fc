// Case 5: WeChat Pay notifications per second (signature verify + AES-GCM decrypt + amount check +
// PENDING_PAYMENT → PAID in one transaction), each a different order, over real HTTP on MariaDB.
import { performance } from 'node:perf_hooks';
import { notificationBuilder } from '../lib/notification.mjs';
import { apiClient } from '../lib/shop.mjs';
import { log, mapLimit, median } from '../lib/util.mjs';

export async function runNotify({
  loader,
  harness,
  conn,
  tokens,
  rounds,
  perRound,
  warmupCount,
  connections,
  dist,
  measured,
}) {
  const [rows] = await conn.query(
    `SELECT o.id, o.user_id AS userId, o.order_no AS orderNo, o.payable_amount AS payable, u.openid
       FROM orders o JOIN users u ON u.id = o.user_id
      WHERE o.status = 'PENDING_PAYMENT' ORDER BY o.id LIMIT ?`,
    [warmupCount + rounds * perRound],
  );
  // As in the shop: the shopper asks to pay first (POST /orders/:id/pay: WeChat prepay, payment
  // row), then WeChat notifies. Setup, not measured.
  const t0 = performance.now();
  const api = apiClient(harness.url);
  await mapLimit(rows, 16, (o) => api.post(`/api/v1/orders/${o.id}/pay`, undefined, { token: tokens.get(o.userId) }));
  log(
    `notifications: ${rows.length} orders asked to pay (POST /orders/:id/pay) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const available = rows.length;
  // every notification pays a different unpaid order, so the checkout case's orders are the budget
  warmupCount = Math.min(warmupCount, Math.floor(available / 5));
  const each = Math.floor((available - warmupCount) / rounds);
  if (each < 200) throw new Error(`only ${available} unpaid orders to notify about; the checkout case made too few`);
  const build = notificationBuilder(harness.pay, dist);
  const slice = (from, count) => {
    const t0 = performance.now();
    const list = rows.slice(from, from + count).map((o) => build({ ...o, payable: Number(o.payable) }));
    return { list, ms: performance.now() - t0 };
  };
  const job = (list) => ({
    url: harness.url,
    plan: 'notify',
    data: { notifications: list },
    connections,
    amount: list.length,
    samples: true,
  });

  log(`notifications: ${available} unpaid orders; warm-up ${warmupCount}, then ${rounds} × ${each}`);
  const warm = slice(0, warmupCount);
  await loader.run(job(warm.list), harness.pid);
  const perRoundResults = [];
  let signMs = warm.ms / warmupCount;
  // `measured` (the profile case): told when the measured rounds start and end
  await measured?.start();
  for (let r = 0; r < rounds; r++) {
    // Built just before sending: WeChat's timestamps must be within ±300 s when they arrive.
    const { list, ms } = slice(warmupCount + r * each, each);
    signMs = ms / each;
    const res = await loader.run(job(list), harness.pid);
    const perSecond = (res.codes['204'] ?? 0) / res.seconds;
    perRoundResults.push({ ...res, perSecond });
    log(
      `  round ${r + 1}: ${perSecond.toFixed(0)} notifications/s, p50 ${res.samples.ok.p50.toFixed(1)} ms, ` +
        `p99 ${res.samples.ok.p99.toFixed(1)} ms, answers ${JSON.stringify(res.codes)}`,
    );
  }
  await measured?.stop();
  const ids = rows.slice(0, warmupCount + rounds * each).map((o) => o.id);
  const [[{ paid }]] = await conn.query(`SELECT COUNT(*) AS paid FROM orders WHERE id IN (?) AND status = 'PAID'`, [
    ids,
  ]);
  const [[{ notes }]] = await conn.query(
    'SELECT COUNT(*) AS notes FROM payment_notifications WHERE out_trade_no IN (?)',
    [rows.slice(0, ids.length).map((o) => o.orderNo)],
  );
  log(`  verified: ${paid} of ${ids.length} orders PAID, ${notes} notification rows`);
  return {
    rounds: perRoundResults,
    perSecond: median(perRoundResults.map((p) => p.perSecond)),
    p50: median(perRoundResults.map((p) => p.samples.ok.p50)),
    p99: Math.max(...perRoundResults.map((p) => p.samples.ok.p99)),
    sent: ids.length,
    paid: Number(paid),
    rows: Number(notes),
    nonOk: perRoundResults.reduce(
      (s, p) =>
        s +
        Object.entries(p.codes)
          .filter(([c]) => c !== '204')
          .reduce((a, [, k]) => a + k, 0) +
        p.errors,
      0,
    ),
    signMsEach: signMs,
    loaderCpu: median(perRoundResults.map((p) => p.loaderCpu)),
    serverCpu: median(perRoundResults.map((p) => p.serverCpu)),
    dbCpu: median(perRoundResults.map((p) => p.dbCpu)),
    peakRssMb: Math.max(...perRoundResults.map((p) => p.serverPeakRssMb)),
  };
}
