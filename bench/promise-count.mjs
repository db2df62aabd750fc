// Issue 17: usage from the repository root: node bench/promise-count.mjs old=/path/to/old/dist new=dist
// boots each arm with the counting preload, then N sequential requests per case; prints promises per request
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import Redis from 'ioredis';
import { spawnNode, stop, waitFor200 } from './lib/procs.mjs';
import { apiClient, dropDatabase, recreateDatabase } from './lib/shop.mjs';
import { freePort, sleep } from './lib/util.mjs';
mkdirSync(resolve('bench/.tmp/ab'), { recursive: true });
const mysqlUrl = 'mysql://root@127.0.0.1:3306';
const N = 500;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const get = (url) =>
  new Promise((res, rej) =>
    http
      .get(url, { agent }, (r) => {
        r.resume();
        r.on('end', () => res(r.statusCode));
      })
      .on('error', rej),
  );
for (const a of process.argv.slice(2)) {
  const [name, dist] = a.split('=');
  const db = `sut_i17_cnt_${name}`,
    prefix = `i17cnt:${name}:`,
    file = resolve(`bench/.tmp/ab/cnt-${name}.txt`);
  rmSync(file, { force: true });
  await recreateDatabase(mysqlUrl, db);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawnNode(`${resolve(dist)}/apps/api/src/main.js`, {
    nodeArgs: ['-r', resolve('bench/lib/count-promises.cjs')],
    env: {
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      WECHAT_SANDBOX: 'true',
      DATABASE_URL: `${mysqlUrl}/${db}`,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: prefix,
      SEED_DEMO: 'true',
      ADMIN_USERNAME: 'bench-admin',
      ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: resolve(`bench/.tmp/ab/data-cnt-${name}`),
      PORT: String(port),
      HOST: '127.0.0.1',
      PROMISE_COUNT_FILE: file,
    },
  });
  try {
    await waitFor200(`${url}/api/v1/health`, { child: proc, everyMs: 200, timeoutMs: 120_000 });
    const page = (await apiClient(url).get('/api/v1/catalog/products?page=1&pageSize=20')).json();
    const cases = {
      home: ['/api/v1/catalog/home'],
      list: ['/api/v1/catalog/products?page=1&pageSize=20'],
      detail: page.items.slice(0, 10).map((p) => `/api/v1/catalog/products/${p.id}`),
    };
    const out = [];
    for (const [c, paths] of Object.entries(cases)) {
      for (let i = 0; i < 50; i++) await get(url + paths[i % paths.length]);
      const read = async () => {
        process.kill(proc.pid, 'SIGUSR2');
        await sleep(300);
        const l = readFileSync(file, 'utf8').trim().split('\n');
        return Number(l[l.length - 1]);
      };
      const before = await read();
      for (let i = 0; i < N; i++) await get(url + paths[i % paths.length]);
      const after = await read();
      out.push(`${c} ${((after - before) / N).toFixed(1)}`);
    }
    console.log(`${name}: promises per request ${out.join(', ')}`);
  } finally {
    await stop(proc);
    await dropDatabase(mysqlUrl, db);
    const redis = new Redis('redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}
agent.destroy();
