import type { EntityManager } from 'typeorm';

/**
 * Serialises one shopper's writes that check a per-shopper limit (cart lines, addresses, unpaid
 * orders): the shopper's users row is locked for the rest of the caller's transaction, so two
 * requests can't both count "19 of 20" and both insert. On MySQL/MariaDB this is
 * SELECT … FOR UPDATE; SQLite has one writer and TransactionService queues transactions, so
 * there it is a no-op. Call it first in the transaction (one lock order: owner, then rows).
 */
export async function lockOwner(em: EntityManager, userId: number): Promise<void> {
  if (em.connection.options.type !== 'mysql') return;
  await em.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [userId]);
}
