// A/B of CPU per answer between builds of the API, all alive at once and measured in interleaved
// rounds (the arms' order rotates every round), so a neighbour's load falls on every arm alike.
//   node bench/ab.mjs old=/path/to/old/dist new=dist     (each dist built with `npm run build:api`)
// The Node that runs this runs the arms (e.g. Node 24's binary for the image's runtime).
// Env: CASES (home,list,detail,checkout,pay,notify; pay and notify use the orders checkout made),
// ROUNDS (6), DURATION (4 s per round), NOTIFY_PER_ROUND (500), API_NODE_ARGS ('{arm}' becomes the
// arm's name), API_LOG (file prefix), BENCH_MYSQL_URL, BENCH_REDIS_URL.
// Each arm boots through bench/servers/api-harness.mjs (main.js's boot, plus the sandbox's pay keys
// over IPC) on a database and Redis prefix of its own. Figures: the API's CPU per answer (µs) and
// MariaDB's CPU per answer (one server for all arms, but only one arm is loaded at a time).
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { Loader } from './lib/loader-client.mjs';
import { notificationBuilder } from './lib/notification.mjs';
import { spawnNode, stop, waitFor200 } from './lib/procs.mjs';
import { adminDb, apiClient, dropDatabase, recreateDatabase, setUpShop } from './lib/shop.mjs';
import { cpuSeconds, databasePid, freePort, log, mapLimit, median } from './lib/util.mjs';

process.chdir(resolve(import.meta.dirname, '..'));
const env = process.env;
const mysqlUrl = env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const redisUrl = env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const rounds = Number(env.ROUNDS ?? 6);
const duration = Number(env.DURATION ?? 4);
const notifyPerRound = Number(env.NOTIFY_PER_ROUND ?? 500);
const connections = 64;
const cases = (env.CASES ?? 'home,list,detail,checkout,pay,notify').split(',').map((s) => s.trim());
const nodeArgs = (env.API_NODE_ARGS ?? '').split(' ').filter(Boolean);
const arms = process.argv.slice(2).map((a) => {
  const [name, dist] = a.split('=');
  return { name, dist: dist ? resolve(dist) : '' };
});
if (arms.length < 2 || arms.some((a) => !a.name || !a.dist)) {
  console.error('usage: node bench/ab.mjs name=distDir name=distDir [...]');
  process.exit(2);
}
const tmp = resolve('bench/.tmp/ab');
mkdirSync(tmp, { recursive: true });
const adminUser = 'bench-admin';
const adminPassword = randomBytes(12).toString('base64url');
const jwtSecret = randomBytes(32).toString('hex');

const armEnv = (arm, port) => ({
  BENCH_DIST: arm.dist,
  NODE_ENV: 'development',
  LOG_LEVEL: 'info',
  WECHAT_SANDBOX: 'true',
  DATABASE_URL: `${mysqlUrl}/${arm.db}`,
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: arm.prefix,
  SEED_DEMO: 'true',
  // the load generator is a few shoppers ordering over and over, all from 127.0.0.1 (as in run.mjs)
  LOGIN_RATE_LIMIT: '100000',
  ADMIN_LOGIN_RATE_LIMIT: '100000',
  ORDER_MAX_UNPAID_PER_SHOPPER: '1000',
  ORDER_MAX_UNITS_HELD_PER_SHOPPER: '1000000',
  ADMIN_USERNAME: adminUser,
  ADMIN_PASSWORD: adminPassword,
  JWT_SECRET: jwtSecret,
  DATA_DIR: resolve(tmp, `data-${arm.name}`),
  PORT: String(port),
  HOST: '127.0.0.1',
});

