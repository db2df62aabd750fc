import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, type Order, OrderStatus } from '@sutwxapp/contracts';
import { AppError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/domain-events';
import { TransactionService } from '../../database/transaction.service';
import { metrics } from '../../observability/metrics';
import { InventoryService } from '../catalog/inventory.service';
import type { EntityManager } from 'typeorm';
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
  /**
   * Inside the cancel transaction, with the order row locked: is a provider order still open
   * (a prepay started after beforeCancel looked)? Then the cancel must close it first.
   */
  hasOpenPayment(em: EntityManager, orderId: number): Promise<boolean>;
}

/** How often a cancel re-closes a prepay that started while it was closing the previous one. */
const CANCEL_ATTEMPTS = 3;

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
   *
   * Cancel and prepay exclude each other on the order row: the provider's order is closed first
   * (outside any transaction: it is an HTTP call), then the transaction locks the order row and
   * cancels only if no prepay opened since. A prepay that did slip in is closed on the next
   * attempt; one that starts after the cancel commits finds the order CANCELLED and closes its
   * own provider order (PaymentService.requestPayment).
   */
  async cancel(order: OrderEntity, reason: string): Promise<'cancelled' | 'paid' | 'already_moved'> {
    for (let attempt = 1; attempt <= CANCEL_ATTEMPTS; attempt++) {
      if (this.cancelGuard && (await this.cancelGuard.beforeCancel(order)) === 'paid') return 'paid';
      const outcome = await this.tx.run(async (em) => {
        if (!(await this.transitions.lockIfPending(em, order.id))) return 'already_moved' as const;
        if (this.cancelGuard && (await this.cancelGuard.hasOpenPayment(em, order.id))) return 'retry' as const;
        const now = new Date();
        if (!(await this.transitions.apply(em, order.id, 'cancel', { cancelledAt: now, cancelReason: reason })))
          return 'already_moved' as const;
        await this.inventory.release(em, await this.transitions.stockLines(em, order.id));
        return 'cancelled' as const;
      });
      if (outcome === 'retry') continue;
      if (outcome === 'already_moved') return outcome;
      metrics.ordersCancelled.inc({ reason });
      this.events.publish('order_cancelled', {
        orderId: order.id,
        userId: order.userId,
        orderNo: order.orderNo,
        reason,
      });
      void this.stockReleased(order.id);
      return 'cancelled';
    }
    throw new AppError(
      409,
      ErrorCode.ORDER_PAYMENT_IN_PROGRESS,
      'A payment for this order is being started right now; please try again in a moment',
    );
  }

  /** After the commit: the products whose stock went back show it at once (catalog cache). */
  private async stockReleased(orderId: number): Promise<void> {
    const lines = await this.transitions.stockLines(this.tx.manager, orderId);
    this.events.publish('stock_released', { productIds: [...new Set(lines.map((l) => l.productId))] });
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
