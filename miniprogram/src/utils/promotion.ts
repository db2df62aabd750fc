import type { PointsReason } from '../contracts/promotion';

/** "有效期至 2026-12-31" (Beijing date). */
export function couponValidity(validTo: string): string {
  return `有效期至 ${new Date(Date.parse(validTo) + 8 * 3600_000).toISOString().slice(0, 10)}`;
}

export const POINTS_REASON_TEXT: Record<PointsReason, string> = {
  CHECKIN: '签到',
  EARN: '购物奖励',
  SPEND: '下单抵扣',
  RETURN: '退回',
  CLAWBACK: '退款扣回',
  EXPIRE: '过期',
};
