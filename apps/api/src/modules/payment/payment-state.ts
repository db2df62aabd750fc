import { In, type EntityManager } from 'typeorm';
import type { StateTransition } from '../../common/state-table';
import { PaymentEntity, type PaymentStatus } from './entities/payment.entity';
import { RefundEntity, type RefundRowStatus } from './entities/refund.entity';

/**
 * The payment row's lifecycle (one row per order). Like the order's, every change is a
 * conditional update on the `from` states, so notifications, pay/sync, the reconciler and a
 * racing cancel can never apply one twice.
 */
export const PAYMENT_TRANSITIONS = {
  // WeChat says paid: also from CLOSED, a payment that slipped past a cancel (refunded automatically)
  succeed: { from: ['PENDING', 'CLOSED'], to: 'SUCCESS' },
  // the WeChat order was closed before the order was cancelled
  close: { from: ['PENDING'], to: 'CLOSED' },
  // closing after a lost prepay/cancel race failed: open again so the reconciler closes it
  reopen: { from: ['PENDING', 'CLOSED'], to: 'PENDING' },
} as const satisfies Record<string, StateTransition<PaymentStatus>>;
export type PaymentTransition = keyof typeof PAYMENT_TRANSITIONS;

/** A refund row's lifecycle; SUCCESS, ABNORMAL and CLOSED are WeChat's final answers. */
export const REFUND_TRANSITIONS = {
  submitted: { from: ['SUBMITTING'], to: 'PROCESSING' },
  succeed: { from: ['SUBMITTING', 'PROCESSING'], to: 'SUCCESS' },
  abnormal: { from: ['SUBMITTING', 'PROCESSING'], to: 'ABNORMAL' },
  close: { from: ['SUBMITTING', 'PROCESSING'], to: 'CLOSED' },
} as const satisfies Record<string, StateTransition<RefundRowStatus>>;
export type RefundTransition = keyof typeof REFUND_TRANSITIONS;

/** WeChat's refund status → our transition; PROCESSING (and anything unknown) moves nothing. */
export function refundTransitionFor(wechatStatus: string): RefundTransition | null {
  switch (wechatStatus) {
    case 'SUCCESS':
      return 'succeed';
    case 'ABNORMAL':
      return 'abnormal';
    case 'CLOSED':
      return 'close';
    default:
      return null;
  }
}

/** Applies a payment transition to the rows matching `where`; true when a row moved. */
export async function transitionPayment(
  em: EntityManager,
  where: { id?: number; orderId?: number },
  name: PaymentTransition,
  patch: Partial<Omit<PaymentEntity, 'status'>> = {},
): Promise<boolean> {
  const { from, to } = PAYMENT_TRANSITIONS[name];
  const result = await em.update(PaymentEntity, { ...where, status: In([...from]) }, { ...patch, status: to });
  return (result.affected ?? 0) > 0;
}

/** Applies a refund transition to one refund row; true when it moved. */
export async function transitionRefund(
  em: EntityManager,
  id: number,
  name: RefundTransition,
  patch: Partial<Omit<RefundEntity, 'status'>> = {},
): Promise<boolean> {
  const { from, to } = REFUND_TRANSITIONS[name];
  const result = await em.update(RefundEntity, { id, status: In([...from]) }, { ...patch, status: to });
  return (result.affected ?? 0) > 0;
}
