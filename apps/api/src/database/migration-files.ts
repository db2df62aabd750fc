import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** Migrations live in the source tree; the CLI runs from dist/ with the repository as cwd. */
const MIGRATIONS_DIR = resolve('apps/api/src/database/migrations');

function names(raw: string | undefined): { className: string; file: string; timestamp: number } {
  if (!raw || !/^[A-Za-z][A-Za-z0-9]*$/.test(raw)) {
    throw new Error('give the migration a PascalCase name: npm run migration:create -- AddCoupons');
  }
  const timestamp = Date.now();
  const kebab = raw.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return { className: `${raw[0].toUpperCase()}${raw.slice(1)}${timestamp}`, file: `${timestamp}-${kebab}`, timestamp };
}

/** Appends the class to migrations/index.ts (import + MIGRATIONS entry), the only list that is run. */
function register(className: string, file: string): void {
  const indexPath = join(MIGRATIONS_DIR, 'index.ts');
  const index = readFileSync(indexPath, 'utf8');
  const withImport = index.replace(/(\nimport [^\n]+\n)(?!import )/, `$1import { ${className} } from './${file}';\n`);
  const withEntry = withImport.replace(/\n\];\s*$/, `\n  ${className},\n];\n`);
  if (withEntry === withImport) throw new Error(`could not append ${className} to ${indexPath}`);
  writeFileSync(indexPath, withEntry);
}

/** `npm run migration:create -- Name`: an empty migration written with the QueryRunner/Table API. */
export function createMigration(raw: string | undefined): void {
  const { className, file } = names(raw);
  const path = join(MIGRATIONS_DIR, `${file}.ts`);
  writeFileSync(
    path,
    `import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTable } from './helpers';

/** What this migration changes, and why. Runs on SQLite and MariaDB/MySQL alike: use the Table API. */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(qr: QueryRunner): Promise<void> {
    // e.g. await createTable(qr, new Table({ name: 'coupons', columns: [ ... ] }));
    void qr;
    void Table;
    void createTable;
  }

  async down(qr: QueryRunner): Promise<void> {
    // e.g. await qr.dropTable('coupons');
    void qr;
  }
}
`,
  );
  register(className, file);
  console.log(`Created ${path} and appended ${className} to migrations/index.ts`);
}

/**
 * `npm run migration:generate -- Name`: the SQL that makes the database named by DATABASE_URL
 * match the entities, as a migration. The SQL is that engine's dialect (backticks and ENGINE
 * on MySQL, SQLite's table rebuilds on SQLite): rewrite it with the Table API before committing,
 * so the one migration set keeps running on both (docs/development.md).
 */
export async function generateMigration(
  current: DataSource,
  db: DatabaseConfig,
  raw: string | undefined,
): Promise<void> {
  const { className, file } = names(raw);
  const pending = await current.showMigrations();
  if (pending)
    throw new Error('run the pending migrations first (npm run migration:run): the diff is against the database');
  const withEntities = await new DataSource({
    ...dataSourceOptions(db),
    entities: [join(__dirname, '../modules/**/*.entity.js')],
  }).initialize();
  try {
    const sql = await withEntities.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('The database already matches the entities: nothing to generate');
      return;
    }
    const line = (q: { query: string; parameters?: unknown[] }): string =>
      `    await qr.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
    const path = join(MIGRATIONS_DIR, `${file}.ts`);
    writeFileSync(
      path,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GENERATED against ${db.type === 'sqlite' ? 'SQLite' : 'MySQL/MariaDB'} by migration:generate. This SQL is that engine's
 * dialect only: rewrite it with the QueryRunner/Table API (see the other migrations) before
 * committing, so it also runs on the other engine.
 */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(qr: QueryRunner): Promise<void> {
${sql.upQueries.map(line).join('\n')}
  }

  async down(qr: QueryRunner): Promise<void> {
${[...sql.downQueries].reverse().map(line).join('\n')}
  }
}
`,
    );
    register(className, file);
    console.log(
      `Generated ${path} (${sql.upQueries.length} statements) and appended ${className} to migrations/index.ts`,
    );
  } finally {
    await withEntities.destroy();
  }
}

/** `npm run migration:show`: each known migration, applied or pending. */
export async function printMigrations(dataSource: DataSource): Promise<void> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const runner = dataSource.createQueryRunner();
  try {
    const applied = (await runner.hasTable(table))
      ? new Set(((await runner.query(`SELECT name FROM ${table}`)) as Array<{ name: string }>).map((r) => r.name))
      : new Set<string>();
    for (const migration of dataSource.migrations) {
      const name = migration.name ?? migration.constructor.name;
      console.log(`${applied.has(name) ? '[X]' : '[ ]'} ${name}`);
    }
  } finally {
    await runner.release();
  }
}
