// Oversell under load: 500 buyers, 100 at a time, race for one SKU with stock 100 on MariaDB.
// Exactly 100 orders, stock 0, never negative, every order holding its reservation; then the
// expiry sweeper cancels all 100 and the stock is back to exactly 100.
import { randomUUID } from 'node:crypto';
import process from 'node:process';
import { Checks, countBy, latencyOf, log, now, round, sleep, waitFor } from '../lib/common.mjs';
import { Api, pool } from '../lib/http.mjs';
import { stopChild } from '../lib/procs.mjs';
import { registerSessionKeys } from '../lib/secrets.mjs';
import { createScratchDatabase } from '../lib/services.mjs';
import { adminLogin, createBuyers, createProduct } from '../lib/shop.mjs';
import { startShopApi } from '../lib/shop-api.mjs';

export const name = 'oversell';
export const title = 'Oversell under load (MariaDB)';
export const ciSafe = true;
/** What it needs and where it runs (`run.mjs --list`). */
export const where = 'MariaDB (a scratch database on 127.0.0.1:3306)';

const BUYERS = Number(process.env.OVERSELL_BUYERS ?? 500);
const STOCK = Number(process.env.OVERSELL_STOCK ?? 100);
const CONCURRENCY = Number(process.env.OVERSELL_CONCURRENCY ?? 100);
/** Wait for the real ORDER_PAY_TIMEOUT (60 s) instead of moving the deadlines into the past. */
const REAL_EXPIRY = process.env.OVERSELL_REAL_EXPIRY === '1';

