// Payment storms: WeChat Pay notifications for 200 orders, each genuine notification delivered
// 3 times (freshly signed each time, as WeChat's retries are), mixed with forged and stale copies,
// all shuffled and delivered concurrently over HTTP. Exactly 200 orders become PAID, every forged
// or stale copy is refused with WeChat's {code:'FAIL'} shape, and nothing is applied twice.
import process from 'node:process';
import { Checks, countBy, latencyOf, log, now, round, seededRandom, shuffle } from '../lib/common.mjs';
import { Api, pool } from '../lib/http.mjs';
import { bootInProcess } from '../lib/inprocess.mjs';
import { registerPem, registerSecret, registerSessionKeys } from '../lib/secrets.mjs';
import { createScratchDatabase } from '../lib/services.mjs';
import { adminLogin, createBuyers, createProduct, metricValue } from '../lib/shop.mjs';
import { startShopApi } from '../lib/shop-api.mjs';

export const name = 'payment-storm';
export const title = 'Payment notification storm (MariaDB)';
export const ciSafe = true;
/** What it needs and where it runs (`run.mjs --list`). */
export const where = 'MariaDB (a scratch database) and the in-process WeChat Pay sandbox';

const ORDERS = Number(process.env.STORM_ORDERS ?? 200);
const COPIES = 3;
const CONCURRENCY = Number(process.env.STORM_CONCURRENCY ?? 50);
const SEED = Number(process.env.RESILIENCE_SEED ?? Date.now() % 2 ** 31);
const FORGERIES = [
  'bad_signature',
  'unknown_serial',
  'signtest_probe',
  'tampered_ciphertext',
  'wrong_api_v3_key',
  'missing_headers',
  'wrong_amount', // correctly signed by "WeChat", but the amount is not the order's
];

