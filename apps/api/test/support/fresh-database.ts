import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from '../../src/config/app-config';
import { usingMysql } from './test-app';

/**
 * A database of the test's own: undefined (startTestApp makes a new SQLite file), or on MariaDB
 * a new schema, dropped by `drop()`. For tests that break the schema on purpose.
 */
export async function freshDatabase(prefix: string): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  if (!usingMysql) return { url: undefined, drop: async () => undefined };
  const db = parseDatabaseUrl(process.env.DATABASE_URL as string, []);
  if (db.type !== 'mysql') throw new Error('expected a MySQL DATABASE_URL');
  const name = `${prefix}_${randomUUID().slice(0, 8)}`;
  const connect = () => createConnection({ host: db.host, port: db.port, user: db.username, password: db.password });
  const conn = await connect();
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(db.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await connect();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
