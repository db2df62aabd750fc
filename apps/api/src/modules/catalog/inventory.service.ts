import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import { ProductEntity } from './entities/product.entity';
import { SkuEntity } from './entities/sku.entity';

export interface SkuForSale {
  sku: SkuEntity;
  product: ProductEntity;
}

export interface StockLine {
  skuId: number;
  quantity: number;
}

/**
 * Stock as other features see it (orders, cart). Every change is one conditional statement,
 * run on the caller's transaction manager so reservation and order commit or roll back together.
 */
@Injectable()
export class InventoryService {
  /**
   * Live SKUs (not deleted) with their live products, keyed by SKU id, in one statement (a join;
   * every order and checkout preview runs it); missing ids are simply absent.
   */
  async findForSale(em: EntityManager, skuIds: number[]): Promise<Map<number, SkuForSale>> {
    const result = new Map<number, SkuForSale>();
    if (skuIds.length === 0) return result;
    const skus = await em
      .createQueryBuilder(SkuEntity, 'sku')
      .innerJoinAndMapOne(
        'sku.product',
        ProductEntity,
        'product',
        'product.id = sku.productId AND product.deletedAt IS NULL',
      )
      .where('sku.id IN (:...ids) AND sku.deletedAt IS NULL', { ids: [...new Set(skuIds)] })
      .getMany();
    for (const sku of skus as Array<SkuEntity & { product: ProductEntity }>)
      result.set(sku.id, { sku, product: sku.product });
    return result;
  }

  /**
   * Reserves stock: `UPDATE skus SET stock = stock - q WHERE id = ? AND stock >= q`, rows checked.
   * Lines are taken in SKU id order so concurrent orders lock rows in the same order (no deadlock
   * cycles on MySQL). The first short SKU aborts with OUT_OF_STOCK naming it; the caller's
   * transaction then rolls back every earlier reservation.
   */
  async reserve(em: EntityManager, lines: StockLine[], titles: Map<number, string> = new Map()): Promise<void> {
    for (const line of mergeLines(lines)) {
      const result = await em
        .createQueryBuilder()
        .update(SkuEntity)
        .set({ stock: () => `stock - ${line.quantity}` })
        .where('id = :id AND stock >= :q AND deleted_at IS NULL', { id: line.skuId, q: line.quantity })
        .execute();
      if (result.affected !== 1) {
        const title = titles.get(line.skuId);
        throw Errors.OUT_OF_STOCK(
          `${title ? `"${title}"` : `SKU ${line.skuId}`} does not have ${line.quantity} in stock`,
          { details: { skuId: line.skuId } },
        );
      }
    }
  }

  /** Gives reserved stock back (cancel, expiry, refund before shipping). */
  async release(em: EntityManager, lines: StockLine[]): Promise<void> {
    for (const line of mergeLines(lines)) {
      await em
        .createQueryBuilder()
        .update(SkuEntity)
        .set({ stock: () => `stock + ${line.quantity}` })
        .where('id = :id', { id: line.skuId })
        .execute();
    }
  }

  /**
   * A paid order counts towards its products' sales figures: one statement for all of the
   * order's products, summed from its items (no read of the items first). The payment ledger runs
   * it right after the payment commits, on its own: inside the payment transaction every payment
   * for a popular product queued on that product's row lock until the commit (bench/RESULTS.md).
   */
  async addSalesOfOrder(em: EntityManager, orderId: number): Promise<void> {
    const id = Number(orderId);
    if (!Number.isSafeInteger(id)) throw new Error(`invalid order id ${orderId}`);
    await em
      .createQueryBuilder()
      .update(ProductEntity)
      .set({
        sales: () =>
          `sales + (SELECT SUM(oi.quantity) FROM order_items oi WHERE oi.order_id = ${id} AND oi.product_id = products.id)`,
      })
      .where(`id IN (SELECT oi2.product_id FROM order_items oi2 WHERE oi2.order_id = ${id})`)
      .execute();
  }

  /**
   * The opposite of addSalesOfOrder, for a refunded order (inside the refund's transaction:
   * refunds are rare, the row lock is brief). Never below zero: an increment that was missed
   * (it runs after the payment commit) must not turn into a negative figure.
   */
  async removeSalesOfOrder(em: EntityManager, orderId: number): Promise<void> {
    const id = Number(orderId);
    if (!Number.isSafeInteger(id)) throw new Error(`invalid order id ${orderId}`);
    const sold = `(SELECT SUM(oi.quantity) FROM order_items oi WHERE oi.order_id = ${id} AND oi.product_id = products.id)`;
    await em
      .createQueryBuilder()
      .update(ProductEntity)
      .set({ sales: () => `CASE WHEN sales > ${sold} THEN sales - ${sold} ELSE 0 END` })
      .where(`id IN (SELECT oi2.product_id FROM order_items oi2 WHERE oi2.order_id = ${id})`)
      .execute();
  }
}

function mergeLines(lines: StockLine[]): StockLine[] {
  const merged = new Map<number, number>();
  for (const l of lines) {
    if (!Number.isInteger(l.quantity) || l.quantity <= 0) throw new Error(`invalid stock quantity ${l.quantity}`);
    merged.set(l.skuId, (merged.get(l.skuId) ?? 0) + l.quantity);
  }
  return [...merged.entries()].sort((a, b) => a[0] - b[0]).map(([skuId, quantity]) => ({ skuId, quantity }));
}
