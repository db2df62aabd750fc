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
  const raw = (await insertRows(em, target, values)) as { insertId?: number | bigint } | number | bigint;
  const id = typeof raw === 'object' && raw !== null ? raw.insertId : raw;
  if (id === undefined || id === null || Number(id) <= 0) {
    throw new Error(`INSERT into ${String(em.getRepository(target).metadata.tableName)} reported no generated id`);
  }
  return Number(id);
}

/** INSERT one or more rows in one statement, without the read-back; answers the driver's raw result. */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  values: QueryDeepPartialEntity<T> | QueryDeepPartialEntity<T>[],
): Promise<unknown> {
  const result = await em.createQueryBuilder().insert().into(target).values(values).updateEntity(false).execute();
  return result.raw;
}
