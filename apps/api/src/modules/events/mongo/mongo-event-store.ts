import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AuditKind, EventType } from '@sutwxapp/contracts';
import type { Model } from 'mongoose';
import type { AuditFilter, AuditPage, AuditRecord, EventStore, StoredEvent, TimeRange } from '../event-store';
import { withoutUndefined } from '../event-store';
import { AUDIT_LOG_MODEL, type AuditLogDoc, BEHAVIOUR_EVENT_MODEL, type BehaviourEventDoc } from './event.schemas';

/**
 * MongoDB through @nestjs/mongoose (MONGODB_URI set). The connection is lazy (see
 * infra/mongo.module.ts): while MongoDB is away, writes fail after the schema's buffer timeout
 * and the writer drops and counts them; the API keeps serving.
 */
@Injectable()
export class MongoEventStore implements EventStore {
  readonly backend = 'mongodb' as const;
  private readonly logger = new Logger(MongoEventStore.name);

  constructor(
    @InjectModel(BEHAVIOUR_EVENT_MODEL) private readonly events: Model<BehaviourEventDoc>,
    @InjectModel(AUDIT_LOG_MODEL) private readonly audit: Model<AuditLogDoc>,
  ) {
    const connection = this.events.db;
    if (connection.readyState === 1) void this.syncIndexes();
    else connection.once('open', () => void this.syncIndexes());
  }

  async syncIndexes(): Promise<void> {
    for (const model of [this.events, this.audit] as Array<Model<unknown>>) {
      try {
        await model.syncIndexes();
      } catch (err) {
        this.logger.warn(`could not sync indexes of ${model.collection.name}: ${(err as Error).message}`);
      }
    }
  }

  async insertEvents(events: StoredEvent[]): Promise<void> {
    if (events.length) await this.events.insertMany(events, { ordered: false });
  }

  async insertAudit(records: AuditRecord[]): Promise<void> {
    if (records.length) await this.audit.insertMany(records, { ordered: false });
  }

  async distinctUsersByType(types: readonly EventType[], range: TimeRange): Promise<Map<EventType, number>> {
    const rows = await this.events
      .aggregate<{ _id: EventType; users: number }>([
        { $match: { ...this.inRange(range), type: { $in: [...types] }, userId: { $ne: null } } },
        { $group: { _id: { type: '$type', userId: '$userId' } } },
        { $group: { _id: '$_id.type', users: { $sum: 1 } } },
      ])
      .exec();
    return new Map(rows.map((r) => [r._id, r.users]));
  }

  async topProducts(range: TimeRange, limit: number): Promise<Array<{ productId: number; views: number }>> {
    const rows = await this.events
      .aggregate<{ _id: number; views: number }>([
        { $match: { ...this.inRange(range), type: 'product_view', productId: { $ne: null } } },
        // distinct shoppers, not raw events (one identity replaying views can't top the report)
        { $group: { _id: { productId: '$productId', userId: '$userId' } } },
        { $group: { _id: '$_id.productId', views: { $sum: 1 } } },
        { $sort: { views: -1, _id: 1 } },
        { $limit: limit },
      ])
      .exec();
    return rows.map((r) => ({ productId: r._id, views: r.views }));
  }

  async topKeywords(range: TimeRange, limit: number): Promise<Array<{ keyword: string; count: number }>> {
    const rows = await this.events
      .aggregate<{ _id: string; count: number }>([
        { $match: { ...this.inRange(range), type: 'search', keyword: { $ne: null } } },
        { $group: { _id: { keyword: '$keyword', userId: '$userId' } } },
        { $group: { _id: '$_id.keyword', count: { $sum: 1 } } },
        { $sort: { count: -1, _id: 1 } },
        { $limit: limit },
      ])
      .exec();
    return rows.map((r) => ({ keyword: r._id, count: r.count }));
  }

  /**
   * Retention by the sweeper, as on SQL. MongoDB also expires events through the TTL index on
   * serverTime, but FerretDB (the wire-protocol server CI runs) accepts that index without its
   * expireAfterSeconds and never expires anything: this is the fallback that works on both (on
   * MongoDB it usually finds nothing left to delete). Bounded per call: ids first, then delete.
   */
  async deleteEventsBefore(cutoff: Date, maxRows: number): Promise<number> {
    const expired = await this.events
      .find({ serverTime: { $lt: cutoff } }, { _id: 1 })
      .limit(maxRows)
      .lean()
      .exec();
    if (expired.length === 0) return 0;
    const result = await this.events.deleteMany({ _id: { $in: expired.map((d) => d._id) } }).exec();
    return result.deletedCount;
  }

  async recentEvents(
    filter: { type?: EventType; userId?: number; orderId?: number },
    limit: number,
  ): Promise<StoredEvent[]> {
    const docs = await this.events.find(withoutUndefined(filter)).sort({ _id: -1 }).limit(limit).lean().exec();
    return docs.map(({ _id, ...event }) => event as StoredEvent);
  }

  async recentAudit(filter: { kind?: AuditKind }, limit: number): Promise<AuditRecord[]> {
    const docs = await this.audit.find(withoutUndefined(filter)).sort({ _id: -1 }).limit(limit).lean().exec();
    return docs.map(({ _id, ...record }) => record as AuditRecord);
  }

  async auditPage(filter: AuditFilter, page: { skip: number; take: number; oldestFirst: boolean }): Promise<AuditPage> {
    const createdAt = {
      ...(filter.from ? { $gte: filter.from } : {}),
      ...(filter.to ? { $lt: filter.to } : {}),
    };
    const query = withoutUndefined({
      kind: filter.kind,
      actorType: filter.actorType,
      actorId: filter.actorId,
      createdAt: Object.keys(createdAt).length ? createdAt : undefined,
    });
    const [docs, total] = await Promise.all([
      this.audit
        .find(query)
        .sort({ createdAt: page.oldestFirst ? 1 : -1, _id: page.oldestFirst ? 1 : -1 })
        .skip(page.skip)
        .limit(page.take)
        .lean()
        .exec(),
      this.audit.countDocuments(query).exec(),
    ]);
    return { rows: docs.map(({ _id, ...record }) => ({ ...(record as AuditRecord), id: String(_id) })), total };
  }

  private inRange(range: TimeRange): { serverTime: { $gte: Date; $lt: Date } } {
    return { serverTime: { $gte: range.from, $lt: range.to } };
  }
}
