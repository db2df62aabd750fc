// npm run bench: builds the API, starts everything it measures on loopback (MariaDB and Redis must
// answer on 127.0.0.1), runs the cases and writes bench/RESULTS.md. Benchmarks are not tests: this
// prints figures and ratios and exits 0 whatever they are; it exits non-zero only when it could
// not measure (a service missing, a server that would not start).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { runCatalog } from './cases/catalog.mjs';
import { runCheckout } from './cases/checkout.mjs';
import { bootSection, productionEnv, productionNode, runBootProbe, runColdStart } from './cases/coldstart.mjs';
import { mediaLine, runMedia } from './cases/media.mjs';
import { measureMiniprogram } from './cases/miniprogram.mjs';
import { runNotify } from './cases/notify.mjs';
import { profileSection, runProfiles } from './cases/profile.mjs';
import { mixedSection, soakSection, runMixedOnce, startReplica } from './cases/mixed.mjs';
import { runSearchAtScale, searchSection } from './cases/search.mjs';
import { runWrk, wrkAvailable, wrkSection } from './cases/wrk.mjs';
import { Loader } from './lib/loader-client.mjs';
import { spawnNode, stop, waitFor200 } from './lib/procs.mjs';
import { profileTop } from './lib/profile.mjs';
import { printSummary, writeResults } from './lib/report.mjs';
import { adminDb, apiClient, dropDatabase, recreateDatabase, setUpShop } from './lib/shop.mjs';
import { collectEnvironment } from './lib/environment.mjs';
import { freePort, log, rssMb, sleep } from './lib/util.mjs';

process.chdir(resolve(import.meta.dirname, '..'));
const env = process.env;
const quick = env.BENCH_QUICK === '1';
const settings = {
  mysqlUrl: env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306',
  redisUrl: env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  database: env.BENCH_DATABASE ?? 'sutwxapp_bench',
  connections: Number(env.BENCH_CONNECTIONS ?? 64),
  duration: Number(env.BENCH_DURATION ?? (quick ? 2 : 5)),
  warmup: Number(env.BENCH_WARMUP ?? (quick ? 1 : 3)),
  rounds: Number(env.BENCH_ROUNDS ?? (quick ? 1 : 3)),
  checkoutRounds: Number(env.BENCH_CHECKOUT_ROUNDS ?? (quick ? 1 : 2)),
  checkoutDuration: Number(env.BENCH_CHECKOUT_DURATION ?? (quick ? 3 : 8)),
  notifyRounds: Number(env.BENCH_NOTIFY_ROUNDS ?? (quick ? 1 : 2)),
  notifyPerRound: Number(env.BENCH_NOTIFY_PER_ROUND ?? (quick ? 1000 : 4000)),
  coldStarts: Number(env.BENCH_COLD_STARTS ?? (quick ? 2 : 5)),
  shoppers: 256,
  keepDatabase: env.BENCH_KEEP_DB === '1',
  logFile: env.BENCH_API_LOG ?? '/dev/null',
  resultsFile: env.BENCH_RESULTS ?? 'bench/RESULTS.md',
  // another build of the API to measure (e.g. a copy built before a change), default ./dist
  dist: resolve(env.BENCH_DIST ?? 'dist'),
  // e.g. BENCH_ONLY=catalog,checkout (notify needs checkout's orders, so it brings checkout along)
  only: new Set(
    (env.BENCH_ONLY ?? 'catalog,wrk,search,checkout,notify,coldstart,miniprogram,media,mixed,soak,profile')
      .split(',')
      .map((s) => s.trim()),
  ),
  // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/.tmp/prof" to profile the API under load
  apiNodeArgs: (env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
};
if (settings.only.has('notify')) settings.only.add('checkout');
// npm run bench -- --catalog-size 1000,10000,100000 (or BENCH_CATALOG_SIZES): the search-at-scale case
const sizeArg = process.argv.indexOf('--catalog-size');
settings.catalogSizes = (
  sizeArg > 0 ? process.argv[sizeArg + 1] : (env.BENCH_CATALOG_SIZES ?? (quick ? '1000,10000' : '1000,10000,100000'))
)
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
if (sizeArg > 0 && env.BENCH_ONLY === undefined) settings.only.add('search');
const want = (name) => settings.only.has(name);
const runId = randomBytes(4).toString('hex');
const redisPrefix = `bench:${runId}:`;
const tmp = resolve('bench/.tmp');
mkdirSync(tmp, { recursive: true });

async function checkServices() {
  const conn = await adminDb(settings.mysqlUrl).catch((err) => {
    throw new Error(`MariaDB/MySQL is not answering at ${settings.mysqlUrl} (${err.message}); set BENCH_MYSQL_URL`);
  });
  await conn.end();
  const redis = new Redis(settings.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().catch((err) => {
    throw new Error(`Redis is not answering at ${settings.redisUrl} (${err.message}); set BENCH_REDIS_URL`);
  });
  return redis;
}

/** Deletes this run's keys only (SCAN on our prefix; never FLUSHALL on a shared Redis). */
async function cleanRedis(redis) {
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) n += await redis.del(...keys);
  } while (cursor !== '0');
  return n;
}

