import { ORDER_STATUS_TEXT, type Order, type OrderItem, type OrderStatus } from '../contracts/order';
import { specsText } from './sku';
import { formatDateTime } from './time';

/** The order list's tabs, in WeChat-shop order; `all` lists every status. */
export const ORDER_TABS: Array<{ key: OrderStatus | 'all'; title: string }> = [
  { key: 'all', title: '全部' },
  { key: 'PENDING_PAYMENT', title: ORDER_STATUS_TEXT.PENDING_PAYMENT },
  { key: 'PAID', title: ORDER_STATUS_TEXT.PAID },
  { key: 'SHIPPED', title: ORDER_STATUS_TEXT.SHIPPED },
  { key: 'COMPLETED', title: ORDER_STATUS_TEXT.COMPLETED },
];

export interface OrderActions {
  pay: boolean;
  cancel: boolean;
  confirmReceipt: boolean;
  logistics: boolean;
}

/** Which buttons an order offers; mirrors the API's transition table. */
export function orderActions(order: Pick<Order, 'status' | 'shipment'>): OrderActions {
  return {
    pay: order.status === 'PENDING_PAYMENT',
    cancel: order.status === 'PENDING_PAYMENT',
    confirmReceipt: order.status === 'SHIPPED',
    logistics: order.shipment !== null && ['SHIPPED', 'COMPLETED', 'REFUNDING', 'REFUNDED'].includes(order.status),
  };
}

export interface OrderLineView extends OrderItem {
  specsLabel: string;
}

export interface OrderCardView {
  id: number;
  orderNo: string;
  status: OrderStatus;
  statusText: string;
  lines: OrderLineView[];
  quantity: number;
  payableAmount: number;
  createdAt: string;
  actions: OrderActions;
  /** the after-sale badge (售后中 / 已退款 / 售后关闭), '' for none; filled by GET /aftersales/by-orders */
  afterSaleLabel: string;
}

export const orderLines = (items: OrderItem[]): OrderLineView[] =>
  items.map((item) => ({ ...item, specsLabel: specsText(item.specs) }));

export function orderCard(order: Order): OrderCardView {
  return {
    id: order.id,
    orderNo: order.orderNo,
    status: order.status,
    statusText: ORDER_STATUS_TEXT[order.status],
    lines: orderLines(order.items),
    quantity: order.items.reduce((n, item) => n + item.quantity, 0),
    payableAmount: order.payableAmount,
    createdAt: formatDateTime(order.createdAt),
    actions: orderActions(order),
    afterSaleLabel: '',
  };
}
