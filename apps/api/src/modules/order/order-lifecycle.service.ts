import { Injectable } from '@nestjs/common';
import { type Order, OrderStatus } from '@sutwxapp/contracts';
import { Errors } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { OrderHooks, type OrderCancelGuard } from './order-hooks';
import { OrderQueryService } from './order-query.service';
import type { OrderRecord } from './order-record';
import { OrderTransitionsService } from './order-transitions.service';

/** How often a cancel re-closes a prepay that started while it was closing the previous one. */
const CANCEL_ATTEMPTS = 3;

@Injectable()
export class OrderLifecycleService {
  constructor(
    private readonly tx: TransactionService,
    private readonly transitions: OrderTransitionsService,
    private readonly query: OrderQueryService,
    private readonly hooks: OrderHooks,
  ) {}

  async cancelByShopper(userId: number, orderId: number): Promise<Order> {
    const order = await this.query.findOwnedEntity(userId, orderId);
    if (order.status !== OrderStatus.PENDING_PAYMENT) {
      throw Errors.ILLEGAL_ORDER_STATE(`Only unpaid orders can be cancelled; this one is ${order.status}`, {
        details: { status: order.status },
      });
    }
    const outcome = await this.cancel(order, 'shopper_cancelled');
    if (outcome === 'paid') {
      throw Errors.ILLEGAL_ORDER_STATE('The order was paid in the meantime and can no longer be cancelled', {
        details: { status: OrderStatus.PAID },
      });
    }
    return this.query.getOwned(userId, orderId);
  }

  /**
   * PENDING_PAYMENT → CANCELLED; the transition's effects put the stock back in the same
   * transaction. The conditional update makes cancel and expiry racing on one order release the
   * stock exactly once.
   *
   * Cancel and prepay exclude each other on the order row: the provider's order is closed first
   * (outside any transaction: it is an HTTP call) by the cancel guards (@CancelGuard providers,
   * the payment feature), then the transaction locks the order row and cancels only if no prepay
   * opened since. A prepay that did slip in is closed on the next attempt; one that starts after
   * the cancel commits finds the order CANCELLED and closes its own provider order
   * (PaymentService.requestPayment).
   */
  async cancel(order: OrderRecord, reason: string): Promise<'cancelled' | 'paid' | 'already_moved'> {
    const guards = this.hooks.cancelGuards;
    for (let attempt = 1; attempt <= CANCEL_ATTEMPTS; attempt++) {
      if (await this.anyPaid(guards, order)) return 'paid';
      const outcome = await this.tx.run(async (em) => {
        if (!(await this.transitions.lockIfPending(em, order.id))) return 'already_moved' as const;
        for (const guard of guards) if (await guard.hasOpenPayment(em, order.id)) return 'retry' as const;
        const patch = { cancelledAt: new Date(), cancelReason: reason };
        if (!(await this.transitions.transition(em, order.id, 'cancel', patch, { reason, order })))
          return 'already_moved' as const;
        return 'cancelled' as const;
      });
      if (outcome === 'retry') continue;
      return outcome;
    }
    throw Errors.ORDER_PAYMENT_IN_PROGRESS(
      'A payment for this order is being started right now; please try again in a moment',
    );
  }

  private async anyPaid(guards: OrderCancelGuard[], order: OrderRecord): Promise<boolean> {
    for (const guard of guards) if ((await guard.beforeCancel(order)) === 'paid') return true;
    return false;
  }

  async confirmReceipt(userId: number, orderId: number): Promise<Order> {
    const order = await this.query.findOwnedEntity(userId, orderId);
    await this.complete(order, 'shopper_confirmed', true);
    return this.query.getOwned(userId, orderId);
  }

  /** SHIPPED → COMPLETED; `strict` turns a lost race into 409 for a shopper's explicit request. */
  async complete(order: OrderRecord, reason: string, strict = false): Promise<boolean> {
    return this.tx.run(async (em) => {
      const patch = { completedAt: new Date() };
      const context = { reason, order };
      if (!strict) return this.transitions.transition(em, order.id, 'complete', patch, context);
      await this.transitions.require(em, order.id, 'complete', patch, context);
      return true;
    });
  }
}
