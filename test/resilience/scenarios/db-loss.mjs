// Database loss: a private mariadbd is killed (SIGKILL) under a read/write load and started again.
// While it is gone every request must fail fast with a clean 503 (never hang, never a 500),
// readiness must say 503 and liveness 200; when it is back, the same API process recovers by
// itself and no order it acknowledged is lost. `db-freeze` runs the same with SIGSTOP/SIGCONT: a
// server that still accepts TCP but never answers (a hung host, a network partition without RST).
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import process from 'node:process';
import { Checks, countBy, latencyOf, log, now, round, scratchDir, sleep, waitFor } from '../lib/common.mjs';
import { Api, pool } from '../lib/http.mjs';
import { LoadLoop, Prober, checkLivenessThroughout } from '../lib/load.mjs';
import { stopChild } from '../lib/procs.mjs';
import { registerSessionKeys } from '../lib/secrets.mjs';
import { mysqlConnect, startOwnMariadb, withDatabase } from '../lib/services.mjs';
import { adminLogin, createBuyers, createProduct } from '../lib/shop.mjs';
import { startShopApi } from '../lib/shop-api.mjs';

export const name = 'db-loss';
export const title = 'Database loss under load (mariadbd killed and restarted)';
export const ciSafe = true;
/** What it needs and where it runs (`run.mjs --list`). */
export const where = 'a private mariadbd on a random loopback port, killed and restarted';

const STOCK = 1_000_000;
const WORKERS = Number(process.env.DBLOSS_WORKERS ?? 12);
/**
 * An answer slower than this while the database is away does not count as failing fast. A frozen
 * server can only be detected by a timeout, so its bound is looser, but still well under nginx's
 * 30 s proxy_read_timeout (past that, the client sees a 504 instead of our 503).
 */
const FAIL_FAST_MS = { kill: 3000, freeze: 12_000 };
const OUTAGE_MS = {
  kill: Number(process.env.DBLOSS_OUTAGE_MS ?? 8000),
  freeze: Number(process.env.DBFREEZE_MS ?? 15_000),
};
const CLIENT_TIMEOUT_MS = 30_000;

const isCleanError = (s) =>
  typeof s.res.json?.message === 'string' &&
  typeof s.res.json?.code === 'string' &&
  !/\n\s+at |"stack"|QueryFailedError|ECONNREFUSED|ECONNRESET/.test(s.res.text ?? '');

export function run() {
  return runDatabaseOutage('kill');
}

