import type { IsoDateTime } from './common';

export const BEHAVIOUR_EVENT_TYPES = ['page_view', 'product_view', 'search', 'add_to_cart', 'checkout', 'share'] as const;
export type BehaviourEventType = (typeof BEHAVIOUR_EVENT_TYPES)[number];

export interface BehaviourEventInput {
  type: BehaviourEventType;
  /** mini-program page route, e.g. pages/product/detail/index */
  page: string;
  productId?: number;
  keyword?: string;
  clientTime: IsoDateTime;
}

export interface TrackEventsRequest {
  events: BehaviourEventInput[];
}

export const MAX_EVENTS_PER_BATCH = 50;

export interface TrackEventsResponse {
  accepted: number;
}

export interface FunnelStep {
  step: 'product_view' | 'add_to_cart' | 'order_created' | 'order_paid';
  users: number;
  /** share of the previous step, 0..1 (1 for the first step) */
  conversion: number;
}

export interface FunnelReport {
  from: IsoDateTime;
  to: IsoDateTime;
  steps: FunnelStep[];
}

export interface TopProduct {
  productId: number;
  title: string | null;
  views: number;
}

export interface TopKeyword {
  keyword: string;
  count: number;
}

export interface DailySales {
  date: string;
  orders: number;
  paidOrders: number;
  gmv: number;
}
