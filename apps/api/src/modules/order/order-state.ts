import { OrderStatus } from '@sutwxapp/contracts';
import { AppError, Errors } from '../../common/errors/app-error';

/**
 * What a transition does besides moving the status, interpreted by OrderTransitionsService:
 * - `stock`: the order's reserved units go back to their SKUs inside the transition's
 *   transaction (`unlessShipped`: only if the parcel never left), the only place stock is
 *   released;
 * - `sales`: the products' "已售" figure, `count` right after the commit (inside, every payment
 *   of a popular product would queue on its row lock), `uncount` inside the transaction;
 * - `event`: published to after-commit subscribers once the transaction commits.
 * Whenever stock or sales change inside the transaction, `stock_released` follows the commit so
 * the products' pages show it.
 */
export interface TransitionEffects {
  stock?: 'release' | 'releaseUnlessShipped';
  sales?: 'count' | 'uncount';
  event?: 'order_paid' | 'order_cancelled' | 'order_shipped' | 'order_completed';
}

/**
 * The order process, the only place it is written down. Every database update that moves an
 * order is conditional on one of these `from` states (`… WHERE id = ? AND status IN (from)`),
 * so duplicates, retries, sweepers on several replicas and racing shoppers can never apply a
 * transition twice or skip one; its effects therefore run exactly once too.
 */
export const ORDER_TRANSITIONS = {
  pay: { from: [OrderStatus.PENDING_PAYMENT], to: OrderStatus.PAID, sales: 'count', event: 'order_paid' },
  cancel: {
    from: [OrderStatus.PENDING_PAYMENT],
    to: OrderStatus.CANCELLED,
    stock: 'release',
    event: 'order_cancelled',
  },
  ship: { from: [OrderStatus.PAID], to: OrderStatus.SHIPPED, event: 'order_shipped' },
  complete: { from: [OrderStatus.SHIPPED], to: OrderStatus.COMPLETED, event: 'order_completed' },
  // refund_requested names the refund (amount, reason): the refund service publishes it
  requestRefund: { from: [OrderStatus.PAID, OrderStatus.SHIPPED], to: OrderStatus.REFUNDING },
  refunded: {
    from: [OrderStatus.REFUNDING],
    to: OrderStatus.REFUNDED,
    stock: 'releaseUnlessShipped',
    sales: 'uncount',
  },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus } & TransitionEffects>;

export type OrderTransition = keyof typeof ORDER_TRANSITIONS;

/** Every legal (from → to) pair, derived from the table. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return Object.values(ORDER_TRANSITIONS).some((t) => t.to === to && (t.from as readonly OrderStatus[]).includes(from));
}

export function illegalTransition(current: OrderStatus, transition: OrderTransition): AppError {
  const t = ORDER_TRANSITIONS[transition];
  return Errors.ILLEGAL_ORDER_STATE(`Order is ${current}; it can't become ${t.to} (only from ${t.from.join(' or ')})`, {
    details: { status: current },
  });
}
