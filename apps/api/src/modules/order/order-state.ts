import { ErrorCode, OrderStatus } from '@sutwxapp/contracts';
import { AppError } from '../../common/errors/app-error';

/**
 * The order lifecycle, the only place it is written down. Every database update that moves an
 * order is conditional on one of these `from` states (`… WHERE id = ? AND status IN (from)`),
 * so duplicates, retries, sweepers on several replicas and racing shoppers can never apply a
 * transition twice or skip one.
 */
export const ORDER_TRANSITIONS = {
  pay: { from: [OrderStatus.PENDING_PAYMENT], to: OrderStatus.PAID },
  cancel: { from: [OrderStatus.PENDING_PAYMENT], to: OrderStatus.CANCELLED },
  ship: { from: [OrderStatus.PAID], to: OrderStatus.SHIPPED },
  complete: { from: [OrderStatus.SHIPPED], to: OrderStatus.COMPLETED },
  requestRefund: { from: [OrderStatus.PAID, OrderStatus.SHIPPED], to: OrderStatus.REFUNDING },
  refunded: { from: [OrderStatus.REFUNDING], to: OrderStatus.REFUNDED },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus }>;

export type OrderTransition = keyof typeof ORDER_TRANSITIONS;

/** Every legal (from → to) pair, derived from the table. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return Object.values(ORDER_TRANSITIONS).some((t) => t.to === to && (t.from as readonly OrderStatus[]).includes(from));
}

export function illegalTransition(current: OrderStatus, transition: OrderTransition): AppError {
  const t = ORDER_TRANSITIONS[transition];
  return new AppError(
    409,
    ErrorCode.ILLEGAL_ORDER_STATE,
    `Order is ${current}; it can't become ${t.to} (only from ${t.from.join(' or ')})`,
    undefined,
    { status: current },
  );
}
