import type { Fen, IsoDateTime, Page, PageQuery } from './common';
import type { SpecValues } from './catalog';
import type { CheckoutCoupon, CheckoutPoints } from './promotion';

export const OrderStatus = {
  PENDING_PAYMENT: 'PENDING_PAYMENT',
  PAID: 'PAID',
  SHIPPED: 'SHIPPED',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
  REFUNDING: 'REFUNDING',
  REFUNDED: 'REFUNDED',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** Chinese labels for the mini-program's order tabs and detail page. */
export const ORDER_STATUS_TEXT: Record<OrderStatus, string> = {
  PENDING_PAYMENT: '待付款',
  PAID: '待发货',
  SHIPPED: '待收货',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
};

export interface OrderItemInput {
  skuId: number;
  quantity: number;
}

export interface CreateOrderRequest {
  /** explicit items ("buy now"); or omit and set fromCart */
  items?: OrderItemInput[];
  /** order the selected cart items */
  fromCart?: boolean;
  addressId: number;
  remark?: string;
  /** one of the shopper's usable coupons (GET /coupons/mine); omitted = no coupon */
  couponId?: number;
  /** points to spend (worth fenPerPoint each, at most the cap); omitted = none */
  points?: number;
}

export interface OrderItem {
  skuId: number;
  productId: number;
  title: string;
  specs: SpecValues;
  image: string | null;
  unitPrice: Fen;
  quantity: number;
  subtotal: Fen;
}

export interface OrderAddress {
  receiverName: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}

/** Pieces of one order line in one parcel. */
export interface ParcelItem {
  skuId: number;
  quantity: number;
}

/** One parcel of an order's shipment. */
export interface Shipment {
  carrierCode: string;
  carrierName: string;
  trackingNo: string;
  shippedAt: IsoDateTime;
  /** which pieces went in this parcel, when the operator said so; null = not itemised */
  items: ParcelItem[] | null;
}

export interface Order {
  id: number;
  orderNo: string;
  status: OrderStatus;
  items: OrderItem[];
  goodsAmount: Fen;
  freightAmount: Fen;
  payableAmount: Fen;
  /** coupon and points taken off the goods (goods + freight − discount = payable) */
  discountAmount: Fen;
  address: OrderAddress;
  remark: string | null;
  createdAt: IsoDateTime;
  payDeadline: IsoDateTime;
  /** seconds left to pay while PENDING_PAYMENT, else 0 */
  secondsToPay: number;
  paidAt: IsoDateTime | null;
  /** the first (or only) parcel: the one tracked for the shopper */
  shipment: Shipment | null;
  /** every parcel, in the order they were entered (split shipping); empty before shipping */
  shipments: Shipment[];
  completedAt: IsoDateTime | null;
  cancelledAt: IsoDateTime | null;
  cancelReason: string | null;
}

export interface OrderListQuery extends PageQuery {
  status?: OrderStatus;
}

export type OrderPage = Page<Order>;

/**
 * GET /orders/summary: how many of the shopper's orders are in each state, for the badges on
 * the me page (one request instead of one list per tab).
 */
export interface OrderSummary {
  total: number;
  byStatus: Record<OrderStatus, number>;
}

/**
 * What an order would cost, before it is placed. The address is optional: a first-time buyer
 * sees the goods and the real total before adding one (freight does not depend on it).
 */
export type PreviewOrderRequest = Pick<CreateOrderRequest, 'items' | 'fromCart' | 'points'> & {
  /** a coupon to price with; omitted = the best usable one, null = none */
  couponId?: number | null;
  /** when given, it must be one of the shopper's own addresses (404 otherwise, as for /orders) */
  addressId?: number;
};

export interface PreviewOrderResponse {
  items: OrderItem[];
  goodsAmount: Fen;
  freightAmount: Fen;
  payableAmount: Fen;
  /** coupon + points discount */
  discountAmount: Fen;
  /** the coupon priced in (the best usable one unless couponId said otherwise), else null */
  selectedCouponId: number | null;
  /** the shopper's coupons, usable first (best first), unusable with their reason */
  coupons: CheckoutCoupon[];
  points: CheckoutPoints;
}

// ---- payment --------------------------------------------------------------------------------

/** Exactly what wx.requestPayment takes (the mini-program does not pass appId). */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface PaySyncResponse {
  status: OrderStatus;
  paid: boolean;
}

/** POST /sandbox/orders/:id/simulate-payment (development only, WECHAT_SANDBOX on). */
export interface SimulatePaymentResponse {
  /** the sandbox's signed notification reached our notify URL and was accepted */
  delivered: boolean;
}

export interface RefundRequest {
  reason: string;
}

// ---- admin ------------------------------------------------------------------------------------

/** One parcel as the operator enters it. */
export interface ParcelInput {
  /** a code from GET /logistics/carriers */
  carrierCode: string;
  trackingNo: string;
  /**
   * the pieces in this parcel; give them for every parcel or for none. Given, each parcel holds at
   * least one piece and together they hold exactly the order's lines.
   * @maxItems 50
   */
  items?: ParcelItem[];
}

/**
 * POST /admin/orders/:id/ship: one parcel (`carrierCode` + `trackingNo`) or several (`parcels`,
 * split shipping, at most 15 as WeChat's shipping-info upload takes), never both.
 */
export interface ShipOrderRequest {
  carrierCode?: string;
  trackingNo?: string;
  /**
   * @minItems 1
   * @maxItems 15
   */
  parcels?: ParcelInput[];
}
