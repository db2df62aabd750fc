import type { OrderStatus } from '../contracts/order';
import { withQuery } from './query';

/** Every page path in one place, so a moved page breaks the typecheck, not a tap. */
export const routes = {
  home: '/pages/home/index',
  category: '/pages/category/index',
  cart: '/pages/cart/index',
  me: '/pages/me/index',
  productDetail: '/pages/product/detail/index',
  search: '/pages/product/search/index',
  checkout: '/pages/order/checkout/index',
  payResult: '/pages/order/pay-result/index',
  orderList: '/pages/order/list/index',
  orderDetail: '/pages/order/detail/index',
  logistics: '/pages/order/logistics/index',
  addressList: '/pages/address/list/index',
  addressEdit: '/pages/address/edit/index',
  coupons: '/pages/promotion/coupons/index',
  checkin: '/pages/promotion/checkin/index',
  aftersaleApply: '/pages/aftersale/apply/index',
  aftersaleList: '/pages/aftersale/list/index',
  reviews: '/pages/engagement/reviews/index',
  writeReview: '/pages/engagement/write-review/index',
  favourites: '/pages/engagement/favourites/index',
  history: '/pages/engagement/history/index',
} as const;

export const productPath = (id: number): string => withQuery(routes.productDetail, { id });
export const orderPath = (id: number): string => withQuery(routes.orderDetail, { id });
export const orderListPath = (status?: OrderStatus): string => withQuery(routes.orderList, { status });
export const logisticsPath = (orderId: number): string => withQuery(routes.logistics, { orderId });
export const reviewsPath = (productId: number): string => withQuery(routes.reviews, { productId });
/** The write-review page: every item still to review, or one order's, or a follow-up of one review. */
export const writeReviewPath = (q: { orderId?: number; orderItemId?: number } = {}): string =>
  withQuery(routes.writeReview, q);
export const payResultPath = (orderId: number): string => withQuery(routes.payResult, { orderId });

/** Checkout for the selected cart lines, or "buy now" for one SKU. */
export const checkoutPath = (buyNow?: { skuId: number; quantity: number }): string =>
  buyNow ? withQuery(routes.checkout, buyNow) : withQuery(routes.checkout, { from: 'cart' });

/** Small hand-offs between pages that WeChat gives no other channel for (switchTab takes no query). */
export const HANDOFF = {
  /** category id the category tab should open on */
  category: 'sut.handoff.category',
  /** address picked on the address list for the checkout page */
  checkoutAddress: 'sut.handoff.checkoutAddress',
} as const;

/** Reads and forgets a hand-off value. */
export function takeHandoff(key: string): unknown {
  const value: unknown = wx.getStorageSync(key);
  if (value !== '') wx.removeStorageSync(key);
  return value === '' ? null : value;
}
