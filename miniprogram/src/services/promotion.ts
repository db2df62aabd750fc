import type {
  CheckinResult,
  CheckinStatus,
  CouponOfferList,
  PointsSummary,
  UserCoupon,
  UserCouponList,
  UserCouponQuery,
} from '../contracts/promotion';
import { api } from './request';

/** The coupon centre; with a product id, the coupons usable on that product (领券). */
export const listOffers = (productId?: number) =>
  api.get<CouponOfferList>('/coupons', { query: productId ? { productId } : {} });

export const claimCoupon = (templateId: number) =>
  api.post<UserCoupon>(`/coupons/${templateId}/claim`, {}, { loading: '领取中' });

export const myCoupons = (status: NonNullable<UserCouponQuery['status']>) =>
  api.get<UserCouponList>('/coupons/mine', { query: { status } });

export const getPoints = () => api.get<PointsSummary>('/points');

export const getCheckin = () => api.get<CheckinStatus>('/checkin');

export const checkIn = () => api.post<CheckinResult>('/checkin', {}, { loading: '签到中' });
