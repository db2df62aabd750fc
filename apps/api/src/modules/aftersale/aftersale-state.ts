import { type AfterSaleOrderLabel, AfterSaleStatus } from '@sutwxapp/contracts';
import { AppError, Errors } from '../../common/errors/app-error';

const S = AfterSaleStatus;

/**
 * The after-sale lifecycle, the only place it is written down (like order-state.ts). Every update
 * that moves a request is conditional on a `from` state, so the operator, the shopper and the
 * timeout sweeper on any replica can never apply a transition twice.
 */
export const AFTERSALE_TRANSITIONS = {
  approve: { from: [S.REQUESTED], to: S.APPROVED },
  reject: { from: [S.REQUESTED], to: S.REJECTED },
  shipReturn: { from: [S.APPROVED], to: S.RETURN_SHIPPED },
  receiveReturn: { from: [S.RETURN_SHIPPED], to: S.RETURN_RECEIVED },
  /** refund-only requests right after approval; returns once the parcel is received */
  startRefund: { from: [S.APPROVED, S.RETURN_RECEIVED], to: S.REFUNDING },
  refunded: { from: [S.REFUNDING], to: S.REFUNDED },
  cancel: { from: [S.REQUESTED, S.APPROVED], to: S.CANCELLED },
  /** an approved return that was not shipped back in time */
  close: { from: [S.APPROVED], to: S.CLOSED },
} as const satisfies Record<string, { from: readonly AfterSaleStatus[]; to: AfterSaleStatus }>;

export type AfterSaleTransition = keyof typeof AFTERSALE_TRANSITIONS;

/** States in which a request still holds its line (one open request per line). */
export const OPEN_STATES: readonly AfterSaleStatus[] = [
  S.REQUESTED,
  S.APPROVED,
  S.RETURN_SHIPPED,
  S.RETURN_RECEIVED,
  S.REFUNDING,
];

export function canAfterSaleTransition(from: AfterSaleStatus, to: AfterSaleStatus): boolean {
  return Object.values(AFTERSALE_TRANSITIONS).some(
    (t) => t.to === to && (t.from as readonly AfterSaleStatus[]).includes(from),
  );
}

export function illegalAfterSaleTransition(current: AfterSaleStatus, transition: AfterSaleTransition): AppError {
  const t = AFTERSALE_TRANSITIONS[transition];
  return Errors.ILLEGAL_AFTERSALE_STATE(
    `The after-sale request is ${current}; it can't become ${t.to} (only from ${t.from.join(' or ')})`,
    { details: { status: current } },
  );
}

/**
 * The order list's badge: any open request → 售后中; else any refunded → 已退款; else the newest
 * rejected or closed → 售后关闭; a withdrawn (CANCELLED) request alone shows nothing.
 */
export function afterSaleOrderLabel(
  openCount: number,
  refundedCount: number,
  latestStatus: AfterSaleStatus | null,
): AfterSaleOrderLabel | null {
  if (openCount > 0) return '售后中';
  if (refundedCount > 0) return '已退款';
  if (latestStatus === S.REJECTED || latestStatus === S.CLOSED) return '售后关闭';
  return null;
}
