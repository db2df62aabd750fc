import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';

/**
 * On MariaDB all test files share one database: apply migrations once here, before any app
 * boots, so parallel boots never race on DDL. SQLite tests each get a fresh file instead.
 */
export default async function globalSetup(): Promise<void> {
  // Where each test app records the routes it answered with a success (global-teardown.ts).
  process.env.OPENAPI_COVERAGE_DIR ??= mkdtempSync(join(tmpdir(), 'sutwxapp-openapi-coverage-'));
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith('mysql')) return;
  const problems: string[] = [];
  const db = parseDatabaseUrl(url, problems);
  if (problems.length) throw new Error(problems.join('\n'));
  const dataSource = await new DataSource(dataSourceOptions(db)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