export async function run() {
  const checks = new Checks(name);
  const figures = [];
  const db = await createScratchDatabase(name);
  let shop;
  try {
    shop = await startShopApi(name, { env: { DATABASE_URL: db.url }, start: bootInProcess });
    const { sandbox } = shop;
    const pay = sandbox.credentials.pay;
    registerPem('merchant private key', pay.merchantPrivateKeyPem);
    registerSecret('APIv3 key', pay.apiV3Key);
    registerSecret('mini-program AppSecret', sandbox.credentials.miniProgram.appSecret);
    registerSecret('Kuaidi100 key', sandbox.credentials.kuaidi100?.key);
    const { signNotificationBody, buildNotificationBody, buildNotification } = shop.dist(
      'libs/wechat-sandbox/src/index.js',
    );

    const http = new Api(shop.baseUrl, { timeoutMs: 30_000 });
    const admin = await adminLogin(http);
    const { skuId, productId } = await createProduct(http, admin, { stock: ORDERS, price: 3300 });
    log(name, `placing and prepaying ${ORDERS} orders`);
    const buyers = await createBuyers(http, ORDERS, 20);
    const orders = await pool(buyers, 20, async (b) => {
      const o = await http.expect(201, 'POST', '/api/v1/orders', {
        token: b.token,
        body: { items: [{ skuId, quantity: 1 }], addressId: b.addressId },
      });
      await http.expect(200, 'POST', `/api/v1/orders/${o.json.id}/pay`, { token: b.token });
      // WeChat takes the money; the notification is ours to deliver (notify: false)
      const { transaction } = await sandbox.simulatePayment(o.json.orderNo, { notify: false });
      return { id: o.json.id, orderNo: o.json.orderNo, token: b.token, transaction };
    });

    // ---- build the storm: 3 genuine deliveries per order + forged + stale copies
    const random = seededRandom(SEED);
    const deliveries = [];
    orders.forEach((o, i) => {
      const { id, body } = buildNotificationBody({
        credentials: pay,
        eventType: 'TRANSACTION.SUCCESS',
        resource: o.transaction,
      });
      for (let k = 0; k < COPIES; k++) {
        deliveries.push({
          kind: 'genuine',
          order: o,
          notificationId: id,
          body,
          headers: signNotificationBody(pay, body),
        });
      }
      const forgery = FORGERIES[i % FORGERIES.length];
      const forged =
        forgery === 'wrong_api_v3_key' || forgery === 'tampered_ciphertext'
          ? buildNotification({ credentials: pay, eventType: 'TRANSACTION.SUCCESS', resource: o.transaction, forgery })
          : forgery === 'wrong_amount'
            ? buildNotification({
                credentials: pay,
                eventType: 'TRANSACTION.SUCCESS',
                resource: { ...o.transaction, amount: { ...o.transaction.amount, total: 1, payer_total: 1 } },
              })
            : { body, headers: signNotificationBody(pay, body, { forgery }) };
      deliveries.push({ kind: `forged:${forgery}`, order: o, body: forged.body, headers: forged.headers });
      if (i % 2 === 0) {
        // a genuine capture replayed later: WeChat's signature is an hour old
        deliveries.push({
          kind: 'stale',
          order: o,
          body,
          headers: signNotificationBody(pay, body, { forgery: 'stale_timestamp' }),
        });
      }
    });
    const storm = shuffle(deliveries, random);
    const metricsBefore = (await http.get('/metrics')).text;
    log(name, `delivering ${storm.length} notifications, ${CONCURRENCY} at a time (seed ${SEED})`);
    const started = now();
    const answers = await pool(storm, CONCURRENCY, async (d) => {
      const res = await http.post('/api/v1/payments/wechat/notify', {
        headers: { ...d.headers, 'content-type': 'application/json' },
        body: d.body,
      });
      return { ...d, status: res.status, json: res.json, ms: res.ms, error: res.error };
    });
    const seconds = (now() - started) / 1000;

    const genuine = answers.filter((a) => a.kind === 'genuine');
    const rejected = answers.filter((a) => a.kind !== 'genuine');
    const byKind = {};
    for (const a of answers) {
      byKind[a.kind] ??= {};
      byKind[a.kind][a.status] = (byKind[a.kind][a.status] ?? 0) + 1;
    }
    figures.push(['orders / copies per genuine notification', `${ORDERS} / ${COPIES}`]);
    figures.push([
      'deliveries',
      `${storm.length}: ${genuine.length} genuine, ${rejected.filter((a) => a.kind.startsWith('forged')).length} forged, ${rejected.filter((a) => a.kind === 'stale').length} stale; concurrency ${CONCURRENCY}, seed ${SEED}`,
    ]);
    figures.push(['answers by kind', JSON.stringify(byKind)]);
    figures.push(['storm duration', `${round(seconds, 2)} s (${round(storm.length / seconds)} notifications/s)`]);
    figures.push(['notify latency', latencyOf(answers)]);
    checks.check(
      'every genuine delivery acknowledged 204 (first applies, copies are duplicates)',
      genuine.every((a) => a.status === 204),
      JSON.stringify(countBy(genuine, 'status')),
    );
    checks.check(
      "every forged or stale copy refused with a 4xx in WeChat's {code:'FAIL'} shape",
      rejected.every((a) => a.status >= 400 && a.status < 500 && a.json?.code === 'FAIL' && a.json?.message),
      JSON.stringify(countBy(rejected, 'status')),
    );
    checks.check(
      'no 5xx and no network error',
      answers.every((a) => a.status > 0 && a.status < 500),
    );

    const c = await db.connect();
    try {
      const [[paid]] = await c.query(`SELECT COUNT(*) AS n FROM orders WHERE status = 'PAID'`);
      const [[other]] = await c.query(`SELECT COUNT(*) AS n FROM orders WHERE status <> 'PAID'`);
      const [perOrder] = await c.query(
        'SELECT out_trade_no, COUNT(*) AS n FROM payment_notifications GROUP BY out_trade_no',
      );
      const [[payments]] = await c.query(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT order_id) AS orders FROM payments WHERE status = 'SUCCESS'`,
      );
      const [[product]] = await c.query('SELECT sales FROM products WHERE id = ?', [productId]);
      const [[sku]] = await c.query('SELECT stock FROM skus WHERE id = ?', [skuId]);
      const [[refunds]] = await c.query('SELECT COUNT(*) AS n FROM refunds');
      const ids = new Set(orders.map((o) => o.orderNo));
      figures.push(['orders PAID', `${paid.n} of ${ORDERS} (${other.n} in another state)`]);
      checks.check(`exactly ${ORDERS} orders PAID`, Number(paid.n) === ORDERS && Number(other.n) === 0);
      checks.check(
        'one recorded notification per order (the genuine one, never a forged id)',
        perOrder.length === ORDERS && perOrder.every((r) => Number(r.n) === 1 && ids.has(r.out_trade_no)),
        `${perOrder.length} orders with notifications, max ${Math.max(...perOrder.map((r) => Number(r.n)))} each`,
      );
      checks.check(
        `one successful payment row per order`,
        Number(payments.n) === ORDERS && Number(payments.orders) === ORDERS,
      );
      checks.check(
        `sales counted once per order (sales = ${ORDERS})`,
        Number(product.sales) === ORDERS,
        `sales ${product.sales}`,
      );
      checks.check('stock untouched by payment (reserved at order time)', sku.stock === 0, `stock ${sku.stock}`);
      checks.check('no refunds triggered', Number(refunds.n) === 0);
      await registerSessionKeys(c);
    } finally {
      await c.end();
    }
    const metricsAfter = (await http.get('/metrics')).text;
    const delta = (result) =>
      metricValue(metricsAfter, 'shop_payment_notifications_total', { kind: 'transaction', result }) -
      metricValue(metricsBefore, 'shop_payment_notifications_total', { kind: 'transaction', result });
    const paidDelta =
      metricValue(metricsAfter, 'shop_orders_paid_total') - metricValue(metricsBefore, 'shop_orders_paid_total');
    figures.push([
      'notification outcomes (metrics)',
      `ok ${delta('ok')}, duplicate ${delta('duplicate')}, already_paid ${delta('already_paid')}, bad_amount ${delta('bad_amount')}`,
    ]);
    checks.check(`shop_orders_paid_total rose by exactly ${ORDERS}`, paidDelta === ORDERS, `${paidDelta}`);
    checks.check(
      `${ORDERS} applied, ${ORDERS * (COPIES - 1)} recognised as duplicates`,
      delta('ok') === ORDERS && delta('duplicate') + delta('already_paid') === ORDERS * (COPIES - 1),
    );
    // the shopper sees it too
    const sample = orders.slice(0, 5);
    const seen = await Promise.all(sample.map((o) => http.get(`/api/v1/orders/${o.id}`, { token: o.token })));
    checks.check(
      'shoppers see PAID',
      seen.every((r) => r.json?.status === 'PAID'),
    );
  } finally {
    if (shop) await shop.close().catch(() => undefined);
    await db.drop();
  }
  return {
    checks: checks.items,
    figures,
    setup:
      'The app booted in-process (built dist, as the e2e tests do) on a scratch database of the shared MariaDB, listening on loopback; orders are placed and prepaid over HTTP, the in-process WeChat Pay sandbox takes the money, and the notifications are signed with its platform key and POSTed over HTTP to `/api/v1/payments/wechat/notify`.',
  };
}
