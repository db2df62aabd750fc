import type { Fen, IsoDateTime, Page, PageQuery } from './common';

// ---- coupons ---------------------------------------------------------------------------------

/** THRESHOLD: 满 thresholdFen 减 amountFen; PERCENT: percentOff % off, at most maxDiscountFen; NO_THRESHOLD: amountFen off */
export type CouponKind = 'THRESHOLD' | 'PERCENT' | 'NO_THRESHOLD';
export type CouponScope = 'ALL' | 'CATEGORIES' | 'PRODUCTS';
export type UserCouponStatus = 'AVAILABLE' | 'LOCKED' | 'USED' | 'EXPIRED';

export interface CouponTemplateInput {
  /** @maxLength 64 */
  name: string;
  kind: CouponKind;
  /** goods amount (fen) the order's in-scope goods must reach; THRESHOLD only */
  thresholdFen?: Fen;
  /** fen taken off (THRESHOLD, NO_THRESHOLD) */
  amountFen?: Fen;
  /** PERCENT: 1..99 percent off */
  percentOff?: number;
  /** PERCENT: the largest discount (fen); 0 = no cap */
  maxDiscountFen?: Fen;
  scope?: CouponScope;
  /** category ids (CATEGORIES) or product ids (PRODUCTS) */
  scopeIds?: number[];
  /** fixed validity window… */
  validFrom?: IsoDateTime | null;
  validTo?: IsoDateTime | null;
  /** …or valid this many days from the claim */
  validDays?: number | null;
  totalQuantity: number;
  perUserLimit?: number;
  issuing?: boolean;
}

/**
 * PATCH /admin/coupons/:id: only the fields given change. Name, quantity, per-shopper limit and
 * issuing (start/stop) change at any time; the discount rules, scope and validity only while no
 * coupon of the template has been claimed (409 COUPON_TEMPLATE_IN_USE after that: shoppers hold
 * coupons on the old terms).
 */
export interface CouponTemplateUpdate extends Partial<CouponTemplateInput> {
  issuing?: boolean;
  totalQuantity?: number;
}

/** A template as operators see it: the template and its usage. */
export interface AdminCouponTemplate extends CouponTemplate {
  /** coupons used by a paid order (claimed = claimedCount) */
  usedCount: number;
  /** coupons held by an unpaid order right now */
  lockedCount: number;
  createdAt: IsoDateTime;
}

export type AdminCouponTemplatePage = Page<AdminCouponTemplate>;

/** GET /admin/coupons */
export interface AdminCouponListQuery extends PageQuery {
  /** only templates being issued (true) or stopped (false) */
  issuing?: boolean;
}

export interface CouponTemplate {
  id: number;
  name: string;
  kind: CouponKind;
  thresholdFen: Fen;
  amountFen: Fen;
  percentOff: number;
  maxDiscountFen: Fen;
  scope: CouponScope;
  scopeIds: number[];
  validFrom: IsoDateTime | null;
  validTo: IsoDateTime | null;
  validDays: number | null;
  totalQuantity: number;
  claimedCount: number;
  perUserLimit: number;
  issuing: boolean;
  /** a short Chinese label, e.g. "满199减30" */
  label: string;
}

/** A coupon-centre card: the template and what this shopper may still do with it. */
export interface CouponOffer extends CouponTemplate {
  /** how many of it the shopper holds (any status) */
  claimedByMe: number;
  /** false when sold out, stopped, or the shopper reached the limit */
  claimable: boolean;
}

export interface CouponOfferList {
  items: CouponOffer[];
}

export interface CouponOfferQuery {
  /** only coupons usable on this product (product detail's 领券) */
  productId?: number;
}

export interface UserCoupon {
  id: number;
  templateId: number;
  name: string;
  label: string;
  kind: CouponKind;
  thresholdFen: Fen;
  amountFen: Fen;
  percentOff: number;
  maxDiscountFen: Fen;
  status: UserCouponStatus;
  validFrom: IsoDateTime;
  validTo: IsoDateTime;
  orderId: number | null;
}

export interface UserCouponList {
  items: UserCoupon[];
}

export interface UserCouponQuery {
  /** usable = AVAILABLE and not expired; used = USED (and LOCKED by an unpaid order); expired */
  status?: 'usable' | 'used' | 'expired';
}

/** A coupon at checkout: usable with its discount, or not with the reason. */
export interface CheckoutCoupon {
  userCouponId: number;
  name: string;
  label: string;
  validTo: IsoDateTime;
  /** fen this coupon takes off this order (0 when unusable) */
  discount: Fen;
  usable: boolean;
  /** why it can't be used, in Chinese (null when usable) */
  reason: string | null;
}

export interface CheckoutPoints {
  balance: number;
  /** points used by this preview */
  used: number;
  /** the most points this order accepts (cap and balance) */
  max: number;
  /** fen one point is worth */
  fenPerPoint: number;
  /** fen taken off by the points used */
  discount: Fen;
}

// ---- points and check-in ---------------------------------------------------------------------

export type PointsReason = 'CHECKIN' | 'EARN' | 'SPEND' | 'RETURN' | 'CLAWBACK' | 'EXPIRE';

export interface PointsEntry {
  id: number;
  delta: number;
  reason: PointsReason;
  orderId: number | null;
  expiresAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

export interface PointsSummary {
  balance: number;
  /** fen one point is worth at checkout */
  fenPerPoint: number;
  /** share of the goods amount points may pay, in percent */
  maxSharePercent: number;
  entries: PointsEntry[];
}

export interface CheckinStatus {
  checkedInToday: boolean;
  /** consecutive days including today (if checked in) */
  streak: number;
  /** points per streak day: index 0 = day 1; the last value repeats */
  rewards: number[];
  /** what checking in today gives (0 once checked in) */
  nextReward: number;
  balance: number;
}

export interface CheckinResult {
  streak: number;
  points: number;
  balance: number;
}
