/*
 * The money arithmetic of promotions, in integer fen, with no I/O (unit-tested beside it).
 */

export interface CouponRule {
  kind: 'THRESHOLD' | 'PERCENT' | 'NO_THRESHOLD';
  thresholdFen: number;
  amountFen: number;
  percentOff: number;
  maxDiscountFen: number;
}

/** What a coupon takes off goods worth `eligibleFen`; 0 when the threshold is not reached. */
export function couponDiscount(rule: CouponRule, eligibleFen: number): number {
  if (eligibleFen <= 0) return 0;
  let off: number;
  if (rule.kind === 'PERCENT') {
    off = Math.floor((eligibleFen * rule.percentOff) / 100);
    if (rule.maxDiscountFen > 0) off = Math.min(off, rule.maxDiscountFen);
  } else {
    if (rule.kind === 'THRESHOLD' && eligibleFen < rule.thresholdFen) return 0;
    off = rule.amountFen;
  }
  // a coupon never makes goods free: at least 1 fen stays to pay
  return Math.max(0, Math.min(off, eligibleFen - 1));
}

/** 满199减30 / 8.5折 / 无门槛减5: the label a card shows. */
export function couponLabel(rule: CouponRule): string {
  const yuan = (fen: number) => String(fen / 100).replace(/\.0+$/, '');
  if (rule.kind === 'THRESHOLD') return `满${yuan(rule.thresholdFen)}减${yuan(rule.amountFen)}`;
  if (rule.kind === 'NO_THRESHOLD') return `无门槛减${yuan(rule.amountFen)}`;
  const zhe = String((100 - rule.percentOff) / 10).replace(/\.0$/, '');
  return rule.maxDiscountFen > 0 ? `${zhe}折 最高减${yuan(rule.maxDiscountFen)}` : `${zhe}折`;
}

/**
 * Splits `total` over `weights` in proportion, in whole fen, by largest remainder: the parts
 * sum to `total` exactly and none exceeds its weight when total ≤ Σ weights. Ties go to the
 * earlier line, so the split is deterministic.
 */
export function splitByWeight(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts;
}

/** The most points an order accepts: a share of the goods after the coupon, and the balance. */
export function maxPoints(
  goodsAfterCoupon: number,
  balance: number,
  fenPerPoint: number,
  maxSharePercent: number,
): number {
  // at least 1 fen stays to pay, as WeChat Pay cannot charge 0
  const capFen = Math.min(Math.floor((goodsAfterCoupon * maxSharePercent) / 100), goodsAfterCoupon - 1);
  return Math.max(0, Math.min(balance, Math.floor(capFen / fenPerPoint)));
}

/**
 * The part of a line's money that `quantity` of its `lineQuantity` pieces carries. The last
 * pieces refunded take what is left, so refunding a line piece by piece gives back exactly the
 * line's amount: share = floor(amount × (already + quantity) / lineQuantity) − floor(amount × already / lineQuantity).
 */
export function pieceShare(amount: number, lineQuantity: number, already: number, quantity: number): number {
  const upTo = (n: number) => Math.floor((amount * n) / lineQuantity);
  return upTo(Math.min(lineQuantity, already + quantity)) - upTo(already);
}

/** Beijing calendar day of an instant, YYYY-MM-DD. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Points for day `streak` of a streak: the table's entry, its last one repeating. */
export function checkinReward(rewards: number[], streak: number): number {
  if (rewards.length === 0) return 0;
  return rewards[Math.min(streak, rewards.length) - 1];
}
