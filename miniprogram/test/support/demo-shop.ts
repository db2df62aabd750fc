import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from '../../../apps/api/src/config/app-config';
import { startTestApp, usingMysql, type TestApp } from '../../../apps/api/test/support/test-app';

/**
 * The real API with the demo catalog the shop ships (banners, category icons, 60 products with
 * multi-axis SKUs), for pages that should look like the shop a developer opens in DevTools.
 * The demo seeds only an empty database, so on MariaDB it gets a schema of its own (dropped on
 * close); on SQLite every test app has a fresh file anyway.
 */
export async function startDemoShop(env: Record<string, string> = {}): Promise<TestApp> {
  return startOwnShop({ SEED_DEMO: 'true', ...env });
}

/**
 * An API on a database of its own: a fresh SQLite file, or on MariaDB (where test files share a
 * database) a schema made for it and dropped on close. For pages that must see exactly this
 * shop's catalog, e.g. the empty shop's empty states.
 */
export async function startOwnShop(env: Record<string, string> = {}): Promise<TestApp> {
  if (!usingMysql) return startTestApp(env);
  const db = parseDatabaseUrl(process.env.DATABASE_URL as string, []);
  if (db.type !== 'mysql') throw new Error('expected a MySQL DATABASE_URL');
  const name = `sutwxapp_mp_${randomUUID().slice(0, 8)}`;
  const admin = () => createConnection({ host: db.host, port: db.port, user: db.username, password: db.password });
  const conn = await admin();
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(db.url);
  url.pathname = `/${name}`;
  const t = await startTestApp({ ...env, DATABASE_URL: url.toString() });
  return {
    ...t,
    close: async () => {
      await t.close();
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
