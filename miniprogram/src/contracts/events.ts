// GENERATED — do not edit. Source: libs/contracts/src/events.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
import type { Fen, IsoDateTime } from './common';

/** What the mini-program reports. */
export const BEHAVIOUR_EVENT_TYPES = [
  'page_view',
  'product_view',
  'search',
  'add_to_cart',
  'checkout',
  'share',
] as const;
export type BehaviourEventType = (typeof BEHAVIOUR_EVENT_TYPES)[number];

/** What the server records itself, after the transaction that made the fact commits. */
export const SERVER_EVENT_TYPES = [
  'order_created',
  'order_paid',
  'order_cancelled',
  'order_shipped',
  'order_completed',
  'refund_requested',
  'refund_succeeded',
  'refund_failed',
] as const;
export type ServerEventType = (typeof SERVER_EVENT_TYPES)[number];

export type EventType = BehaviourEventType | ServerEventType;

export interface BehaviourEventInput {
  type: BehaviourEventType;
  /** mini-program page route, e.g. pages/product/detail/index (≤ 200 characters) */
  page: string;
  /** required for product_view and add_to_cart */
  productId?: number;
  /** required for search (≤ 50 characters) */
  keyword?: string;
  /**
   * how the shopper arrived, e.g. `share_message` or `share_timeline` on a page opened from a
   * share (letters, digits, _ and -, ≤ 32 characters); stored as the event's props.source
   */
  source?: string;
  /** the device's clock; kept only when within 7 days of the server's */
  clientTime: IsoDateTime;
}

export interface TrackEventsRequest {
  events: BehaviourEventInput[];
}

export const MAX_EVENTS_PER_BATCH = 50;
export const MAX_EVENT_PAGE_LENGTH = 200;
export const MAX_EVENT_KEYWORD_LENGTH = 50;
export const MAX_EVENT_SOURCE_LENGTH = 32;

export interface TrackEventsResponse {
  /** events taken into the write queue (fewer than sent only when the server is overloaded) */
  accepted: number;
}

// ---- audit trail ------------------------------------------------------------------------------

export type AuditKind = 'admin_action' | 'payment_notification' | 'refund_notification';

export interface AuditActor {
  type: 'admin' | 'shopper' | 'system' | 'wechatpay';
  id?: number | string | null;
}

// ---- admin analytics (GET /admin/analytics/*) -------------------------------------------------

/** `from` inclusive, `to` exclusive; ISO dates or date-times. Default: the last 7 days. At most 366 days. */
export interface AnalyticsRangeQuery {
  from?: IsoDateTime;
  to?: IsoDateTime;
}

export interface AnalyticsTopQuery extends AnalyticsRangeQuery {
  /** default 10, at most 100 */
  limit?: number;
}

export const FUNNEL_STEPS = ['product_view', 'add_to_cart', 'order_created', 'order_paid'] as const;
export type FunnelStepName = (typeof FUNNEL_STEPS)[number];

export interface FunnelStep {
  step: FunnelStepName;
  /** distinct shoppers who did this in the range */
  users: number;
  /** share of the previous step, 0..1 (1 for the first step; 0 when the previous step is 0) */
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
  /** shoppers who viewed it (distinct: one shopper viewing 1,000 times counts once) */
  views: number;
}

export interface TopProductsReport {
  from: IsoDateTime;
  to: IsoDateTime;
  items: TopProduct[];
}

export interface TopKeyword {
  keyword: string;
  /** shoppers who searched it (distinct: one shopper repeating a word counts once) */
  count: number;
}

export interface TopKeywordsReport {
  from: IsoDateTime;
  to: IsoDateTime;
  items: TopKeyword[];
}

export interface DailySales {
  /** yyyy-MM-dd, Beijing time */
  date: string;
  /** orders created that day */
  orders: number;
  /** orders paid that day */
  paidOrders: number;
  /** sum of the payable amounts of the orders paid that day */
  gmv: Fen;
}

export interface DailySalesReport {
  from: IsoDateTime;
  to: IsoDateTime;
  /** one entry per Beijing calendar day touched by the range, oldest first, zeros included */
  days: DailySales[];
}
