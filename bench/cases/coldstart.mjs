// Case 6 (and the idle half of 7): from `node …` to the first 200 on /api/v1/health on the
// production path — NODE_ENV=production, MariaDB + Redis, migrations already applied, no
// sandbox (real-looking credentials that are never used while booting) — against bare Node.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { spawnNode, stop, waitFor200 } from '../lib/procs.mjs';
import { freePort, log, median, rssMb, sleep } from '../lib/util.mjs';

/** Credentials of the right shape for WECHAT_SANDBOX=false; nothing calls WeChat during boot. */
export function productionEnv({ databaseUrl, redisUrl, redisPrefix, port }) {
  const pem = () =>
    generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
  const merchant = pem();
  const platform = pem();
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_BASE_URL: 'https://shop.example.invalid',
    WECHAT_SANDBOX: 'false',
    WECHAT_APP_ID: 'wx0123456789abcdef',
    WECHAT_APP_SECRET: randomBytes(16).toString('hex'),
    WECHAT_PAY_MCH_ID: '1900000109',
    WECHAT_PAY_MERCHANT_SERIAL_NO: randomBytes(20).toString('hex').toUpperCase(),
    WECHAT_PAY_PRIVATE_KEY: merchant.privateKey,
    WECHAT_PAY_API_V3_KEY: randomBytes(16).toString('hex'),
    WECHAT_PAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232134912410000000000000',
    WECHAT_PAY_PUBLIC_KEY: platform.publicKey,
    KUAIDI100_CUSTOMER: 'BENCHCUSTOMER',
    KUAIDI100_KEY: randomBytes(8).toString('hex'),
    MIGRATE_ON_START: 'false',
    SEED_DEMO: 'false',
  };
}

async function coldStart(script, { args = [], env = {}, path, logFile }) {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = spawnNode(script, {
    args: args.map((a) => (a === '$PORT' ? String(port) : a)),
    env: { ...env, PORT: String(port) },
    logFile,
  });
  const ms = await waitFor200(`http://127.0.0.1:${port}${path}`, { child, since: t0, everyMs: 2, timeoutMs: 30_000 });
  const rssAtReady = rssMb(child.pid);
  await sleep(1500);
  const rssIdle = rssMb(child.pid);
  const s0 = process.hrtime.bigint();
  await stop(child);
  return { ms, rssAtReady, rssIdle, stopMs: Number(process.hrtime.bigint() - s0) / 1e6, exitCode: child.exitCode };
}

export async function runColdStart({ runs, baseEnv, bodiesFile, logFile, dist }) {
  const api = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {
    // interleaved too: bare, api, bare, api…
    bare.push(
      await coldStart(resolve('bench/servers/baseline-node.mjs'), { args: ['$PORT', bodiesFile], path: '/health' }),
    );
    api.push(await coldStart(`${dist}/apps/api/src/main.js`, { env: baseEnv, path: '/api/v1/health', logFile }));
    log(
      `  cold start ${i + 1}: bare ${bare[i].ms.toFixed(0)} ms, API ${api[i].ms.toFixed(0)} ms (RSS idle ${api[i].rssIdle.toFixed(0)} MB, stop ${api[i].stopMs.toFixed(0)} ms, exit ${api[i].exitCode})`,
    );
  }
  return {
    runs,
    apiMs: median(api.map((r) => r.ms)),
    apiMin: Math.min(...api.map((r) => r.ms)),
    apiMax: Math.max(...api.map((r) => r.ms)),
    bareMs: median(bare.map((r) => r.ms)),
    apiRssIdle: median(api.map((r) => r.rssIdle)),
    apiRssAtReady: median(api.map((r) => r.rssAtReady)),
    bareRssIdle: median(bare.map((r) => r.rssIdle)),
    apiStopMs: median(api.map((r) => r.stopMs)),
    apiExitCodes: api.map((r) => r.exitCode),
    all: { api, bare },
  };
}
