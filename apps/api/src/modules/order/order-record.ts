import type { OrderAddress, OrderStatus, ParcelItem } from '@sutwxapp/contracts';

/**
 * An order as other features see it through the order port: the row's facts, without the
 * entity class (other modules never import order entities, so they cannot write order rows).
 */
export interface OrderRecord {
  id: number;
  orderNo: string;
  userId: number;
  status: OrderStatus;
  goodsAmount: number;
  freightAmount: number;
  payableAmount: number;
  address: OrderAddress;
  remark: string | null;
  payDeadline: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  carrierCode: string | null;
  trackingNo: string | null;
  signedAt: Date | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  refundRequestedAt: Date | null;
  refundedAt: Date | null;
  refundReason: string | null;
  createdAt: Date;
}

/** The columns a transition may set besides the status (its timestamps and facts). */
export type OrderPatch = Partial<
  Pick<
    OrderRecord,
    | 'paidAt'
    | 'shippedAt'
    | 'carrierCode'
    | 'trackingNo'
    | 'completedAt'
    | 'cancelledAt'
    | 'cancelReason'
    | 'refundRequestedAt'
    | 'refundedAt'
    | 'refundReason'
  >
>;

/**
 * What a caller may tell a transition: why (published with order_cancelled/order_completed),
 * and the order it already read, so the effects need not read it again. Only its fixed facts
 * are used (id, userId, orderNo, payableAmount); `shippedAt` is always read inside the transaction.
 */
export interface TransitionContext {
  reason?: string;
  order?: Pick<OrderRecord, 'userId' | 'orderNo' | 'payableAmount'>;
  /** `ship`: every parcel (published with order_shipped); the patch names the first */
  parcels?: ShippedParcel[];
}

/** One parcel of a shipment: carrier, number and, when the operator itemised it, its pieces. */
export interface ShippedParcel {
  carrierCode: string;
  trackingNo: string;
  items: ParcelItem[] | null;
}
