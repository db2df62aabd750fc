// Redis loss: a private redis-server is killed during a catalog read load. Reads must fall back to
// the database (no 5xx), readiness must report redis down (503) while liveness stays 200, and once
// Redis is back the API reconnects by itself and caching resumes. A second phase freezes Redis
// (SIGSTOP, its data kept) and changes a price meanwhile: the new price must show once it is back.
import process from 'node:process';
import { Checks, countBy, latencyOf, log, now, round, sleep, waitFor } from '../lib/common.mjs';
import { Api } from '../lib/http.mjs';
import { LoadLoop, Prober, checkLivenessThroughout } from '../lib/load.mjs';
import { stopChild } from '../lib/procs.mjs';
import { createScratchDatabase, startOwnRedis } from '../lib/services.mjs';
import { adminLogin, createProduct, metricValue } from '../lib/shop.mjs';
import { startShopApi } from '../lib/shop-api.mjs';

export const name = 'redis-loss';
export const title = 'Redis loss under catalog load';
export const ciSafe = true;
/** What it needs and where it runs (`run.mjs --list`). */
export const where = 'a private redis-server on a random loopback port, killed and frozen';

const WORKERS = Number(process.env.REDISLOSS_WORKERS ?? 12);
const OUTAGE_MS = Number(process.env.REDISLOSS_OUTAGE_MS ?? 8000);
const PREFIX = `resilience-${process.pid}:`;

const cacheCounters = (text) => ({
  hits: metricValue(text, 'cache_hits_total'),
  misses: metricValue(text, 'cache_misses_total'),
  errors: metricValue(text, 'cache_errors_total'),
});

