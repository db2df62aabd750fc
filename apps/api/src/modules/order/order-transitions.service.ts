import { Injectable, Logger } from '@nestjs/common';
import { OrderStatus } from '@sutwxapp/contracts';
import { In, type EntityManager } from 'typeorm';
import { DomainEvents } from '../../common/domain-events';
import { Errors } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { metrics } from '../../observability/metrics';
import { InventoryService } from '../catalog/inventory.service';
import { OrderEntity } from './entities/order.entity';
import { OrderItemEntity } from './entities/order-item.entity';
import { OrderHooks } from './order-hooks';
import type { OrderPatch, OrderRecord, TransitionContext } from './order-record';
import { illegalTransition, ORDER_TRANSITIONS, type OrderTransition, type TransitionEffects } from './order-state';

type OrderFacts = Pick<OrderRecord, 'userId' | 'orderNo' | 'payableAmount'> & { shippedAt?: Date | null };

/**
 * Applies a transition of the order process (order-state.ts) on the caller's transaction: one
 * conditional UPDATE, then the listeners (@OnOrderTransition) and the declared effects. Returns
 * false when the order was not in a `from` state (someone else moved it first) and then does
 * nothing else; `require` turns that into 409 ILLEGAL_ORDER_STATE for the caller.
 */
@Injectable()
export class OrderTransitionsService {
  private readonly logger = new Logger(OrderTransitionsService.name);

  constructor(
    private readonly hooks: OrderHooks,
    private readonly tx: TransactionService,
    private readonly inventory: InventoryService,
    private readonly events: DomainEvents,
  ) {}

  async transition(
    em: EntityManager,
    orderId: number,
    transition: OrderTransition,
    patch: OrderPatch = {},
    context: TransitionContext = {},
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
    await this.runEffects(em, orderId, transition, patch, context);
    return true;
  }

  async require(
    em: EntityManager,
    orderId: number,
    transition: OrderTransition,
    patch: OrderPatch = {},
    context: TransitionContext = {},
  ): Promise<void> {
    if (await this.transition(em, orderId, transition, patch, context)) return;
    const current = await em.findOne(OrderEntity, { where: { id: orderId }, select: { id: true, status: true } });
    if (!current) throw Errors.ORDER_NOT_FOUND();
    throw illegalTransition(current.status, transition);
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

  private async runEffects(
    em: EntityManager,
    orderId: number,
    transition: OrderTransition,
    patch: OrderPatch,
    context: TransitionContext,
  ): Promise<void> {
    const effects: { to: OrderStatus } & TransitionEffects = ORDER_TRANSITIONS[transition];
    if (!effects.stock && !effects.sales && !effects.event) return;
    // shipped_at decides a refund's stock, so it is read in the transaction, never taken from the caller
    const order: OrderFacts =
      context.order && effects.stock !== 'releaseUnlessShipped'
        ? context.order
        : await em.findOneByOrFail(OrderEntity, { id: orderId });
    let productIds: number[] = [];
    if (effects.stock || effects.sales === 'uncount') {
      const lines = await em.find(OrderItemEntity, { where: { orderId } });
      productIds = [...new Set(lines.map((l) => l.productId))];
      if (effects.stock === 'release' || (effects.stock === 'releaseUnlessShipped' && !order.shippedAt)) {
        await this.inventory.release(em, await this.hooks.lessRestocked(em, orderId, lines));
      }
      // counted as sold when the order was paid; refunded goods are not sold
      if (effects.sales === 'uncount') await this.inventory.removeSalesOfOrder(em, orderId);
    }
    if (effects.sales === 'count') {
      await this.tx.afterCommit(em, () =>
        this.inventory.addSalesOfOrder(this.tx.manager, orderId).catch((err: Error) => {
          // the payment is committed: the caller answers as accepted, the miss stays in the log
          this.logger.warn(`sales figure of order ${order.orderNo} not counted: ${err.message}`);
        }),
      );
    }
    const base = { orderId, userId: order.userId, orderNo: order.orderNo };
    const reason = context.reason ?? patch.cancelReason ?? transition;
    await this.tx.afterCommit(em, () => {
      switch (effects.event) {
        case 'order_paid':
          metrics.ordersPaid.inc();
          this.events.publish('order_paid', { ...base, payableAmount: order.payableAmount });
          break;
        case 'order_cancelled':
          metrics.ordersCancelled.inc({ reason });
          this.events.publish('order_cancelled', { ...base, reason });
          break;
        case 'order_shipped': {
          const carrierCode = patch.carrierCode ?? '';
          const trackingNo = patch.trackingNo ?? '';
          this.events.publish('order_shipped', {
            ...base,
            carrierCode,
            trackingNo,
            parcels: context.parcels ?? [{ carrierCode, trackingNo, items: null }],
          });
          break;
        }
        case 'order_completed':
          this.events.publish('order_completed', { ...base, reason });
          this.logger.debug(`order ${order.orderNo} completed (${reason})`);
          break;
      }
      // the products whose stock or sales changed show it at once (catalog cache)
      if (productIds.length) this.events.publish('stock_released', { productIds });
    });
  }
}
