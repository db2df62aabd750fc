import type { CheckoutCoupon, CheckoutPoints } from '@sutwxapp/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The seam between order creation and promotions (coupons, points). The order module prices the
 * goods and asks this port what comes off; the promotion module provides it (global), so the
 * order module never imports promotion code. Absent (a test module without promotions), orders
 * are priced without discounts.
 */
export interface CheckoutLineInput {
  skuId: number;
  productId: number;
  categoryId: number;
  quantity: number;
  /** unit price × quantity, fen */
  goodsFen: number;
}

export interface CheckoutChoice {
  /** a user coupon id; undefined = the best usable one (preview only), null = none */
  couponId?: number | null;
  points?: number;
}

export interface CheckoutQuote {
  selectedCouponId: number | null;
  couponFen: number;
  pointsUsed: number;
  pointsFen: number;
  /** per input line, in order: coupon and points share (fen), summing to couponFen / pointsFen */
  lineCouponFen: number[];
  linePointsFen: number[];
  linePointsUsed: number[];
  coupons: CheckoutCoupon[];
  points: CheckoutPoints;
}

export interface CheckoutAdjustmentsPort {
  /** Prices the choice. `strict` (placing the order) refuses an unusable coupon or too many points. */
  quote(
    em: EntityManager,
    userId: number,
    lines: CheckoutLineInput[],
    choice: CheckoutChoice,
    strict: boolean,
  ): Promise<CheckoutQuote>;
  /** In the order's transaction: locks the coupon, debits the points, records each line's share. */
  commit(
    em: EntityManager,
    userId: number,
    orderId: number,
    lines: CheckoutLineInput[],
    quote: CheckoutQuote,
  ): Promise<void>;
}

export const CHECKOUT_ADJUSTMENTS = Symbol('CHECKOUT_ADJUSTMENTS');