export async function run() {
  const checks = new Checks(name);
  const figures = [];
  const db = await createScratchDatabase(name);
  const redis = await startOwnRedis();
  let api;
  let load;
  let prober;
  const redisClient = () => redis.client();
  try {
    api = await startShopApi(name, {
      env: { DATABASE_URL: db.url, REDIS_URL: redis.url, REDIS_KEY_PREFIX: PREFIX, SEED_DEMO: 'true' },
    });
    const http = new Api(api.baseUrl, { timeoutMs: 20_000 });
    const admin = await adminLogin(http);
    const watched = await createProduct(http, admin, { stock: 50, price: 1000, title: '韧性观察商品' });
    const list = await http.expect(200, 'GET', '/api/v1/catalog/products?pageSize=20');
    const productIds = [...list.json.items.map((p) => p.id), watched.productId];
    log(name, `catalog of ${list.json.total} products; load on ${productIds.length} of them`);
    const paths = [
      '/api/v1/catalog/home',
      '/api/v1/catalog/categories',
      '/api/v1/catalog/products?pageSize=10',
      '/api/v1/catalog/products?sort=price_asc&pageSize=10',
      '/api/v1/catalog/products?page=2&pageSize=10',
    ];
    load = new LoadLoop({
      workers: WORKERS,
      pauseMs: 5,
      pick: () => {
        const path =
          Math.random() < 0.5
            ? `/api/v1/catalog/products/${productIds[Math.floor(Math.random() * productIds.length)]}`
            : paths[Math.floor(Math.random() * paths.length)];
        return { name: path.replace(/\d+$/, ':id'), run: () => http.get(path) };
      },
    }).start();
    prober = new Prober(async () => {
      const [ready, live] = await Promise.all([
        http.get('/api/v1/health', { timeoutMs: 5000 }),
        http.get('/api/v1/health/live', { timeoutMs: 5000 }),
      ]);
      return { ready: ready.status, readyBody: ready.json, live: live.status };
    }, 250).start();
    const metrics = async () => cacheCounters((await http.get('/metrics')).text);

    // ---- warm: the cache fills
    await sleep(4000);
    const warm = await metrics();
    const c1 = redisClient();
    const keysBefore = (await c1.keys(`${PREFIX}*`)).length;
    c1.disconnect();
    const warmAt = now();

    // ---- phase 1: kill -9, then a fresh (empty) Redis on the same port
    log(name, 'SIGKILL redis-server');
    await redis.kill();
    const downAt = now();
    await sleep(OUTAGE_MS);
    const duringKill = await metrics();
    const backAt = now();
    log(name, 'starting redis-server again (empty, same port)');
    await redis.start();
    const upAt = now();
    const readyAgain = await waitFor(
      'readiness 200 with redis back',
      () => prober.samples.find((p) => p.t >= upAt && p.ready === 200),
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    const cacheBack = await waitFor(
      'cache keys written again',
      async () => {
        const c = redisClient();
        try {
          return (await c.keys(`${PREFIX}*`)).length > 0 ? now() : null;
        } finally {
          c.disconnect();
        }
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const m0 = await metrics();
    await sleep(3000);
    const m1 = await metrics();
    const resumedAt = now();

    // ---- phase 2: SIGSTOP (keys kept), change a price meanwhile, SIGCONT
    log(name, 'SIGSTOP redis-server and change a price meanwhile');
    const before = await http.expect(200, 'GET', `/api/v1/catalog/products/${watched.productId}`);
    const frozenAt = now();
    redis.proc.child.kill('SIGSTOP');
    await sleep(1500);
    const patch = await http.patch(`/api/v1/admin/skus/${watched.skuId}`, { token: admin, body: { price: 1234 } });
    await sleep(Math.max(0, OUTAGE_MS - 1500));
    const thawAt = now();
    redis.proc.child.kill('SIGCONT');
    await waitFor('readiness 200 after SIGCONT', () => prober.samples.find((p) => p.t >= thawAt && p.ready === 200), {
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    const afterThaw = await http.get(`/api/v1/catalog/products/${watched.productId}`);
    await sleep(2000);
    await load.stop();
    await prober.stop();

    // ---- figures and checks
    const base = load.between(0, warmAt);
    const killed = load.samples.filter((s) => s.end >= downAt && s.start < backAt);
    const resumed = load.between(upAt, resumedAt);
    const frozen = load.samples.filter((s) => s.end >= frozenAt && s.start < thawAt);
    const all = load.samples;
    figures.push(['load', `${WORKERS} closed-loop workers on home, categories, list pages and product details`]);
    figures.push([
      'warm',
      `${JSON.stringify(countBy(base, 'status'))}; ${latencyOf(base)}; ${keysBefore} keys in Redis`,
    ]);
    figures.push(['Redis killed', `${JSON.stringify(countBy(killed, 'status'))}; ${latencyOf(killed)}`]);
    figures.push([
      'Redis back',
      `readiness 200 after ${round(readyAgain.t - upAt)} ms, first cache key after ${round(cacheBack - upAt)} ms; ${latencyOf(resumed)}`,
    ]);
    figures.push([
      'cache counters',
      `warm: ${warm.hits} hits / ${warm.misses} misses; while killed: +${duringKill.errors - warm.errors} errors; after return, 3 s: +${m1.hits - m0.hits} hits, +${m1.misses - m0.misses} misses`,
    ]);
    figures.push(['Redis frozen (SIGSTOP)', `${JSON.stringify(countBy(frozen, 'status'))}; ${latencyOf(frozen)}`]);
    checks.check(
      'warm: every read 200 and the cache is used',
      base.every((s) => s.status === 200) && warm.hits > 0 && keysBefore > 0,
    );
    checks.check(
      'Redis killed: every read still 200 (database fallback), no 5xx',
      killed.length > 0 && killed.every((s) => s.status === 200),
      JSON.stringify(countBy(killed, 'status')),
    );
    const downProbes = prober.samples.filter((p) => p.t > downAt + 1500 && p.end < backAt);
    checks.check(
      'Redis killed: readiness 503 naming redis',
      downProbes.length > 0 && downProbes.every((p) => p.ready === 503 && p.readyBody?.error?.redis),
      JSON.stringify(countBy(downProbes, 'ready')),
    );
    checkLivenessThroughout(checks, prober);
    checks.check(
      'Redis back: readiness 200 within 10 s, same process',
      readyAgain.t - upAt < 10_000 && api.child.exitCode === null,
    );
    checks.check(
      'Redis back: caching resumes (new keys, hits rise)',
      m1.hits > m0.hits && cacheBack - upAt < 15_000,
      `+${m1.hits - m0.hits} hits`,
    );
    checks.check(
      'Redis frozen: every read still 200, no 5xx',
      frozen.length > 0 && frozen.every((s) => s.status === 200),
      JSON.stringify(countBy(frozen, 'status')),
    );
    checks.check('a price change while Redis was frozen is accepted', patch.status === 200, `${patch.status}`);
    const priceOf = (res) => res.json?.skus?.find((s) => s.id === watched.skuId)?.price;
    checks.check(
      'the new price shows on the first read after Redis is back (no stale cache entry)',
      priceOf(before) === 1000 && priceOf(afterThaw) === 1234,
      `before ${priceOf(before)}, after ${priceOf(afterThaw)}`,
    );
    checks.check(
      'no 5xx at any time',
      all.every((s) => s.status > 0 && s.status < 500),
      JSON.stringify(countBy(all, 'status')),
    );
  } finally {
    await load?.stop().catch(() => undefined);
    await prober?.stop().catch(() => undefined);
    try {
      redis.proc?.child.kill('SIGCONT');
    } catch {
      // gone
    }
    if (api) await stopChild(api);
    await redis.stop();
    await db.drop();
  }
  return {
    checks: checks.items,
    figures,
    setup:
      'One API process with REDIS_URL pointing at a private redis-server (random loopback port, no persistence) and a scratch database of the shared MariaDB with the demo catalog. Phase 1 kills Redis with SIGKILL for 8 s and starts a fresh, empty one on the same port; phase 2 freezes it with SIGSTOP for 8 s (its keys kept) while an operator changes a price, then SIGCONT.',
  };
}
