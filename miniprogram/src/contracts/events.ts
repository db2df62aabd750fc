// GENERATED — do not edit. Source: libs/contracts/src/events.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
import type { Fen, IsoDateTime, Page, PageQuery } from './common';

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

export const AUDIT_KINDS: readonly AuditKind[] = ['admin_action', 'payment_notification', 'refund_notification'];

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  admin_action: '后台操作',
  payment_notification: '微信支付通知',
  refund_notification: '微信退款通知',
};

export type AuditActorType = 'admin' | 'shopper' | 'system' | 'wechatpay';

export interface AuditActor {
  type: AuditActorType;
  id?: number | string | null;
}

/** GET /admin/audit-log (owner only): newest first unless sort=oldest. */
export interface AuditLogQuery extends PageQuery {
  /** an operator's admin account id: only what they did */
  operatorId?: number;
  kind?: AuditKind;
  /** at or after (ISO date-time, e.g. 2026-01-01T00:00:00+08:00) */
  from?: IsoDateTime;
  /** before (ISO date-time) */
  to?: IsoDateTime;
  sort?: 'newest' | 'oldest';
}

/** The operator who made a request (admin actions only). */
export interface AuditOperator {
  id: number;
  /** null when the account no longer exists */
  username: string | null;
}

/** One audit row, in words: who did what to what, when, from where, and how it ended. */
export interface AuditLogEntry {
  id: string;
  kind: AuditKind;
  createdAt: IsoDateTime;
  actorType: AuditActorType;
  actorId: string | null;
  operator: AuditOperator | null;
  /** what was done, e.g. 同意售后 (or the method and route for a route without a name) */
  action: string;
  /** what it was done to, e.g. 售后单 #12; null when nothing in particular */
  target: string | null;
  /** the request's key facts, e.g. 原因：破损（empty when there are none） */
  summary: string;
  method: string | null;
  /** the route as the API documents it, e.g. /admin/aftersales/{id}/approve */
  route: string | null;
  outcome: 'ok' | 'failed' | null;
  statusCode: number | null;
  /** the error code of a refused request */
  code: string | null;
  /** the client address as the API saw it (behind TRUST_PROXY: the forwarded one); null on rows recorded before it was kept */
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** the recorded request: path parameters and body, secrets masked */
  details: Record<string, unknown>;
}

export type AuditLogPage = Page<AuditLogEntry>;

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
  /** sum of the payable amounts of the orders paid that day (refunds not taken out: see net) */
  gmv: Fen;
  /** refunds that succeeded that day (whole-order and after-sale) of orders counted as paid */
  refunds: number;
  /** money those refunds gave back that day */
  refunded: Fen;
  /** gmv − refunded: what that day's paid orders brought in, less what was given back that day (may be negative) */
  net: Fen;
}

export interface DailySalesReport {
  from: IsoDateTime;
  to: IsoDateTime;
  /** one entry per Beijing calendar day touched by the range, oldest first, zeros included */
  days: DailySales[];
}
