import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, type Order, OrderStatus } from '@sutwxapp/contracts';
import { AppError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/domain-events';
import { TransactionService } from '../../database/transaction.service';
import { metrics } from '../../observability/metrics';
import { InventoryService } from '../catalog/inventory.service';
import type { OrderEntity } from './entities/order.entity';
import { OrderQueryService } from './order-query.service';
import { OrderTransitionsService } from './order-transitions.service';

/**
 * Seam for the payment feature: before an unpaid order is cancelled, the payment provider's
 * order is closed. If the provider says it was paid meanwhile, the guard records the payment
 * (the order becomes PAID) and answers 'paid', and the cancellation does not happen.
 */
export interface OrderCancelGuard {
  beforeCancel(order: OrderEntity): Promise<'proceed' | 'paid'>;
}

@Injectable()
export class OrderLifecycleService {
  private readonly logger = new Logger(OrderLifecycleService.name);

  constructor(
    private readonly tx: TransactionService,
    private readonly transitions: OrderTransitionsService,
    private readonly inventory: InventoryService,
    private readonly query: OrderQueryService,
    private readonly events: DomainEvents,
  ) {}

  private cancelGuard: OrderCancelGuard | null = null;

  /** The payment feature registers itself here (it depends on orders, not the other way round). */
  registerCancelGuard(guard: OrderCancelGuard): void {
    this.cancelGuard = guard;
  }

  async cancelByShopper(userId: number, orderId: number): Promise<Order> {
    const order = await this.query.findOwnedEntity(userId, orderId);
    if (order.status !== OrderStatus.PENDING_PAYMENT) {
      throw new AppError(
        409,
        ErrorCode.ILLEGAL_ORDER_STATE,
        `Only unpaid orders can be cancelled; this one is ${order.status}`,
        undefined,
        {
          status: order.status,
        },
      );
    }
    const outcome = await this.cancel(order, 'shopper_cancelled');
    if (outcome === 'paid') {
      throw new AppError(
        409,
        ErrorCode.ILLEGAL_ORDER_STATE,
        'The order was paid in the meantime and can no longer be cancelled',
        undefined,
        {
          status: OrderStatus.PAID,
        },
      );
    }
    return this.query.getOwned(userId, orderId);
  }

  /**
   * PENDING_PAYMENT → CANCELLED and the stock goes back, in one transaction. The conditional
   * update makes cancel and expiry racing on one order release the stock exactly once.
   */
  async cancel(order: OrderEntity, reason: string): Promise<'cancelled' | 'paid' | 'already_moved'> {
    if (this.cancelGuard && (await this.cancelGuard.beforeCancel(order)) === 'paid') return 'paid';
    const cancelled = await this.tx.run(async (em) => {
      const now = new Date();
      if (!(await this.transitions.apply(em, order.id, 'cancel', { cancelledAt: now, cancelReason: reason })))
        return false;
      await this.inventory.release(em, await this.transitions.stockLines(em, order.id));
      return true;
    });
    if (!cancelled) return 'already_moved';
    metrics.ordersCancelled.inc({ reason });
    this.events.publish('order_cancelled', { orderId: order.id, userId: order.userId, orderNo: order.orderNo, reason });
    return 'cancelled';
  }

  async confirmReceipt(userId: number, orderId: number): Promise<Order> {
    const order = await this.query.findOwnedEntity(userId, orderId);
    await this.complete(order, 'shopper_confirmed', true);
    return this.query.getOwned(userId, orderId);
  }

  /** SHIPPED → COMPLETED; `strict` turns a lost race into 409 for a shopper's explicit request. */
  async complete(order: OrderEntity, reason: string, strict = false): Promise<boolean> {
    const done = await this.tx.run(async (em) => {
      const patch = { completedAt: new Date() };
      if (strict) {
        await this.transitions.require(em, order.id, 'complete', patch);
        return true;
      }
      return this.transitions.apply(em, order.id, 'complete', patch);
    });
    if (done) {
      this.events.publish('order_completed', {
        orderId: order.id,
        userId: order.userId,
        orderNo: order.orderNo,
        reason,
      });
      this.logger.debug(`order ${order.orderNo} completed (${reason})`);
    }
    return done;
  }
}
