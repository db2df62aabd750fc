// Databases and caches for the scenarios. The machine's shared MariaDB and Redis are only used
// through a database / key prefix of our own and are never stopped; outages are staged on a
// throwaway mariadbd / redis-server started here as children.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { URL } from 'node:url';
import { freePort, requireFromRoot, waitFor } from './common.mjs';
import { startChild, stopChild, which } from './procs.mjs';

const mysql = requireFromRoot('mysql2/promise');
const Redis = requireFromRoot('ioredis');

/** Where the shared MariaDB is: RESILIENCE_MYSQL_URL, DATABASE_URL_CI, a mysql DATABASE_URL, or root@127.0.0.1. */
export function sharedMysqlServerUrl() {
  const candidates = [process.env.RESILIENCE_MYSQL_URL, process.env.DATABASE_URL_CI, process.env.DATABASE_URL];
  const found = candidates.find((u) => u && u.startsWith('mysql'));
  const url = new URL(found ?? 'mysql://root@127.0.0.1:3306/');
  url.pathname = '/';
  return url;
}

export function withDatabase(serverUrl, database) {
  const url = new URL(serverUrl.toString());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function mysqlConnect(url, database) {
  const u = new URL(url.toString());
  return mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
    database: database ?? (u.pathname.replace(/^\//, '') || undefined),
    multipleStatements: false,
    connectTimeout: 5000,
    supportBigNumbers: true,
  });
}

/**
 * A database of our own on the shared server (utf8mb4); `drop()` removes it. Its name carries the
 * scenario and our pid so parallel runs and CI never collide.
 */
export async function createScratchDatabase(scenario) {
  const server = sharedMysqlServerUrl();
  const name = `sutwxapp_res_${scenario.replace(/\W/g, '_')}_${process.pid}`;
  const admin = await mysqlConnect(server);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = withDatabase(server, name);
  return {
    name,
    url,
    connect: () => mysqlConnect(server, name),
    async drop() {
      const c = await mysqlConnect(server);
      try {
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await c.end();
      }
    },
  };
}

/** Drops scratch databases left by runs that were killed before they could clean up. */
export async function dropStaleScratchDatabases() {
  let admin;
  try {
    admin = await mysqlConnect(sharedMysqlServerUrl());
  } catch {
    return []; // no shared MariaDB here: the scenarios that need it will say so
  }
  const dropped = [];
  try {
    const [rows] = await admin.query("SHOW DATABASES LIKE 'sutwxapp\\_res\\_%'");
    for (const row of rows) {
      const name = Object.values(row)[0];
      const pid = Number(/_(\d+)$/.exec(name)?.[1]);
      if (!pid || pid === process.pid || isAlive(pid)) continue;
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      dropped.push(name);
    }
  } finally {
    await admin.end();
  }
  return dropped;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A private mariadbd on a random loopback port (unless `wantedPort` is given) with its own datadir (kept across restarts, so a
 * restart brings the same data back). Grant tables are skipped: loopback only, a throwaway.
 */
export async function startOwnMariadb(dir, wantedPort) {
  const port = wantedPort ?? (await freePort());
  const bin = which('mariadbd') ?? which('mysqld');
  const install = which('mariadb-install-db') ?? which('mysql_install_db');
  if (!bin || !install) throw new Error('mariadbd / mariadb-install-db not found (apt-get install mariadb-server)');
  const datadir = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const res = spawnSync(
    install,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...(asRoot ? ['--user=root'] : []),
    ],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(`mariadb-install-db failed: ${res.stderr || res.stdout}`);
  const args = [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--socket=${join(dir, 'mysqld.sock')}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--pid-file=${join(dir, 'mysqld.pid')}`,
    `--log-error=${join(dir, 'mysqld.err')}`,
    '--skip-grant-tables',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=64M',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    ...(asRoot ? ['--user=root'] : []),
  ];
  const db = {
    dir,
    port,
    serverUrl: new URL(`mysql://root@127.0.0.1:${port}/`),
    proc: null,
    async start() {
      db.proc = startChild(`mariadbd-${port}`, bin, args, { keepLines: false, logFile: join(dir, 'mariadbd.out') });
      await waitFor(
        `mariadbd on ${port}`,
        async () => {
          const c = await mysqlConnect(db.serverUrl);
          await c.end();
          return true;
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );
    },
    /** Hard stop (SIGKILL): connections drop, new ones are refused. */
    async kill() {
      await stopChild(db.proc, { signal: 'SIGKILL' });
    },
    async stop() {
      if (db.proc) await stopChild(db.proc, { signal: 'SIGTERM', timeoutMs: 20_000 });
    },
    pause() {
      process.kill(db.proc.child.pid, 'SIGSTOP');
    },
    resume() {
      process.kill(db.proc.child.pid, 'SIGCONT');
    },
  };
  await db.start();
  return db;
}

/**
 * A private redis-server child (no persistence) on a random loopback port unless `wantedPort` is
 * given; `kill()` then `start()` to stage an outage.
 */
export async function startOwnRedis(wantedPort) {
  const port = wantedPort ?? (await freePort());
  const bin = which('redis-server');
  if (!bin) throw new Error('redis-server not found (apt-get install redis-server)');
  const r = {
    port,
    url: `redis://127.0.0.1:${port}`,
    proc: null,
    async start() {
      r.proc = startChild(
        `redis-${port}`,
        bin,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
        { keepLines: false },
      );
      await waitFor(`redis on ${port}`, async () => {
        const c = r.client();
        try {
          return (await c.ping()) === 'PONG';
        } finally {
          c.disconnect();
        }
      });
    },
    async kill() {
      await stopChild(r.proc, { signal: 'SIGKILL' });
    },
    async stop() {
      if (r.proc) await stopChild(r.proc, { signal: 'SIGTERM' });
    },
    client() {
      const c = new Redis(r.url, { lazyConnect: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
      c.on('error', () => undefined); // a refused connect surfaces through the command's rejection
      return c;
    },
  };
  await r.start();
  return r;
}
