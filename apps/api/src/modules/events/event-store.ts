import type { AuditActor, AuditKind, EventType } from '@sutwxapp/contracts';

/** One behaviour or server event as stored (the same shape in SQL and MongoDB). */
export interface StoredEvent {
  type: EventType;
  userId: number | null;
  productId: number | null;
  orderId: number | null;
  /** normalised search keyword */
  keyword: string | null;
  /** mini-program page route */
  page: string | null;
  /** fen, for order and refund events */
  amount: number | null;
  requestId: string | null;
  /** the device's clock, only when plausible */
  clientTime: Date | null;
  serverTime: Date;
  /** anything else the event carries (order number, reason, items…) */
  props: Record<string, unknown> | null;
}

export interface AuditRecord {
  kind: AuditKind;
  actorType: AuditActor['type'];
  actorId: string | null;
  payload: Record<string, unknown>;
  requestId: string | null;
  createdAt: Date;
}

/** The owner's audit-log screen: every key optional; `from` inclusive, `to` exclusive. */
export interface AuditFilter {
  kind?: AuditKind;
  actorType?: AuditActor['type'];
  actorId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditPage {
  /** each row with its store id (SQL bigint or MongoDB ObjectId, as text) */
  rows: Array<AuditRecord & { id: string }>;
  total: number;
}

/** `from` inclusive, `to` exclusive. */
export interface TimeRange {
  from: Date;
  to: Date;
}

/**
 * Where events and the audit trail live: MongoDB when MONGODB_URI is set, otherwise SQL tables
 * in the shop's own database. Writes arrive in batches from EventWriterService, never from a
 * request path.
 */
export interface EventStore {
  readonly backend: 'sql' | 'mongodb';
  insertEvents(events: StoredEvent[]): Promise<void>;
  insertAudit(records: AuditRecord[]): Promise<void>;
  /** distinct signed-in users per event type in the range (types with none are absent) */
  distinctUsersByType(types: readonly EventType[], range: TimeRange): Promise<Map<EventType, number>>;
  topProducts(range: TimeRange, limit: number): Promise<Array<{ productId: number; views: number }>>;
  topKeywords(range: TimeRange, limit: number): Promise<Array<{ keyword: string; count: number }>>;
  /** retention: deletes up to maxRows events older than cutoff (both stores; see the sweeper) */
  deleteEventsBefore(cutoff: Date, maxRows: number): Promise<number>;
  /** newest first; for support and tests */
  recentEvents(filter: { type?: EventType; userId?: number; orderId?: number }, limit: number): Promise<StoredEvent[]>;
  recentAudit(filter: { kind?: AuditKind }, limit: number): Promise<AuditRecord[]>;
  /** a page of the audit trail, newest (or oldest) first, with the total matching */
  auditPage(filter: AuditFilter, page: { skip: number; take: number; oldestFirst: boolean }): Promise<AuditPage>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/** Filters with only the keys that were given (`{type: undefined}` must not mean "type is null"). */
export function withoutUndefined<T extends object>(filter: T): Partial<T> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as Partial<T>;
}
