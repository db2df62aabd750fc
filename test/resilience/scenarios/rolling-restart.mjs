// Rolling restart: two API replicas behind the shipped nginx config; under a mixed read/write load
// each replica in turn gets SIGTERM, drains and exits, and is started again. No client request may
// fail: not one non-2xx answer, not one connection error.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { Checks, countBy, freePort, latencyOf, log, now, round, scratchDir, sleep, waitFor } from '../lib/common.mjs';
import { Api, createAgent } from '../lib/http.mjs';
import { LoadLoop } from '../lib/load.mjs';
import { startNginx } from '../lib/nginx.mjs';
import { stopChild, waitApiLive } from '../lib/procs.mjs';
import { createScratchDatabase, startOwnRedis } from '../lib/services.mjs';
import { adminLogin, createBuyers, createProduct } from '../lib/shop.mjs';
import { startShopApi } from '../lib/shop-api.mjs';

export const name = 'rolling-restart';
export const title = 'Rolling restart behind nginx (two replicas, SIGTERM under load)';
export const ciSafe = true;
/** What it needs and where it runs (`run.mjs --list`). */
export const where = 'two API replicas behind a private nginx with the shipped config';

const WORKERS = Number(process.env.ROLLING_WORKERS ?? 16);
const SHUTDOWN_DELAY_MS = Number(process.env.ROLLING_SHUTDOWN_DELAY_MS ?? 2000);

