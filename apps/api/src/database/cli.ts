import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createMigration, generateMigration, printMigrations } from './migration-files';

/** `npm run migration:run` / `migration:revert` / `node dist/…/cli.js show`. */
async function main(command: string): Promise<void> {
  // `create` writes a file from a template and needs no database.
  if (command === 'create') return createMigration(process.argv[3]);
  const config = loadConfig();
  if (config.database.type === 'sqlite' && config.database.path !== ':memory:') {
    mkdirSync(dirname(config.database.path), { recursive: true });
  }
  const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
  try {
    if (command === 'run') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations');
    } else if (command === 'revert') {
      // undoLastMigration is silent when nothing is applied: say what actually happened.
      const before = await appliedMigrations(dataSource);
      await dataSource.undoLastMigration({ transaction: 'each' });
      const after = await appliedMigrations(dataSource);
      const reverted = before.filter((name) => !after.includes(name));
      console.log(reverted.length ? `Reverted: ${reverted.join(', ')}` : 'Nothing to revert: no migration is applied');
    } else if (command === 'generate') {
      await generateMigration(dataSource, config.database, process.argv[3]);
    } else if (command === 'show') {
      await printMigrations(dataSource);
      const pending = await dataSource.showMigrations();
      console.log(pending ? 'There are pending migrations' : 'Up to date');
      process.exitCode = pending ? 1 : 0;
    } else {
      throw new Error(`unknown command "${command}" (use run, revert, show, create <Name> or generate <Name>)`);
    }
  } finally {
    await dataSource.destroy();
  }
}

async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable(table))) return [];
  } finally {
    await runner.release();
  }
  const rows: Array<{ name: string }> = await dataSource.query(`SELECT name FROM ${table}`);
  return rows.map((r) => r.name);
}

main(process.argv[2] ?? 'run').catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
