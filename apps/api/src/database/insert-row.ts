import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * INSERT one row and return its generated id, in one statement on both engines.
 *
 * `em.insert()` asks TypeORM to fill the entity's generated columns back in: on MySQL (no
 * RETURNING) that is a second statement, a SELECT of created_at/updated_at by id, even when
 * the caller passed both. On hot paths (an order, a payment notification) callers already know
 * every value they wrote, so the row id is all they need: MySQL reports it as `insertId`,
 * better-sqlite3 as `lastInsertRowid`.
 */
export async function insertRow<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<number> {
  const result = await em.createQueryBuilder().insert().into(target).values(values).updateEntity(false).execute();
  const raw = result.raw as { insertId?: number | bigint } | number | bigint;
  const id = typeof raw === 'object' && raw !== null ? raw.insertId : raw;
  if (id === undefined || id === null || Number(id) <= 0) {
    throw new Error(`INSERT into ${String(em.getRepository(target).metadata.tableName)} reported no generated id`);
  }
  return Number(id);
}