export async function run() {
  const checks = new Checks(name);
  const figures = [];
  const db = await createScratchDatabase(name);
  let api;
  try {
    api = await startShopApi(name, {
      env: {
        DATABASE_URL: db.url,
        ORDER_PAY_TIMEOUT: REAL_EXPIRY ? '60' : '1800',
        SWEEP_INTERVAL_MS: '1000',
      },
    });
    const http = new Api(api.baseUrl, { timeoutMs: 30_000 });
    const admin = await adminLogin(http);
    const { skuId, productId } = await createProduct(http, admin, { stock: STOCK, price: 2990 });
    log(name, `SKU ${skuId} with stock ${STOCK}; logging in ${BUYERS} buyers`);
    const buyers = await createBuyers(http, BUYERS, 25);

    log(name, `${BUYERS} buyers race, ${CONCURRENCY} at a time`);
    const started = now();
    const answers = await pool(buyers, CONCURRENCY, (b) =>
      http.post('/api/v1/orders', {
        token: b.token,
        headers: { 'idempotency-key': `oversell-${randomUUID()}` },
        body: { items: [{ skuId, quantity: 1 }], addressId: b.addressId },
      }),
    );
    const raceSeconds = (now() - started) / 1000;
    const statuses = countBy(answers, (a) => (a.status === 409 ? `409 ${a.json?.code}` : String(a.status)));
    const created = answers.filter((a) => a.status === 201);
    figures.push(['buyers / concurrency / stock', `${BUYERS} / ${CONCURRENCY} / ${STOCK}`]);
    figures.push(['answers', JSON.stringify(statuses)]);
    figures.push(['race duration', `${round(raceSeconds, 2)} s (${round(BUYERS / raceSeconds)} orders/s attempted)`]);
    figures.push(['POST /orders latency', latencyOf(answers)]);
    checks.check(`exactly ${STOCK} orders created (201)`, created.length === STOCK, `${created.length}`);
    checks.check(
      `the other ${BUYERS - STOCK} answered 409 OUT_OF_STOCK, nothing else`,
      (statuses['409 OUT_OF_STOCK'] ?? 0) === BUYERS - STOCK && Object.keys(statuses).length === 2,
      JSON.stringify(statuses),
    );

    const c = await db.connect();
    try {
      const [[sku]] = await c.query('SELECT stock FROM skus WHERE id = ?', [skuId]);
      const [[neg]] = await c.query('SELECT COUNT(*) AS n FROM skus WHERE stock < 0');
      const [[orders]] = await c.query(
        `SELECT COUNT(DISTINCT o.id) AS orders, COALESCE(SUM(i.quantity), 0) AS reserved
           FROM orders o JOIN order_items i ON i.order_id = o.id
          WHERE i.sku_id = ? AND o.status = 'PENDING_PAYMENT'`,
        [skuId],
      );
      const [[orphans]] = await c.query(
        'SELECT COUNT(*) AS n FROM orders o LEFT JOIN order_items i ON i.order_id = o.id WHERE i.id IS NULL',
      );
      const [[all]] = await c.query('SELECT COUNT(*) AS n FROM orders');
      const [idRows] = await c.query('SELECT id FROM orders');
      const dbIds = new Set(idRows.map((r) => r.id));
      const ackIds = new Set(created.map((a) => a.json.id));
      figures.push(['stock after the race', sku.stock]);
      checks.check('stock is 0 after the race', sku.stock === 0, `stock ${sku.stock}`);
      checks.check('no SKU has negative stock', Number(neg.n) === 0);
      checks.check(
        `the ${STOCK} orders hold exactly ${STOCK} reserved units (stock + reserved = ${STOCK})`,
        Number(orders.orders) === STOCK && Number(orders.reserved) + sku.stock === STOCK,
        `${orders.orders} orders, ${orders.reserved} units`,
      );
      checks.check('no order without its reservation (order_items row)', Number(orphans.n) === 0, `${orphans.n}`);
      checks.check(
        'the database holds exactly the acknowledged orders',
        Number(all.n) === ackIds.size && [...ackIds].every((id) => dbIds.has(id)),
        `${all.n} rows, ${ackIds.size} acknowledged`,
      );

      // ---- expiry: the sweeper (every 1 s in the API process) cancels all and releases the stock
      const expiryStart = now();
      if (REAL_EXPIRY) {
        log(name, 'waiting for ORDER_PAY_TIMEOUT=60 s to pass');
      } else {
        // Same as 30 minutes passing: the deadlines move into the past, the real sweeper does the rest.
        await c.query(
          `UPDATE orders SET pay_deadline = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE status = 'PENDING_PAYMENT'`,
        );
      }
      await waitFor(
        'all orders expired',
        async () => {
          const [[p]] = await c.query(`SELECT COUNT(*) AS n FROM orders WHERE status = 'PENDING_PAYMENT'`);
          return Number(p.n) === 0;
        },
        { timeoutMs: REAL_EXPIRY ? 120_000 : 30_000, intervalMs: 200 },
      );
      const expirySeconds = (now() - expiryStart) / 1000;
      const [[after]] = await c.query('SELECT stock FROM skus WHERE id = ?', [skuId]);
      const [[cancelled]] = await c.query(
        `SELECT COUNT(*) AS n FROM orders WHERE status = 'CANCELLED' AND cancel_reason = 'payment_timeout'`,
      );
      const [[product]] = await c.query('SELECT sales FROM products WHERE id = ?', [productId]);
      figures.push([
        'expiry',
        `${cancelled.n} orders cancelled by the sweeper in ${round(expirySeconds, 2)} s (${REAL_EXPIRY ? 'real 60 s timeout' : 'deadlines moved into the past'})`,
      ]);
      figures.push(['stock after expiry', after.stock]);
      checks.check(`all ${STOCK} orders expired (CANCELLED, payment_timeout)`, Number(cancelled.n) === STOCK);
      checks.check(`stock back to exactly ${STOCK}`, after.stock === STOCK, `stock ${after.stock}`);
      checks.check('no sales counted for unpaid orders', Number(product.sales) === 0, `sales ${product.sales}`);
      // a second sweep finds nothing to release twice
      await sleep(2500);
      const [[still]] = await c.query('SELECT stock FROM skus WHERE id = ?', [skuId]);
      checks.check('later sweeps release nothing twice', still.stock === STOCK, `stock ${still.stock}`);
      await registerSessionKeys(c);
    } finally {
      await c.end();
    }
  } finally {
    if (api) await stopChild(api);
    await db.drop();
  }
  return {
    checks: checks.items,
    figures,
    setup: `One API process (\`node dist/apps/api/src/main.js\`, DB pool ${process.env.DB_POOL_SIZE ?? 20}) on a scratch database of the shared MariaDB; buyers log in through the WeChat sandbox, each with an address, then all submit \`POST /orders\` for quantity 1 with their own Idempotency-Key.`,
  };
}
