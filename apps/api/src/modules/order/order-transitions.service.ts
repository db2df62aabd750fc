import { Injectable } from '@nestjs/common';
import { ErrorCode, OrderStatus } from '@sutwxapp/contracts';
import { In, type EntityManager } from 'typeorm';
import { notFound } from '../../common/errors/app-error';
import { OrderEntity } from './entities/order.entity';
import { OrderItemEntity } from './entities/order-item.entity';
import { OrderHooks } from './order-hooks';
import { illegalTransition, ORDER_TRANSITIONS, type OrderTransition } from './order-state';

/**
 * Applies a transition from the state table as one conditional UPDATE on the caller's
 * transaction. Returns false when the order was not in a `from` state (someone else moved it
 * first); `require` turns that into 409 ILLEGAL_ORDER_STATE for the caller.
 */
@Injectable()
export class OrderTransitionsService {
  constructor(private readonly hooks: OrderHooks) {}

  async apply(
    em: EntityManager,
    orderId: number,
    transition: OrderTransition,
    patch: Partial<OrderEntity> = {},
  ): Promise<boolean> {
    const { from, to } = ORDER_TRANSITIONS[transition];
    const result = await em
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ ...patch, status: to, updatedAt: new Date() })
      .where({ id: orderId, status: In([...from]) })
      .execute();
    if (result.affected !== 1) return false;
    await this.hooks.afterTransition(em, { orderId, transition, to });
    return true;
  }

  /**
   * Takes the order row's write lock for the rest of the caller's transaction while it is still
   * PENDING_PAYMENT (a conditional touch of updated_at). Prepay and cancel both start with it, so
   * on MariaDB they queue on the order row and never interleave; SQLite runs one writer anyway.
   */
  async lockIfPending(em: EntityManager, orderId: number): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ updatedAt: new Date() })
      .where({ id: orderId, status: OrderStatus.PENDING_PAYMENT })
      .execute();
    return result.affected === 1;
  }

  async require(
    em: EntityManager,
    orderId: number,
    transition: OrderTransition,
    patch: Partial<OrderEntity> = {},
  ): Promise<void> {
    if (await this.apply(em, orderId, transition, patch)) return;
    const current = await em.findOne(OrderEntity, { where: { id: orderId }, select: { id: true, status: true } });
    if (!current) throw notFound(ErrorCode.ORDER_NOT_FOUND, 'Order');
    throw illegalTransition(current.status, transition);
  }

  async stockLines(
    em: EntityManager,
    orderId: number,
  ): Promise<Array<{ skuId: number; productId: number; quantity: number }>> {
    const items = await em.find(OrderItemEntity, { where: { orderId } });
    return items.map((i) => ({ skuId: i.skuId, productId: i.productId, quantity: i.quantity }));
  }
}

export const isStatus = (s: string): s is OrderStatus => (Object.values(OrderStatus) as string[]).includes(s);
