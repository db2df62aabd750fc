// Issue 17: usage from the repository root: node bench/catalog-ab.mjs old=/path/to/old/dist new=dist (each dist built with npm run build:api).
// A/B of CPU per answer on the cached catalog reads between several builds, all alive at once,
// measured in interleaved rounds (arm order rotated each round). Each arm: own database + redis prefix.
// usage: node ab.mjs name=distDir [name=distDir ...]   env: ROUNDS, DURATION, CASES
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import Redis from 'ioredis';
import { Loader } from './lib/loader-client.mjs';
import { spawnNode, stop, waitFor200 } from './lib/procs.mjs';
import { apiClient, dropDatabase, recreateDatabase } from './lib/shop.mjs';
import { cpuSeconds, freePort, log, median, sleep } from './lib/util.mjs';

mkdirSync(resolve('bench/.tmp/ab'), { recursive: true });
const mysqlUrl = 'mysql://root@127.0.0.1:3306';
const rounds = Number(process.env.ROUNDS ?? 6);
const duration = Number(process.env.DURATION ?? 4);
const connections = 64;
const arms = process.argv.slice(2).map((a) => {
  const [name, dist] = a.split('=');
  return { name, dist: resolve(dist) };
});
const cases = (process.env.CASES ?? 'home,list,detail').split(',');
const jwtSecret = randomBytes(32).toString('hex');
const nodeArgs = (process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean);

const loader = new Loader();
const children = [];
try {
  for (const arm of arms) {
    arm.db = `sut_i17_ab_${arm.name}`;
    arm.prefix = `i17ab:${arm.name}:`;
    await recreateDatabase(mysqlUrl, arm.db);
    const port = await freePort();
    arm.url = `http://127.0.0.1:${port}`;
    arm.proc = spawnNode(`${arm.dist}/apps/api/src/main.js`, {
      nodeArgs: nodeArgs.map((s) => s.replace('{arm}', arm.name)),
      logFile: process.env.API_LOG ? `${process.env.API_LOG}.${arm.name}` : '/dev/null',
      env: {
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        WECHAT_SANDBOX: 'true',
        DATABASE_URL: `${mysqlUrl}/${arm.db}`,
        REDIS_URL: 'redis://127.0.0.1:6379',
        REDIS_KEY_PREFIX: arm.prefix,
        SEED_DEMO: 'true',
        ADMIN_USERNAME: 'bench-admin',
        ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
        JWT_SECRET: jwtSecret,
        DATA_DIR: resolve(`bench/.tmp/ab/data-${arm.name}`),
        PORT: String(port),
        HOST: '127.0.0.1',
      },
    });
    children.push(arm.proc);
    await waitFor200(`${arm.url}/api/v1/health`, { child: arm.proc, everyMs: 100, timeoutMs: 120_000 });
    const http = apiClient(arm.url);
    const page = (await http.get('/api/v1/catalog/products?page=1&pageSize=20')).json();
    arm.detailPaths = page.items.map((p) => `/api/v1/catalog/products/${p.id}`);
    arm.bytes = {
      home: (await http.get('/api/v1/catalog/home')).bytes.length,
      list: (await http.get('/api/v1/catalog/products?page=1&pageSize=20')).bytes.length,
      detail: (await http.get(arm.detailPaths[0])).bytes.length,
    };
    log(`${arm.name}: ${arm.dist} up, ${arm.detailPaths.length} detail ids, bytes ${JSON.stringify(arm.bytes)}`);
  }
  await sleep(2000);
  const idle0 = arms.map((a) => cpuSeconds(a.proc.pid));
  await sleep(10_000);
  log(
    'idle CPU over 10 s: ' +
      arms
        .map(
          (a, i) =>
            `${a.name} ${((cpuSeconds(a.proc.pid) - idle0[i]) * 100).toFixed(0)} ms/s… ${(cpuSeconds(a.proc.pid) - idle0[i]).toFixed(2)} s`,
        )
        .join(' | '),
  );
  const job = (arm, c) =>
    c === 'home'
      ? { url: arm.url + '/api/v1/catalog/home' }
      : c === 'list'
        ? { url: arm.url + '/api/v1/catalog/products?page=1&pageSize=20' }
        : { url: arm.url, plan: 'paths', data: { paths: arm.detailPaths } };
  const out = {};
  for (const c of cases) {
    for (const arm of arms) await loader.run({ ...job(arm, c), connections, duration: 3 }, arm.proc.pid);
    out[c] = Object.fromEntries(arms.map((a) => [a.name, []]));
    for (let r = 0; r < rounds; r++) {
      const order = arms.map((_, i) => arms[(i + r) % arms.length]);
      const line = [];
      for (const arm of order) {
        const got = await loader.run({ ...job(arm, c), connections, duration }, arm.proc.pid);
        const us = (1e6 * got.serverCpu) / got.rps;
        out[c][arm.name].push({ us, rps: got.rps });
        line.push(`${arm.name} ${us.toFixed(1)}µs ${got.rps.toFixed(0)}/s`);
      }
      log(`${c} r${r + 1}: ${line.join(' | ')}  load ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
    }
    log(
      `${c} MEDIAN: ` +
        arms.map((a) => `${a.name} ${median(out[c][a.name].map((x) => x.us)).toFixed(1)}µs`).join(' | '),
    );
  }
  writeFileSync(resolve(`bench/.tmp/ab/out-${Date.now()}.json`), JSON.stringify(out, null, 1));
} finally {
  for (const c of children) await stop(c);
  loader.close();
  const redis = new Redis('redis://127.0.0.1:6379');
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
