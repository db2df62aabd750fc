// GENERATED — do not edit. Source: libs/contracts/src/admin-order.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
import type { Fen, IsoDateTime, Page, PageQuery } from './common';
import type { ErrorCode } from './errors';
import type { Order, OrderStatus } from './order';

// ---- the orders list of the merchant console --------------------------------------------------

/** What the admin order list can be sorted by; `order` gives the direction. */
export const ADMIN_ORDER_SORTS = ['createdAt', 'paidAt', 'payableAmount'] as const;
export type AdminOrderSort = (typeof ADMIN_ORDER_SORTS)[number];

/**
 * GET /admin/orders/export.csv, and GET /admin/orders with paging: every filter is optional and
 * they combine (AND). Days are Beijing calendar days (UTC+8), both ends included.
 */
export interface AdminOrderFilter {
  status?: OrderStatus;
  /**
   * first day of the order's creation, Beijing time
   * @pattern ^\d{4}-\d{2}-\d{2}$
   */
  from?: string;
  /**
   * last day of the order's creation, Beijing time (included)
   * @pattern ^\d{4}-\d{2}-\d{2}$
   */
  to?: string;
  /**
   * the order number or its beginning
   * @maxLength 32
   */
  orderNo?: string;
  /**
   * the receiver's mobile number (11 digits), or its last 4 to 10 digits
   * @pattern ^\d{4,11}$
   */
  phone?: string;
  /**
   * digits only: a product id; anything else: words of a product title as sold
   * @maxLength 64
   */
  product?: string;
  /** default createdAt */
  sort?: AdminOrderSort;
  /** default desc */
  order?: 'asc' | 'desc';
}

export interface AdminOrderListQuery extends AdminOrderFilter, PageQuery {}

/** An order as operators see it: the shopper's view plus the facts behind the timeline. */
export interface AdminOrder extends Order {
  userId: number;
  /** when tracking first showed the parcel signed for */
  signedAt: IsoDateTime | null;
  refundRequestedAt: IsoDateTime | null;
  refundedAt: IsoDateTime | null;
  refundReason: string | null;
}

export type AdminOrderPage = Page<AdminOrder>;

// ---- bulk shipping -----------------------------------------------------------------------------

/** One row of a bulk-ship file. Rows naming the same order become that order's parcels. */
export interface BulkShipRow {
  /**
   * the row's line in the operator's file, echoed in the result
   * @asType integer
   */
  line?: number;
  /** @maxLength 64 */
  orderNo: string;
  /**
   * a code from GET /logistics/carriers
   * @maxLength 64
   */
  carrierCode: string;
  /** @maxLength 64 */
  trackingNo: string;
}

/** POST /admin/orders/bulk-ship */
export interface BulkShipRequest {
  /**
   * @minItems 1
   * @maxItems 500
   */
  rows: BulkShipRow[];
}

export interface BulkShipRowResult {
  line: number | null;
  orderNo: string;
  ok: boolean;
  /** the shipped order's id (ok) */
  orderId: number | null;
  /** why the row was refused: the API's own code and message, as a single ship would answer */
  error: { code: ErrorCode | string; message: string } | null;
}

export interface BulkShipResult {
  /** orders shipped by this request */
  shippedOrders: number;
  /** rows refused (their order was not shipped) */
  failedRows: number;
  /** one per row, in the order sent */
  rows: BulkShipRowResult[];
}

// ---- payment and refunds of one order ------------------------------------------------------------

export interface OrderRefundRecord {
  id: number;
  /** admin: an operator's refund of the rest; aftersale: one request's pieces; paid_after_cancel: money that arrived late */
  kind: 'admin' | 'aftersale' | 'paid_after_cancel';
  amount: Fen;
  status: 'SUBMITTING' | 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';
  reason: string | null;
  outRefundNo: string;
  /** WeChat Pay's refund id, once it accepted the refund */
  refundId: string | null;
  aftersaleId: number | null;
  createdAt: IsoDateTime;
  succeededAt: IsoDateTime | null;
}

/** GET /admin/orders/:id/payment: what was paid through WeChat Pay and what went back. */
export interface OrderPaymentInfo {
  orderId: number;
  /** null: the shopper never started paying */
  payment: {
    outTradeNo: string;
    /** WeChat Pay's transaction id (null until paid) */
    transactionId: string | null;
    amount: Fen;
    status: 'PENDING' | 'SUCCESS' | 'CLOSED';
    paidAt: IsoDateTime | null;
  } | null;
  refunds: OrderRefundRecord[];
  /** Σ refunds asked for, CLOSED ones excluded (they gave nothing back) */
  refundedAmount: Fen;
  /** what a refund could still give back: paid − refunded (0 when unpaid) */
  refundableAmount: Fen;
}
