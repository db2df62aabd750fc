import type {
  CreateOrderRequest,
  Order,
  OrderListQuery,
  OrderPage,
  OrderSummary,
  PreviewOrderRequest,
  PreviewOrderResponse,
} from '../contracts/order';
import { api } from './request';

/** What the order would cost; the address is optional (a first-time buyer has none yet). */
export const previewOrder = (body: PreviewOrderRequest) =>
  api.post<PreviewOrderResponse>('/orders/preview', body, { toast: false });

/**
 * Submits an order. The Idempotency-Key makes a retried submit (lost answer, double tap) return
 * the same order instead of a second one, so network failures may be retried here.
 */
export const createOrder = (body: CreateOrderRequest, idempotencyKey: string) =>
  api.post<Order>('/orders', body, { headers: { 'Idempotency-Key': idempotencyKey }, retries: 2, loading: '提交中' });

export const listOrders = (query: OrderListQuery) => api.get<OrderPage>('/orders', { query: { ...query } });

/** Orders per state, for the me page's badges (one request). */
export const getOrderSummary = () => api.get<OrderSummary>('/orders/summary');

export const getOrder = (id: number) => api.get<Order>(`/orders/${id}`);

export const cancelOrder = (id: number) => api.post<Order>(`/orders/${id}/cancel`, {}, { loading: '取消中' });

export const confirmReceipt = (id: number) =>
  api.post<Order>(`/orders/${id}/confirm-receipt`, {}, { loading: '确认中' });

/** 8-64 characters of [\w.:-], fresh for each submit attempt. */
export function newIdempotencyKey(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0');
  return `mp-${Date.now().toString(36)}-${random}`;
}