async function main() {
  const started = new Date();
  log(`run ${runId}: ${quick ? 'quick' : 'full'} (${JSON.stringify({ ...settings, mysqlUrl: undefined })})`);
  if (env.BENCH_SKIP_BUILD !== '1' && env.BENCH_DIST === undefined) {
    log('building the API (npm run build)');
    const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const redis = await checkServices();
  await recreateDatabase(settings.mysqlUrl, settings.database);
  const databaseUrl = `${settings.mysqlUrl.replace(/\/$/, '')}/${settings.database}`;
  const adminUser = 'bench-admin';
  const adminPassword = randomBytes(12).toString('base64url');
  // one secret for both API processes, so shoppers' tokens from the first work on the second
  const jwtSecret = randomBytes(32).toString('hex');
  const devEnv = (port) => ({
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    WECHAT_SANDBOX: 'true',
    DATABASE_URL: databaseUrl,
    REDIS_URL: settings.redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    SEED_DEMO: 'true',
    LOGIN_RATE_LIMIT: '100000',
    // load generators order over and over as a few shoppers: the anti-hoarding limits (tested in
    // apps/api/test/money-safety.e2e-spec.ts) would refuse them and hide what is being measured
    ORDER_MAX_UNPAID_PER_SHOPPER: '1000',
    ORDER_MAX_UNITS_HELD_PER_SHOPPER: '1000000',
    ADMIN_LOGIN_RATE_LIMIT: '100000',
    // every virtual shopper arrives from 127.0.0.1 (through nginx too): the per-IP budget for
    // POST /events (6,000/min, meant for one real client address) would answer the soak 429
    EVENTS_PER_IP_PER_MINUTE: '10000000',
    // and the virtual shoppers are fewer accounts than connections: at 500+ steps/s each account
    // sends more than one person's 600 events/min (run f2e25312's soak: 31 answers 429)
    EVENTS_PER_SHOPPER_PER_MINUTE: '1000000',
    ADMIN_USERNAME: adminUser,
    ADMIN_PASSWORD: adminPassword,
    JWT_SECRET: jwtSecret,
    DATA_DIR: resolve(tmp, 'data'),
    PORT: String(port),
    HOST: '127.0.0.1',
  });

  const results = {
    runId,
    started: started.toISOString(),
    settings,
    environment: await collectEnvironment(settings),
    failures: [],
  };
  /** One case failing (a server that would not start, too few orders…) must not lose the others. */
  const attempt = async (name, fn) => {
    try {
      await fn();
    } catch (err) {
      log(`${name} could not be measured: ${err instanceof Error ? err.message : err}`);
      results.failures.push({ case: name, error: err instanceof Error ? err.message : String(err) });
    }
  };
  // BENCH_ONLY=search: catalogs of each size straight into MariaDB (no API process, no shop)
  if (want('search')) {
    await attempt('search', async () => {
      results.search = await runSearchAtScale({
        mysqlUrl: settings.mysqlUrl,
        database: settings.database,
        distDir: settings.dist,
        sizes: settings.catalogSizes,
        connections: settings.connections,
        seconds: Number(env.BENCH_SEARCH_SECONDS ?? (quick ? 3 : 8)),
        keep: settings.keepDatabase,
      });
      writeSection(
        settings.resultsFile,
        'search',
        searchSection(results.search, `${loadAverage()} (uptime load average)`),
      );
    });
    if (settings.only.size === 1) {
      writeFileSync(resolve(tmp, `results-${runId}.json`), JSON.stringify(results, null, 2));
      if (!settings.keepDatabase) await dropDatabase(settings.mysqlUrl, settings.database);
      await redis.quit();
      return;
    }
  }
  // BENCH_ONLY=mixed and/or soak: virtual shoppers on 1 and 2 replicas behind nginx (own API processes)
  if (want('mixed') || want('soak')) {
    await attempt('mixed', () => mixedAndSoak(results, devEnv, { adminUser, adminPassword }));
    if ([...settings.only].every((x) => x === 'mixed' || x === 'soak' || x === 'search')) {
      writeFileSync(resolve(tmp, `results-${runId}.json`), JSON.stringify(results, null, 1));
      await cleanRedis(redis).catch(() => 0);
      redis.disconnect();
      if (!settings.keepDatabase) await dropDatabase(settings.mysqlUrl, settings.database).catch(() => undefined);
      return;
    }
    await recreateDatabase(settings.mysqlUrl, settings.database);
  }
  // BENCH_ONLY=media: the upload case alone (its own API process; no shop, no load generator)
  if (settings.only.size === 1 && want('media')) {
    try {
      results.media = await runMedia({ dist: settings.dist, env: devEnv, logFile: settings.logFile });
      console.log(mediaLine(results.media));
      writeFileSync(resolve(tmp, `results-${runId}.json`), JSON.stringify(results, null, 1));
    } finally {
      redis.disconnect();
      if (!settings.keepDatabase) await dropDatabase(settings.mysqlUrl, settings.database).catch(() => undefined);
      rmSync(resolve(tmp, 'data'), { recursive: true, force: true });
    }
    return;
  }
  const loader = new Loader();
  const children = [];
  let conn;
  try {
    // ---- the API as production runs it, in development mode only for the sandbox and the demo data
    const apiPort = await freePort();
    const apiEnv = devEnv(apiPort);
    log('starting the API (first start: migrations + demo catalog)');
    const api = spawnNode(`${settings.dist}/apps/api/src/main.js`, {
      env: apiEnv,
      logFile: settings.logFile,
      nodeArgs: settings.apiNodeArgs,
    });
    children.push(api);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor200(`${apiUrl}/api/v1/health`, { child: api, everyMs: 50 });
    await sleep(2000);
    const rssIdleFresh = rssMb(api.pid);
    const http = apiClient(apiUrl);

    log('setting up the shop through the API (admin, products, shoppers, addresses)');
    const shop = await setUpShop(http, {
      adminUser,
      adminPassword,
      runId,
      products: 80,
      checkoutSkus: 40,
      flashSkus: 4,
      flashStock: 40,
      normalStock: 3000,
      shoppers: settings.shoppers,
    });

    // ---- the bytes the baseline serves: exactly what the API answered
    const list1 = '/api/v1/catalog/products?page=1&pageSize=20';
    const listDb = '/api/v1/catalog/products?page=6&pageSize=20';
    const detailIds = shop.products.slice(40, 60).map((p) => p.productId);
    const bodies = {
      '/home': (await http.get('/api/v1/catalog/home')).bytes,
      '/list': (await http.get(list1)).bytes,
      '/list-db': (await http.get(listDb)).bytes,
    };
    for (const id of detailIds) bodies[`/detail/${id}`] = (await http.get(`/api/v1/catalog/products/${id}`)).bytes;
    const page6 = JSON.parse(bodies['/list-db'].toString('utf8'));
    if (page6.items.length !== 20) throw new Error(`page 6 holds ${page6.items.length} products, expected 20`);
    const bodiesFile = resolve(tmp, 'bodies.json');
    writeFileSync(
      bodiesFile,
      JSON.stringify(Object.fromEntries(Object.entries(bodies).map(([k, v]) => [k, v.toString('base64')]))),
    );
    const basePort = await freePort();
    const fastifyPort = await freePort();
    const baseline = spawnNode(resolve('bench/servers/baseline-node.mjs'), { args: [String(basePort), bodiesFile] });
    const fastify = spawnNode(resolve('bench/servers/baseline-fastify.mjs'), {
      args: [String(fastifyPort), bodiesFile],
    });
    children.push(baseline, fastify);
    const baseUrl = `http://127.0.0.1:${basePort}`;
    const fastifyUrl = `http://127.0.0.1:${fastifyPort}`;
    await waitFor200(`${baseUrl}/health`, { child: baseline });
    await waitFor200(`${fastifyUrl}/health`, { child: fastify });

    // ---- the cached cases again under wrk, with bare Nest on Fastify as a reference row
    if (want('wrk'))
      await attempt('wrk', async () => {
        if (!(await wrkAvailable())) throw new Error('wrk is not installed (Debian: apt-get install wrk)');
        const nestPort = await freePort();
        const nest = spawnNode(resolve('bench/servers/baseline-nest.mjs'), { args: [String(nestPort), bodiesFile] });
        children.push(nest);
        const nestUrl = `http://127.0.0.1:${nestPort}`;
        await waitFor200(`${nestUrl}/health`, { child: nest });
        const detail = detailIds[0];
        const wrkSettings = {
          rounds: Number(env.BENCH_WRK_ROUNDS ?? (quick ? 1 : 3)),
          seconds: Number(env.BENCH_WRK_SECONDS ?? (quick ? 3 : 8)),
          connections: settings.connections,
        };
        const load = `${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;
        results.wrk = await runWrk({
          ...wrkSettings,
          servers: {
            baseline: { url: baseUrl, pid: baseline.pid },
            nest: { url: nestUrl, pid: nest.pid },
            fastify: { url: fastifyUrl, pid: fastify.pid },
            ours: { url: apiUrl, pid: api.pid },
          },
          cases: {
            'home (cached)': { baseline: '/home', nest: '/home', ours: '/api/v1/catalog/home' },
            'product list (cached)': { baseline: '/list', nest: '/list', fastify: '/list', ours: list1 },
            'product detail (cached)': {
              baseline: `/detail/${detail}`,
              nest: `/detail/${detail}`,
              ours: `/api/v1/catalog/products/${detail}`,
            },
            'product list (database)': { baseline: '/list-db', nest: '/list-db', ours: listDb },
          },
        });
        writeSection(settings.resultsFile, 'wrk', wrkSection(results.wrk, { load, ...wrkSettings }));
        await stop(nest);
      });

    // ---- cases 1–3 and the database list page
    if (want('catalog'))
      await attempt('catalog', async () => {
        results.catalog = await runCatalog({
          loader,
          apiPid: api.pid,
          basePid: baseline.pid,
          rounds: settings.rounds,
          duration: settings.duration,
          warmup: settings.warmup,
          connections: settings.connections,
          targets: [
            {
              name: 'home (cached)',
              path: '/api/v1/catalog/home',
              ours: { url: apiUrl + '/api/v1/catalog/home' },
              baseline: { url: baseUrl + '/home' },
            },
            {
              name: 'product list (cached)',
              path: list1,
              ours: { url: apiUrl + list1 },
              baseline: { url: baseUrl + '/list' },
              reference: { url: fastifyUrl + '/list' },
            },
            {
              name: 'product detail (cached)',
              path: '/api/v1/catalog/products/:id (20 ids)',
              ours: {
                url: apiUrl,
                plan: 'paths',
                data: { paths: detailIds.map((id) => `/api/v1/catalog/products/${id}`) },
              },
              baseline: { url: baseUrl, plan: 'paths', data: { paths: detailIds.map((id) => `/detail/${id}`) } },
            },
            {
              name: 'product list (database)',
              path: listDb,
              ours: { url: apiUrl + listDb },
              baseline: { url: baseUrl + '/list-db' },
            },
          ],
        });
      });

    // ---- case 4: checkout
    conn = await adminDb(settings.mysqlUrl, settings.database);
    if (want('checkout'))
      await attempt('checkout', async () => {
        results.checkout = await runCheckout({
          loader,
          apiUrl,
          apiPid: api.pid,
          shop,
          conn,
          rounds: settings.checkoutRounds,
          duration: settings.checkoutDuration,
          warmup: settings.warmup,
          connections: settings.connections,
          runId,
        });
      });

    // ---- case 5: payment notifications (the API booted with the sandbox keys handed over IPC)
    async function notifications() {
      const harnessPort = await freePort();
      const harnessChild = spawnNode(resolve('bench/servers/api-harness.mjs'), {
        env: { ...devEnv(harnessPort), BENCH_DIST: settings.dist },
        logFile: settings.logFile,
        nodeArgs: settings.apiNodeArgs,
        ipc: true,
      });
      children.push(harnessChild);
      const ready = await new Promise((res, rej) => {
        harnessChild.once('message', res);
        harnessChild.once('exit', (code) => rej(new Error(`the API harness exited (${code})`)));
      });
      const harness = { url: `http://127.0.0.1:${harnessPort}`, pid: harnessChild.pid, pay: ready.pay };
      await waitFor200(`${harness.url}/api/v1/health`, { child: harnessChild, everyMs: 50 });
      try {
        if (want('notify')) await attempt('notifications', () => notifyCase(harness));
        if (want('profile'))
          await attempt('profile', async () => {
            log('profile: one kind of load at a time, the API profiled in-process');
            results.profile = await runProfiles({
              loader,
              harness,
              child: harnessChild,
              shop,
              conn,
              paths: {
                home: '/api/v1/catalog/home',
                list: list1,
                listDb,
                details: detailIds.map((id) => `/api/v1/catalog/products/${id}`),
              },
              dist: settings.dist,
              runId,
              tmp,
              connections: settings.connections,
              seconds: Number(env.BENCH_PROFILE_SECONDS ?? (quick ? 3 : 8)),
            });
            writeSection(settings.resultsFile, 'profile', profileSection(results.profile));
          });
      } finally {
        await stop(harnessChild);
      }
    }

    async function notifyCase(harness) {
      results.notify = await runNotify({
        loader,
        harness,
        conn,
        tokens: new Map(shop.shoppers.map((x) => [x.userId, x.token])),
        rounds: settings.notifyRounds,
        perRound: settings.notifyPerRound,
        warmupCount: quick ? 300 : 1000,
        dist: settings.dist,
        connections: settings.connections,
      });
    }

    // ---- case 6 (+ idle RSS on the production path)
    async function coldStarts() {
      log(`cold start: ${settings.coldStarts} × (bare Node, API on the production path)`);
      const coldPort = await freePort();
      results.coldStart = await runColdStart({
        runs: settings.coldStarts,
        bodiesFile,
        logFile: settings.logFile,
        dist: settings.dist,
        baseEnv: productionEnv({ databaseUrl, redisUrl: settings.redisUrl, redisPrefix, port: coldPort }),
        prodNode: productionNode(),
      });
    }

    await sleep(3000);
    results.memory = { idleFreshMb: rssIdleFresh, idleAfterLoadMb: rssMb(api.pid) };
    results.memory.peakMb = Math.max(
      ...(results.catalog ?? []).map((c) => c.peakRssMb),
      results.checkout?.peakRssMb ?? 0,
    );
    await stop(api);
    await stop(fastify);
    if (want('notify') || want('profile')) await attempt('API harness', notifications);
    if (want('coldstart')) await attempt('cold start', coldStarts);
    if (want('profile'))
      await attempt('boot probe', async () => {
        log('profile: one more production-path start with the boot probe (require times, heap spaces)');
        results.boot = await runBootProbe({
          dist: settings.dist,
          logFile: settings.logFile,
          baseEnv: productionEnv({ databaseUrl, redisUrl: settings.redisUrl, redisPrefix, port: 0 }),
        });
        writeSection(settings.resultsFile, 'boot', bootSection(results.boot));
      });
    await stop(baseline);
    if (want('miniprogram')) await attempt('mini-program', async () => (results.miniprogram = measureMiniprogram()));
    if (want('media'))
      await attempt('media uploads', async () => {
        results.media = await runMedia({ dist: settings.dist, env: devEnv, logFile: settings.logFile });
      });
  } finally {
    loader.close();
    for (const child of children) await stop(child);
    await conn?.end();
    const deleted = await cleanRedis(redis).catch(() => 0);
    redis.disconnect();
    if (!settings.keepDatabase) await dropDatabase(settings.mysqlUrl, settings.database).catch(() => undefined);
    log(
      `cleaned up: ${deleted} Redis keys under ${redisPrefix}${settings.keepDatabase ? '' : `, database ${settings.database}`}`,
    );
    rmSync(resolve(tmp, 'data'), { recursive: true, force: true });
  }
  results.finished = new Date().toISOString();
  results.seconds = (Date.now() - started.getTime()) / 1000;
  writeFileSync(resolve(tmp, `results-${runId}.json`), JSON.stringify(results, null, 1));
  printSummary(results);
  // The generated file is rewritten whole: the sections written during the run go back in.
  const sections = {};
  for (const name of ['wrk', 'search', 'mixed', 'soak', 'profile', 'boot']) {
    const text = existsSync(settings.resultsFile) ? readFileSync(settings.resultsFile, 'utf8') : '';
    const m = new RegExp(`<!-- bench:${name} -->\\n([\\s\\S]*?)\\n<!-- /bench:${name} -->`).exec(text);
    if (m) sections[name] = m[1];
  }
  // A subset of only the sectioned cases (wrk, search) leaves the generated tables of the last full run alone.
  const generated = ['catalog', 'checkout', 'notify', 'coldstart', 'miniprogram', 'media'];
  if (generated.some(want)) writeResults(settings.resultsFile, results);
  for (const [name, text] of Object.entries(sections)) writeSection(settings.resultsFile, name, text);
  log(
    `wrote ${settings.resultsFile} (raw figures: bench/.tmp/results-${runId}.json) in ${results.seconds.toFixed(0)} s`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    process.exit(1);
  },
);

/**
 * Cases 11–12. BENCH_MIXED_SECONDS (default 20, quick 5) per measured run, BENCH_MIXED_SHOPPERS
 * (default 64), BENCH_SOAK_SECONDS (default 600, quick 30) for the soak, BENCH_PROFILE=1 for a CPU profile
 * of replica 1 (its whole life: boot, setup and the runs) summarised into the results.
 */
async function mixedAndSoak(results, devEnv, { adminUser, adminPassword }) {
  const seconds = Number(env.BENCH_MIXED_SECONDS ?? (quick ? 5 : 20));
  const shoppers = Number(env.BENCH_MIXED_SHOPPERS ?? 64);
  const soakSeconds = Number(env.BENCH_SOAK_SECONDS ?? (quick ? 30 : 600));
  const profileDir = resolve(tmp, `prof-${runId}`);
  const profile = env.BENCH_PROFILE === '1';
  const replicas = [];
  try {
    log('mixed: replica 1 (migrations + demo catalog), then the shop through it');
    replicas.push(
      await startReplica({
        dist: settings.dist,
        env: devEnv,
        logFile: settings.logFile,
        nodeArgs: [...settings.apiNodeArgs, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
      }),
    );
    const shop = await setUpShop(apiClient(replicas[0].url), {
      adminUser,
      adminPassword,
      runId,
      products: 80,
      checkoutSkus: 40,
      flashSkus: 0,
      flashStock: 40,
      normalStock: 1_000_000,
      shoppers: settings.shoppers,
    });
    const conn = await adminDb(settings.mysqlUrl, settings.database);
    const [users] = await conn.query('SELECT id, openid FROM users WHERE id IN (?)', [
      shop.shoppers.map((x) => x.userId),
    ]);
    await conn.end();
    const openids = new Map(users.map((u) => [Number(u.id), u.openid]));
    const common = { shop, shoppers, dist: settings.dist, tmp, openids };
    const out = { runs: [] };
    if (want('mixed')) {
      log(`mixed: 1 replica, ${shoppers} shoppers, ${seconds} s`);
      out.runs.push(
        await runMixedOnce({ ...common, replicas: [...replicas], seconds, warmup: 3, runId: `${runId}-1` }),
      );
    }
    replicas.push(await startReplica({ dist: settings.dist, env: devEnv, logFile: settings.logFile }));
    if (want('mixed')) {
      log(`mixed: 2 replicas, ${shoppers} shoppers, ${seconds} s`);
      out.runs.push(
        await runMixedOnce({ ...common, replicas: [...replicas], seconds, warmup: 3, runId: `${runId}-2` }),
      );
    }
    if (want('soak')) {
      log(`soak: 2 replicas, ${shoppers} shoppers, ${soakSeconds} s`);
      out.soak = await runMixedOnce({
        ...common,
        replicas: [...replicas],
        seconds: soakSeconds,
        warmup: 3,
        runId: `${runId}-soak`,
        sampleMemory: true,
      });
    }
    for (const x of [...out.runs, ...(out.soak ? [out.soak] : [])]) {
      log(
        `  ${x.replicas} replica(s), ${x.seconds} s: ${x.stepsPerSecond.toFixed(0)} steps/s, ${x.ordersPerSecond.toFixed(1)} orders/s, ` +
          `${x.errors} errors, API CPU per order ${x.apiCpuPerOrderMs.toFixed(0)} ms, load ${x.load}`,
      );
    }
    for (const r of replicas.splice(0)) await stop(r.child);
    if (profile) {
      const { readdirSync } = await import('node:fs');
      const files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
      if (files.length) out.profile = { ...profileTop(resolve(profileDir, files[0]), 10), file: files[0] };
    }
    results.mixed = out;
    if (out.runs.length) writeSection(settings.resultsFile, 'mixed', mixedSection({ ...out, soak: undefined }));
    if (out.soak) writeSection(settings.resultsFile, 'soak', soakSection(out));
  } finally {
    for (const r of replicas) await stop(r.child);
  }
}

/** Replaces (or appends) the block between `<!-- bench:NAME -->` markers in the results file. */
function writeSection(file, name, text) {
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const block = `${begin}\n${text}\n${end}`;
  const at = current.indexOf(begin);
  const next =
    at >= 0
      ? current.slice(0, at) + block + current.slice(current.indexOf(end) + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