/** @param {'kill'|'freeze'} mode */
export async function runDatabaseOutage(mode) {
  const scenario = mode === 'kill' ? name : 'db-freeze';
  const checks = new Checks(scenario);
  const figures = [];
  const dir = scratchDir(scenario);
  const mariadb = await startOwnMariadb(`${dir}/mariadb`);
  log(scenario, `started a private mariadbd on 127.0.0.1:${mariadb.port}`);
  let api;
  let load;
  let prober;
  try {
    const setup = await mysqlConnect(mariadb.serverUrl);
    await setup.query('CREATE DATABASE shop CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await setup.end();
    api = await startShopApi(scenario, {
      dataDir: dir,
      env: { DATABASE_URL: withDatabase(mariadb.serverUrl, 'shop') },
    });
    const http = new Api(api.baseUrl, { timeoutMs: CLIENT_TIMEOUT_MS });
    const admin = await adminLogin(http);
    const { skuId } = await createProduct(http, admin, { stock: STOCK, price: 1000 });
    const buyers = await createBuyers(http, WORKERS, WORKERS);
    const pid = api.child.pid;

    // ---- load: each worker orders (with an Idempotency-Key), lists its orders, reads its profile
    const submitted = []; // {key, buyer, status, orderId}
    load = new LoadLoop({
      workers: WORKERS,
      pauseMs: 20,
      pick: (w) => {
        const b = buyers[w];
        const r = Math.random();
        if (r < 0.4) {
          const entry = { key: `dbloss-${randomUUID()}`, buyer: b };
          submitted.push(entry);
          return {
            name: 'POST /orders',
            run: () =>
              http.post('/api/v1/orders', {
                token: b.token,
                headers: { 'idempotency-key': entry.key },
                body: { items: [{ skuId, quantity: 1 }], addressId: b.addressId },
              }),
            after: (res) => {
              entry.status = res.status;
              entry.orderId = res.json?.id;
            },
          };
        }
        if (r < 0.7)
          return { name: 'GET /orders', run: () => http.get('/api/v1/orders?pageSize=5', { token: b.token }) };
        if (r < 0.85) return { name: 'GET /me', run: () => http.get('/api/v1/me', { token: b.token }) };
        return { name: 'GET /catalog/products', run: () => http.get('/api/v1/catalog/products?pageSize=5') };
      },
    }).start();
    prober = new Prober(async () => {
      const [ready, live] = await Promise.all([
        http.get('/api/v1/health', { timeoutMs: 5000 }),
        http.get('/api/v1/health/live', { timeoutMs: 5000 }),
      ]);
      return { ready: ready.status, readyMs: ready.ms, readyBody: ready.json, live: live.status, liveMs: live.ms };
    }, 250).start();

    await sleep(4000);
    const downAt = now();
    if (mode === 'kill') {
      log(scenario, 'SIGKILL mariadbd');
      await mariadb.kill();
    } else {
      log(scenario, 'SIGSTOP mariadbd');
      mariadb.pause();
    }
    await sleep(OUTAGE_MS[mode]);
    const backAt = now();
    if (mode === 'kill') {
      log(scenario, 'starting mariadbd again (same datadir, same port)');
      await mariadb.start();
    } else {
      log(scenario, 'SIGCONT mariadbd');
      mariadb.resume();
    }
    const upAt = now();
    const recovered = await waitFor(
      'the API to serve orders again',
      () => load.samples.find((s) => s.start >= upAt && s.op === 'POST /orders' && s.status === 201),
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    const readyAgain = await waitFor(
      'readiness 200',
      () => prober.samples.find((p) => p.t >= upAt && p.ready === 200),
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    await sleep(4000);
    await load.stop();
    await prober.stop();
    const endAt = now();

    const base = load.between(0, downAt);
    // every request that overlapped the outage, including those in flight when it began
    const outage = load.samples.filter((s) => s.end >= downAt && s.start < backAt);
    const outageFailed = outage.filter((s) => s.status !== 200 && s.status !== 201);
    const after = load.between(recovered.end + 1000, endAt);
    const firstFail = outage.find((s) => s.status === 503);
    const label = mode === 'kill' ? 'while down' : 'while frozen';
    figures.push([
      'load',
      `${WORKERS} closed-loop workers: 40 % POST /orders, 30 % GET /orders, 15 % GET /me, 15 % catalog`,
    ]);
    figures.push(['outage', `${mode === 'kill' ? 'SIGKILL' : 'SIGSTOP'} for ${OUTAGE_MS[mode] / 1000} s`]);
    figures.push(['baseline answers', JSON.stringify(countBy(base, 'status'))]);
    figures.push([`answers ${label}`, JSON.stringify(countBy(outage, 'status'))]);
    figures.push([`latency of failing answers ${label}`, latencyOf(outageFailed)]);
    figures.push([`latency of every request started ${label}`, latencyOf(outage)]);
    figures.push(['first 503 after the outage began', firstFail ? `${round(firstFail.end - downAt)} ms` : 'none']);
    figures.push([
      'recovery once the database is back',
      `first order ${round(recovered.end - upAt)} ms, readiness 200 ${round(readyAgain.t - upAt)} ms${mode === 'kill' ? ` (mariadbd start took ${round(upAt - backAt)} ms)` : ''}`,
    ]);
    checks.check(
      'baseline: every request 2xx',
      base.length > 0 && base.every((s) => s.status >= 200 && s.status < 300),
      `${base.length} requests`,
    );
    checks.check(
      `${label}: requests fail with 503 (none hangs, none is a 500)`,
      outageFailed.length > 0 && outageFailed.every((s) => s.status === 503),
      JSON.stringify(countBy(outage, 'status')),
    );
    checks.check(
      `${label}: 503 bodies are {statusCode, code, message}, no stack or driver detail`,
      outageFailed.every(isCleanError),
    );
    checks.check(
      `${label}: every request answered within ${FAIL_FAST_MS[mode]} ms`,
      outage.every((s) => s.status !== 0 && s.ms < FAIL_FAST_MS[mode]),
      `max ${round(Math.max(0, ...outage.map((s) => s.ms)))} ms`,
    );
    const downProbes = prober.samples.filter((p) => p.t > downAt + 2000 && p.end < backAt);
    checks.check(
      `${label}: readiness 503 naming the database`,
      downProbes.length > 0 && downProbes.every((p) => p.ready === 503 && p.readyBody?.error?.database),
      JSON.stringify(countBy(downProbes, 'ready')),
    );
    checkLivenessThroughout(checks, prober);
    checks.check(
      'after recovery: every request 2xx',
      after.length > 0 && after.every((s) => s.status >= 200 && s.status < 300),
      JSON.stringify(countBy(after, 'status')),
    );
    checks.check('recovered within 15 s of the database coming back', recovered.end - upAt < 15_000);
    checks.check('the same API process throughout (no restart)', api.child.pid === pid && api.child.exitCode === null);
    checks.check(
      'no 500 at any time',
      load.samples.every((s) => s.status !== 500),
      JSON.stringify(countBy(load.samples, 'status')),
    );

    // ---- no acknowledged order lost; unacknowledged ones retried with their Idempotency-Key
    const acked = submitted.filter((e) => e.status === 201 || e.status === 200);
    const unacked = submitted.filter((e) => e.status !== undefined && e.status !== 201 && e.status !== 200);
    const retried = await pool(unacked, 10, (e) =>
      http.post('/api/v1/orders', {
        token: e.buyer.token,
        headers: { 'idempotency-key': e.key },
        body: { items: [{ skuId, quantity: 1 }], addressId: e.buyer.addressId },
      }),
    );
    const replayed = retried.filter((r) => r.status === 200).length;
    const c = await mysqlConnect(mariadb.serverUrl, 'shop');
    try {
      const [rows] = await c.query('SELECT id, idempotency_key FROM orders');
      const byKey = new Map(rows.map((r) => [r.idempotency_key, r.id]));
      const lost = acked.filter((e) => byKey.get(e.key) !== e.orderId);
      const [[sku]] = await c.query('SELECT stock FROM skus WHERE id = ?', [skuId]);
      const [[reserved]] = await c.query('SELECT COALESCE(SUM(quantity), 0) AS q FROM order_items WHERE sku_id = ?', [
        skuId,
      ]);
      const [[orphans]] = await c.query(
        'SELECT COUNT(*) AS n FROM orders o LEFT JOIN order_items i ON i.order_id = o.id WHERE i.id IS NULL',
      );
      figures.push([
        'orders',
        `${submitted.length} submitted, ${acked.length} acknowledged, ${unacked.length} refused; retried with their keys: ${replayed} had committed (200 replay), ${retried.filter((r) => r.status === 201).length} created now`,
      ]);
      checks.check('no acknowledged order lost', lost.length === 0, `${lost.length} of ${acked.length} missing`);
      checks.check(
        'every refused submit, retried with its key, succeeds once (201, or 200 if it had committed)',
        retried.every((r) => r.status === 201 || r.status === 200),
        JSON.stringify(countBy(retried, 'status')),
      );
      checks.check(
        'stock + reserved units = initial stock (no reservation lost or doubled)',
        Number(sku.stock) + Number(reserved.q) === STOCK && Number(reserved.q) === rows.length,
        `stock ${sku.stock}, reserved ${reserved.q}, orders ${rows.length}`,
      );
      checks.check('no order without its items', Number(orphans.n) === 0);
      await registerSessionKeys(c);
    } finally {
      await c.end();
    }
    figures.push(['duration', `${round((endAt - load.t0) / 1000, 1)} s of load, ${load.samples.length} requests`]);
  } finally {
    await load?.stop().catch(() => undefined);
    await prober?.stop().catch(() => undefined);
    if (api) await stopChild(api);
    try {
      mariadb.resume();
    } catch {
      // not paused, or already gone
    }
    await mariadb.stop();
    rmSync(`${dir}/mariadb`, { recursive: true, force: true }); // ~100 MB of datadir
  }
  return {
    checks: checks.items,
    figures,
    setup: `One API process (\`node dist/apps/api/src/main.js\`, memory cache) on a private mariadbd started by the script on a random loopback port; ${mode === 'kill' ? 'it is killed with SIGKILL and later started again on the same datadir and port' : 'it is frozen with SIGSTOP (TCP still accepts, nothing answers) and later continued with SIGCONT'}. A prober reads /health and /health/live every 250 ms. Afterwards every refused order is retried with its Idempotency-Key.`,
  };
}