async function startArm(arm) {
  arm.db = `sut_ab_${arm.name}`;
  arm.prefix = `ab:${arm.name}:`;
  await recreateDatabase(mysqlUrl, arm.db);
  const port = await freePort();
  arm.url = `http://127.0.0.1:${port}`;
  arm.proc = spawnNode(resolve('bench/servers/api-harness.mjs'), {
    env: armEnv(arm, port),
    nodeArgs: nodeArgs.map((s) => s.replace('{arm}', arm.name)),
    logFile: env.API_LOG ? `${env.API_LOG}.${arm.name}` : '/dev/null',
    ipc: true,
  });
  const ready = await new Promise((res, rej) => {
    arm.proc.once('message', res);
    arm.proc.once('exit', (code) => rej(new Error(`${arm.name}: the API harness exited (${code})`)));
  });
  arm.pay = ready.pay;
  await waitFor200(`${arm.url}/api/v1/health`, { child: arm.proc, everyMs: 100, timeoutMs: 120_000 });
  const http = apiClient(arm.url);
  arm.shop = await setUpShop(http, {
    adminUser,
    adminPassword,
    runId: arm.name,
    products: 80,
    checkoutSkus: 40,
    flashSkus: 4,
    flashStock: 40,
    normalStock: 5000,
    shoppers: 256,
  });
  const page = (await http.get('/api/v1/catalog/products?page=1&pageSize=20')).json();
  arm.detailPaths = page.items.map((p) => `/api/v1/catalog/products/${p.id}`);
  arm.conn = await adminDb(mysqlUrl, arm.db);
  log(`${arm.name}: ${arm.dist} up on ${arm.url}`);
}

/** The loader's job for one round of a case on one arm. */
function job(arm, c, round) {
  if (c === 'home') return { url: arm.url + '/api/v1/catalog/home', connections, duration };
  if (c === 'list') return { url: arm.url + '/api/v1/catalog/products?page=1&pageSize=20', connections, duration };
  if (c === 'detail') return { url: arm.url, plan: 'paths', data: { paths: arm.detailPaths }, connections, duration };
  if (c === 'checkout') {
    const { shoppers, checkout } = arm.shop;
    return {
      url: arm.url,
      plan: 'checkout',
      connections,
      duration,
      data: {
        shoppers: shoppers.map((s) => ({ token: s.token, addressId: s.addressId })),
        skus: checkout.filter((p) => !p.flash).map((p) => p.skuId),
        flashSkus: checkout.filter((p) => p.flash).map((p) => p.skuId),
        flashShare: 0.1,
        runId: `${arm.name}-${round}`,
      },
    };
  }
  // notify: the next slice of paid-for orders, signed just before sending (±300 s window)
  const list = arm.paid.splice(0, perRound).map(arm.sign);
  return { url: arm.url, plan: 'notify', data: { notifications: list }, connections, amount: list.length };
}

/** The unpaid orders checkout made, for the pay and notify cases (a slice of `notifyPerRound` a round). */
async function takeUnpaidOrders(arm) {
  const needed = notifyPerRound * (rounds + 1);
  const [rows] = await arm.conn.query(
    `SELECT o.id, o.user_id AS userId, o.order_no AS orderNo, o.payable_amount AS payable, u.openid
       FROM orders o JOIN users u ON u.id = o.user_id
      WHERE o.status = 'PENDING_PAYMENT' ORDER BY o.id LIMIT ?`,
    [needed],
  );
  if (rows.length < needed)
    throw new Error(`${arm.name}: ${rows.length} unpaid orders, ${needed} needed (run checkout first)`);
  const build = notificationBuilder(arm.pay, arm.dist);
  arm.sign = (o) => build({ ...o, payable: Number(o.payable) });
  arm.tokens = new Map(arm.shop.shoppers.map((s) => [s.userId, s.token]));
  arm.unpaid = rows;
  arm.paid = [];
}

const dbPid = databasePid();
let perRound = notifyPerRound;
/**
 * The shopper's POST /orders/:id/pay (WeChat prepay in the sandbox, the payment row) for the next
 * `count` unpaid orders, 16 at a time from this process, measured as a loader job is.
 */
async function payOrders(arm, count) {
  const chunk = arm.unpaid.splice(0, count);
  const api = apiClient(arm.url);
  const codes = {};
  const cpu0 = cpuSeconds(arm.proc.pid);
  const db0 = dbPid ? cpuSeconds(dbPid) : NaN;
  const t0 = performance.now();
  await mapLimit(chunk, 16, async (o) => {
    const res = await api.post(`/api/v1/orders/${o.id}/pay`, undefined, { token: arm.tokens.get(o.userId) });
    codes[res.status] = (codes[res.status] ?? 0) + 1;
  });
  const seconds = (performance.now() - t0) / 1000;
  arm.paid.push(...chunk);
  return {
    codes,
    seconds,
    serverCpu: (cpuSeconds(arm.proc.pid) - cpu0) / seconds,
    dbCpu: dbPid ? (cpuSeconds(dbPid) - db0) / seconds : NaN,
  };
}

