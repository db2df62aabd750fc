import type { Fen, IsoDateTime, Page, PageQuery } from './common';
import type { OrderItem } from './order';

export type AfterSaleType = 'REFUND_ONLY' | 'RETURN_REFUND';

export const AfterSaleStatus = {
  REQUESTED: 'REQUESTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  RETURN_SHIPPED: 'RETURN_SHIPPED',
  RETURN_RECEIVED: 'RETURN_RECEIVED',
  REFUNDING: 'REFUNDING',
  REFUNDED: 'REFUNDED',
  CANCELLED: 'CANCELLED',
  CLOSED: 'CLOSED',
} as const;
export type AfterSaleStatus = (typeof AfterSaleStatus)[keyof typeof AfterSaleStatus];

export const AFTERSALE_STATUS_TEXT: Record<AfterSaleStatus, string> = {
  REQUESTED: '待审核',
  APPROVED: '已同意',
  REJECTED: '已拒绝',
  RETURN_SHIPPED: '退货已寄出',
  RETURN_RECEIVED: '退货已签收',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
  CANCELLED: '已撤销',
  CLOSED: '已关闭',
};

export interface CreateAfterSaleRequest {
  orderId: number;
  skuId: number;
  quantity: number;
  type: AfterSaleType;
  /** @maxLength 64 */
  reason: string;
  /** @maxLength 500 */
  description?: string;
  /** media refs from POST /media (at most 6) */
  photos?: string[];
}

export interface AfterSale {
  id: number;
  orderId: number;
  skuId: number;
  quantity: number;
  type: AfterSaleType;
  status: AfterSaleStatus;
  reason: string;
  description: string | null;
  /** the photos as image URLs (750 px wide) the pages can show, not media refs */
  photos: string[];
  /** the line's paid share for this quantity (coupon and points shares taken out) */
  refundAmount: Fen;
  rejectReason: string | null;
  carrierCode: string | null;
  trackingNo: string | null;
  restocked: boolean;
  /** when the timeout acts on the current state (auto-approve, close), else null */
  deadlineAt: IsoDateTime | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface AfterSaleList {
  items: AfterSale[];
}

export interface AfterSaleListQuery {
  orderId?: number;
  status?: AfterSaleStatus;
}

/** GET /aftersales/by-orders: the after-sale state of each order of a page of orders. */
export interface AfterSaleByOrdersQuery {
  /**
   * comma-separated order ids, at most 50, e.g. `1,2,3`
   * @pattern ^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,49}$
   */
  orderIds: string;
}

/** The badge an order shows in the list: 售后中 / 已退款 / 售后关闭, or none. */
export type AfterSaleOrderLabel = '售后中' | '已退款' | '售后关闭';

export interface AfterSaleOrderState {
  orderId: number;
  /** requests still in progress (requested … refunding) */
  openCount: number;
  /** requests that ended refunded */
  refundedCount: number;
  /** the newest request's state, null when the order has none (or is not the caller's) */
  latestStatus: AfterSaleStatus | null;
  /** AFTERSALE_STATUS_TEXT of latestStatus */
  latestStatusText: string | null;
  /**
   * what the order list shows: any open request → 售后中; else any refunded → 已退款; else the newest
   * rejected or closed → 售后关闭; null otherwise (none, or only withdrawn ones)
   */
  label: AfterSaleOrderLabel | null;
}

export interface AfterSaleOrderStateList {
  /** one per requested id, in the order asked (duplicates once) */
  items: AfterSaleOrderState[];
}

// The order's own line (OrderItem) with the after-sale wording of two fields. The exported type is a
// Pick so the generated schema keeps these fields in this order (an interface that extends another
// lists its own fields first and sorts `required`).
interface AfterSaleLineFields extends OrderItem {
  /** the line's picture (240 px), or null */
  image: string | null;
  /** pieces of this line in the order */
  quantity: number;
}

/** The order line a request is about, as the order recorded it (title, specs and price at purchase). */
export type AfterSaleOrderLine = Pick<
  AfterSaleLineFields,
  'productId' | 'title' | 'specs' | 'image' | 'unitPrice' | 'quantity'
>;

/** An after-sale request as operators see it: the order number and the line it is about. */
export interface AdminAfterSale extends AfterSale {
  userId: number;
  orderNo: string;
  /** null only when the order line no longer exists */
  line: AfterSaleOrderLine | null;
}

export type AdminAfterSalePage = Page<AdminAfterSale>;

/** GET /admin/aftersales: the queue, by state and order, newest or oldest first. */
export interface AdminAfterSaleListQuery extends PageQuery {
  orderId?: number;
  status?: AfterSaleStatus;
  /** newest (default) or oldest first: the oldest waiting request is the one to answer next */
  sort?: 'newest' | 'oldest';
}

export interface RejectAfterSaleRequest {
  /** @maxLength 200 */
  reason: string;
}

export interface ReturnShipmentRequest {
  carrierCode: string;
  trackingNo: string;
}

export interface ReceiveReturnRequest {
  /** put the returned pieces back into stock */
  restock: boolean;
}
