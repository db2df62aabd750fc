import { Table, type QueryRunner, type TableColumnOptions } from 'typeorm';

/*
 * Migrations are written with the QueryRunner/Table API (never generated SQL) so the same set
 * runs on SQLite and MySQL/MariaDB.
 */

export const isMysql = (qr: QueryRunner): boolean => qr.connection.options.type === 'mysql';

export const idColumn = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});

export const fkColumn = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
});

export const str = (name: string, length: number, nullable = false, def?: string): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  ...(def !== undefined ? { default: `'${def}'` } : {}),
});

export const text = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

export const int = (name: string, def?: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(def !== undefined ? { default: def } : {}),
});

export const bool = (name: string, def: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: def ? 1 : 0,
});

/** Millisecond precision so ordering by time is stable and deadlines are exact. */
export const datetime = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});

/** The database fills in "now" itself, so inserts that leave the column out still work on MySQL (strict mode). */
export const nowDefault = (qr: QueryRunner): string =>
  isMysql(qr) ? 'CURRENT_TIMESTAMP(3)' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";

export const timestamps = (qr: QueryRunner): TableColumnOptions[] => [
  { ...datetime('created_at'), default: nowDefault(qr) },
  { ...datetime('updated_at'), default: nowDefault(qr) },
];

/** Creates a table; on MySQL it is forced to utf8mb4 whatever the database default is. */
export async function createTable(qr: QueryRunner, table: Table): Promise<void> {
  await qr.createTable(table, true, true, true);
  if (isMysql(qr)) {
    await qr.query(`ALTER TABLE \`${table.name}\` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
}