export async function run() {
  const checks = new Checks(name);
  const figures = [];
  const dir = scratchDir('rolling');
  const db = await createScratchDatabase(name);
  const redis = await startOwnRedis();
  const replicas = [];
  let nginx;
  let load;
  try {
    const ports = [await freePort(), await freePort()];
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `rolling-${process.pid}:`,
      SEED_DEMO: 'true',
      SHUTDOWN_DELAY_MS: String(SHUTDOWN_DELAY_MS),
      TRUST_PROXY: 'loopback',
    };
    // the first replica migrates and seeds; the second starts on a ready schema
    let generation = 0;
    const startReplica = async (i) => {
      generation++;
      const api = await startShopApi(name, {
        label: `rolling-api-${i + 1}-gen${generation}`,
        port: ports[i],
        dataDir: `${dir}/api-${i + 1}`,
        env,
      });
      replicas[i] = api;
      return api;
    };
    await startReplica(0);
    await startReplica(1);
    nginx = await startNginx(`${dir}/nginx`, { port: await freePort(), upstreams: ports });
    log(name, `nginx on ${nginx.port} → replicas on ${ports.join(', ')}`);
    const http = new Api(nginx.baseUrl, { agent: createAgent(WORKERS * 2), timeoutMs: 30_000 });
    const admin = await adminLogin(http);
    const { skuId } = await createProduct(http, admin, { stock: 1_000_000, price: 1500 });
    const buyers = await createBuyers(http, WORKERS, 8);
    const list = await http.expect(200, 'GET', '/api/v1/catalog/products?pageSize=20');
    const productIds = list.json.items.map((p) => p.id);

    load = new LoadLoop({
      workers: WORKERS,
      pauseMs: 10,
      pick: (w) => {
        const b = buyers[w];
        const r = Math.random();
        if (r < 0.35) {
          const id = productIds[Math.floor(Math.random() * productIds.length)];
          return { name: 'GET product', run: () => http.get(`/api/v1/catalog/products/${id}`) };
        }
        if (r < 0.5) return { name: 'GET list', run: () => http.get('/api/v1/catalog/products?pageSize=10') };
        if (r < 0.65)
          return { name: 'GET /orders', run: () => http.get('/api/v1/orders?pageSize=5', { token: b.token }) };
        if (r < 0.8)
          return {
            name: 'POST /cart/items',
            run: () => http.post('/api/v1/cart/items', { token: b.token, body: { skuId, quantity: 1 } }),
          };
        return {
          name: 'POST /orders',
          run: () =>
            http.post('/api/v1/orders', {
              token: b.token,
              headers: { 'idempotency-key': `rolling-${randomUUID()}` },
              body: { items: [{ skuId, quantity: 1 }], addressId: b.addressId },
            }),
        };
      },
    }).start();

    const restarts = [];
    await sleep(4000);
    for (const i of [0, 1]) {
      const old = replicas[i];
      log(name, `SIGTERM replica ${i + 1} (pid ${old.child.pid})`);
      const termAt = now();
      process.kill(old.child.pid, 'SIGTERM');
      const exit = await old.exited;
      const exitedAt = now();
      log(
        name,
        `replica ${i + 1} exited with ${exit.code ?? exit.signal} after ${round(exitedAt - termAt)} ms; starting it again`,
      );
      const fresh = await startReplica(i);
      await waitApiLive(fresh);
      const readyAt = now();
      // A rolling restart moves on only once the new replica takes traffic again: nginx keeps a
      // replica it saw failing out of rotation for fail_timeout (10 s) even when it is back.
      await waitFor(
        `replica ${i + 1} to serve traffic from nginx`,
        () => fresh.lines.some((l) => l.includes('"msg":"request"') && !l.includes('/health')),
        { timeoutMs: 30_000, intervalMs: 50 },
      );
      const servingAt = now();
      restarts.push({
        replica: i + 1,
        drainMs: exitedAt - termAt,
        exit,
        restartMs: readyAt - exitedAt,
        backInRotationMs: servingAt - readyAt,
      });
      await sleep(2000);
    }
    await load.stop();

    const all = load.samples;
    const failed = all.filter((s) => s.status < 200 || s.status >= 300);
    const seconds = (all[all.length - 1].end - all[0].start) / 1000;
    const access = readFileSync(nginx.accessLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        try {
          return JSON.parse(l);
        } catch {
          return null;
        }
      })
      .filter(Boolean);
    const retried = access.filter((a) => String(a.upstream_addr).includes(','));
    figures.push([
      'load',
      `${WORKERS} closed-loop workers through nginx: product/list reads, GET /orders, POST /cart/items, POST /orders`,
    ]);
    figures.push([
      'requests',
      `${all.length} in ${round(seconds, 1)} s (${round(all.length / seconds)} req/s): ${JSON.stringify(countBy(all, 'op'))}`,
    ]);
    figures.push(['answers', JSON.stringify(countBy(all, 'status'))]);
    figures.push(['latency', latencyOf(all)]);
    for (const r of restarts) {
      figures.push([
        `replica ${r.replica}`,
        `SIGTERM → exit ${r.exit.code ?? r.exit.signal} in ${round(r.drainMs)} ms (SHUTDOWN_DELAY_MS ${SHUTDOWN_DELAY_MS}); restarted and live in ${round(r.restartMs)} ms; nginx sent it traffic again ${round(r.backInRotationMs)} ms later`,
      ]);
    }
    figures.push([
      'nginx',
      `${access.length} requests logged, ${retried.length} passed to the other replica (proxy_next_upstream), statuses ${JSON.stringify(countBy(access, 'status'))}`,
    ]);
    checks.check(
      'zero failed client requests',
      failed.length === 0,
      failed.length
        ? JSON.stringify(countBy(failed, (s) => `${s.op} ${s.status || s.res.error}`))
        : `${all.length} requests`,
    );
    checks.check(
      'both replicas exited 0 after SIGTERM',
      restarts.every((r) => r.exit.code === 0),
      restarts.map((r) => r.exit.code).join(', '),
    );
    checks.check(
      'each drained within 10 s',
      restarts.every((r) => r.drainMs < 10_000),
    );
    checks.check(
      'every write went through (POST answered 2xx)',
      all.filter((s) => s.op.startsWith('POST')).every((s) => s.status === 200 || s.status === 201),
    );
  } finally {
    await load?.stop().catch(() => undefined);
    if (nginx) await nginx.stop();
    for (const r of replicas) if (r) await stopChild(r);
    await redis.stop();
    await db.drop();
  }
  return {
    checks: checks.items,
    figures,
    setup: `The shipped \`deploy/nginx/nginx.conf\` + \`sutwxapp-proxy.conf\` run by nginx as a child on loopback (upstreams, port and paths rewritten; per-IP \`limit_req\`/\`limit_conn\` removed because the whole load comes from one address), two API processes (\`node dist/apps/api/src/main.js\`, SHUTDOWN_DELAY_MS=${SHUTDOWN_DELAY_MS}) on a scratch database of the shared MariaDB and a private redis-server. Replica 1 gets SIGTERM, exits, is started again; then replica 2.`,
  };
}
