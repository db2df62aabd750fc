import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/**
 * One place that turns DATABASE_URL into TypeORM options, for the app and the migration CLI.
 * poolSize comes from the typed config (DB_POOL_SIZE); the CLIs keep the default.
 */
export function dataSourceOptions(db: DatabaseConfig, poolSize = 20): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
  } as const;
  if (db.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.path,
      enableWAL: db.path !== ':memory:',
      timeout: 5000,
      prepareDatabase: (conn: { pragma(s: string): unknown }) => {
        conn.pragma('foreign_keys = ON');
        conn.pragma('synchronous = NORMAL');
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    host: db.host,
    port: db.port,
    username: db.username,
    password: db.password,
    database: db.database,
    // utf8mb4 end to end: emoji nicknames and any Chinese text survive.
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    connectTimeout: 3000,
    extra: {
      connectionLimit: poolSize,
      // Fail fast while the database is away instead of queueing requests forever.
      queueLimit: 200,
      enableKeepAlive: true,
      waitForConnections: true,
      maxIdle: 10,
      idleTimeout: 60_000,
      // mysql2 captures a stack trace before every query (to attach it to a failure): 3-4 % of
      // the CPU of a payment notification. TypeORM's QueryFailedError carries the statement.
      trace: false,
    },
  };
}
