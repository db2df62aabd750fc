// Case 4: many shoppers creating orders at once for SKUs with limited stock, on MariaDB; then
// the database is checked: no SKU sold more than it had, and every unit is accounted for.
import { log, median } from '../lib/util.mjs';
import { verifyNoOversell } from '../lib/shop.mjs';

export async function runCheckout({
  loader,
  apiUrl,
  apiPid,
  shop,
  conn,
  rounds,
  duration,
  warmup,
  connections,
  runId,
  measured,
}) {
  const data = {
    shoppers: shop.shoppers.map((s) => ({ token: s.token, addressId: s.addressId })),
    skus: shop.checkout.filter((p) => !p.flash).map((p) => p.skuId),
    flashSkus: shop.checkout.filter((p) => p.flash).map((p) => p.skuId),
    // one order in ten goes for a flash-sale SKU: those sell out within the first second
    flashShare: 0.1,
    runId,
  };
  const job = (suffix, seconds) => ({
    url: apiUrl,
    plan: 'checkout',
    data: { ...data, runId: `${runId}-${suffix}` },
    connections,
    duration: seconds,
    samples: true,
  });
  log(`checkout: ${shop.shoppers.length} shoppers, ${connections} at once, warm-up ${warmup}s`);
  const warm = await loader.run(job('warm', warmup), apiPid);
  let created = warm.codes['201'] ?? 0;
  const perRound = [];
  // `measured` (the profile case): told when the measured rounds start and end
  await measured?.start();
  for (let r = 0; r < rounds; r++) {
    const res = await loader.run(job(`r${r}`, duration), apiPid);
    created += res.codes['201'] ?? 0;
    const orders = (res.codes['201'] ?? 0) / res.seconds;
    perRound.push({ ...res, orders });
    log(
      `  round ${r + 1}: ${orders.toFixed(0)} orders/s, p50 ${res.samples.ok.p50.toFixed(1)} ms, ` +
        `p99 ${res.samples.ok.p99.toFixed(1)} ms, answers ${JSON.stringify(res.codes)}, errors ${res.errors}`,
    );
  }
  await measured?.stop();
  const check = await verifyNoOversell(conn, shop.checkout);
  const userIds = shop.shoppers.map((s) => s.userId);
  const [[{ n }]] = await conn.query('SELECT COUNT(*) AS n FROM orders WHERE user_id IN (?)', [userIds]);
  const unexpected = perRound.reduce(
    (s, p) =>
      s +
      Object.entries(p.codes)
        .filter(([c]) => c !== '201' && c !== '409')
        .reduce((a, [, k]) => a + k, 0),
    0,
  );
  log(
    `  verified: ${check.oversold} oversold SKUs, ${check.mismatched} SKUs whose stock does not add up, ` +
      `${check.soldOut} sold out, ${Number(n)} orders in the database for ${created} answered 201`,
  );
  return {
    rounds: perRound,
    ordersPerSecond: median(perRound.map((p) => p.orders)),
    attemptsPerSecond: median(perRound.map((p) => p.rps)),
    p50: median(perRound.map((p) => p.samples.ok.p50)),
    p99: Math.max(...perRound.map((p) => p.samples.ok.p99)),
    p99All: Math.max(...perRound.map((p) => p.samples.all.p99)),
    outOfStock: perRound.reduce((s, p) => s + (p.codes['409'] ?? 0), 0),
    unexpected,
    errors: perRound.reduce((s, p) => s + p.errors, 0),
    created,
    ordersInDb: Number(n),
    check,
    loaderCpu: median(perRound.map((p) => p.loaderCpu)),
    serverCpu: median(perRound.map((p) => p.serverCpu)),
    dbCpu: median(perRound.map((p) => p.dbCpu)),
    peakRssMb: Math.max(...perRound.map((p) => p.serverPeakRssMb)),
  };
}
