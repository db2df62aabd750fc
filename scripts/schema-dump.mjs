#!/usr/bin/env node
// Dumps what the entities say about the schema, as JSON, so a refactor of the entities can be
// proved not to change it: dump before and after and diff.
//   npm run build:api && node scripts/schema-dump.mjs > before.json
// DATABASE_URL picks the engine (default: an in-memory SQLite). Besides the TypeORM metadata of
// every entity (columns, indices, uniques, relations, foreign keys), the dump holds the SQL that
// would make a freshly migrated database match the entities; on MySQL/MariaDB that empties and
// migrates the named database, so point it at a scratch one.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const src = join(root, 'dist/apps/api/src');
require('reflect-metadata');
const { DataSource, getMetadataArgsStorage } = require('typeorm');
const { parseDatabaseUrl } = require(join(src, 'config/app-config.js'));
const { dataSourceOptions } = require(join(src, 'database/data-source-options.js'));

// Every compiled module file that declares an entity (not only *.entity.js: outbox-row.js is one).
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return name.endsWith('.js') && !name.endsWith('.spec.js') ? [path] : [];
  });
}
for (const file of walk(join(src, 'modules'))) {
  if (readFileSync(file, 'utf8').includes('Entity)(')) require(file);
}
const entities = [...new Set(getMetadataArgsStorage().tables.map((t) => t.target))].filter(
  (t) => typeof t === 'function',
);

const problems = [];
const db = parseDatabaseUrl(process.env.DATABASE_URL || 'sqlite::memory:', problems);
if (problems.length) throw new Error(problems.join('\n'));

// Plain values only: names of functions, no back references into the metadata graph.
function plain(obj) {
  const out = {};
  for (const [key, value] of Object.entries(obj).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) out[key] = value ?? null;
    else if (typeof value === 'function') out[key] = `fn:${value.name}`;
    else if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) out[key] = value;
    else if (key === 'transformer') out[key] = value ? 'transformer' : null;
  }
  return out;
}
const names = (cols) => cols.map((c) => c.databaseName);

const ds = new DataSource({ ...dataSourceOptions(db, 2), entities });
await ds.initialize();
try {
  if (db.type === 'mysql') await ds.dropDatabase();
  await ds.runMigrations({ transaction: 'each' });
  const sql = await ds.driver.createSchemaBuilder().log();
  const metadata = ds.entityMetadatas
    .map((m) => ({
      entity: m.name,
      table: m.tableName,
      columns: m.columns.map((c) => ({ ...plain(c), generationStrategy: c.generationStrategy ?? null })),
      primary: names(m.primaryColumns),
      indices: m.indices.map((i) => ({ ...plain(i), columns: names(i.columns) })),
      uniques: m.uniques.map((u) => ({ ...plain(u), columns: names(u.columns) })),
      checks: m.checks.map(plain),
      relations: m.relations.map(plain),
      foreignKeys: m.foreignKeys.map((f) => ({ ...plain(f), columns: names(f.columns) })),
    }))
    .sort((a, b) => a.table.localeCompare(b.table));
  const pending = (qs) => qs.map((q) => q.query);
  console.log(
    JSON.stringify({ engine: db.type, metadata, entitiesVsMigrations: { up: pending(sql.upQueries) } }, null, 2),
  );
} finally {
  await ds.destroy();
}