/** One round of case `c` on one arm (`round` is 'warm' for the uncounted warm-up). */
function run(arm, c, round) {
  if (c === 'pay') return payOrders(arm, perRound);
  return loader.run(job(arm, c, round), arm.proc.pid);
}

const loader = new Loader();
const out = {};
try {
  for (const arm of arms) await startArm(arm);
  for (const c of cases) {
    if ((c === 'pay' || c === 'notify') && !arms[0].unpaid) {
      for (const arm of arms) await takeUnpaidOrders(arm);
      // as many as every arm has: checkout makes fewer orders on a loaded machine
      perRound = Math.min(notifyPerRound, ...arms.map((a) => Math.floor(a.unpaid.length / (rounds + 1))));
      if (perRound < 50) throw new Error(`too few unpaid orders for ${rounds + 1} rounds: run checkout longer`);
      log(`pay/notify: ${perRound} orders a round`);
    }
    // notify without the pay case: the orders still ask to pay first, as in the shop (setup)
    if (c === 'notify' && !cases.includes('pay')) for (const arm of arms) await payOrders(arm, arm.unpaid.length);
    for (const arm of arms) await run(arm, c, 'warm'); // warm-up, not counted
    out[c] = Object.fromEntries(arms.map((a) => [a.name, []]));
    for (let r = 0; r < rounds; r++) {
      const line = [];
      for (const arm of arms.map((_, i) => arms[(i + r) % arms.length])) {
        const got = await run(arm, c, r);
        const ok = Object.entries(got.codes)
          .filter(([code]) => code < '300' || (c === 'checkout' && code === '409'))
          .reduce((s, [, k]) => s + k, 0);
        const perSecond = ok / got.seconds;
        const row = {
          apiUs: (1e6 * got.serverCpu) / perSecond,
          dbUs: (1e6 * got.dbCpu) / perSecond,
          perSecond,
          other: Object.values(got.codes).reduce((s, k) => s + k, 0) - ok + (got.errors ?? 0),
        };
        out[c][arm.name].push(row);
        line.push(
          `${arm.name} api ${row.apiUs.toFixed(0)}µs db ${row.dbUs.toFixed(0)}µs ${perSecond.toFixed(0)}/s` +
            (row.other ? ` (unexpected: ${JSON.stringify(got.codes)}, ${got.errors ?? 0} errors)` : ''),
        );
      }
      log(`${c} r${r + 1}: ${line.join(' | ')}  load ${loadavg()[0].toFixed(1)}`);
    }
    const base = median(out[c][arms[0].name].map((x) => x.apiUs));
    log(
      `${c} MEDIAN API CPU per answer: ` +
        arms
          .map((a) => {
            const m = median(out[c][a.name].map((x) => x.apiUs));
            const wins = out[c][a.name].filter((x, i) => x.apiUs < out[c][arms[0].name][i].apiUs).length;
            return `${a.name} ${m.toFixed(1)}µs (×${(m / base).toFixed(3)}, below ${arms[0].name} in ${wins}/${rounds})`;
          })
          .join(' | ') +
        ` ; DB: ${arms.map((a) => `${a.name} ${median(out[c][a.name].map((x) => x.dbUs)).toFixed(0)}µs`).join(' | ')}`,
    );
  }
  const file = resolve(tmp, `ab-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ node: process.version, arms: arms.map((a) => a.name), out }, null, 1));
  log(`written ${file}`);
} finally {
  loader.close();
  for (const arm of arms) {
    if (arm.proc) await stop(arm.proc);
    await arm.conn?.end();
  }
  const redis = new Redis(redisUrl);
  for (const arm of arms) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${arm.prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    if (arm.db) await dropDatabase(mysqlUrl, arm.db).catch(() => undefined);
  }
  redis.disconnect();
}
