import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditKind, EventType } from '@sutwxapp/contracts';
import { In, Repository, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuditFilter, AuditPage, AuditRecord, EventStore, StoredEvent, TimeRange } from '../event-store';
import { withoutUndefined } from '../event-store';
import { AuditLogEntity } from './audit-log.entity';
import { BehaviourEventEntity } from './behaviour-event.entity';

/** The embedded store: tables in the shop's own database (SQLite or MySQL), same queries on both. */
@Injectable()
export class SqlEventStore implements EventStore {
  readonly backend = 'sql' as const;

  constructor(
    @InjectRepository(BehaviourEventEntity) private readonly events: Repository<BehaviourEventEntity>,
    @InjectRepository(AuditLogEntity) private readonly audit: Repository<AuditLogEntity>,
  ) {}

  async insertEvents(events: StoredEvent[]): Promise<void> {
    // simple-json columns: TypeORM's insert typing can't see that a plain object is a JSON value
    if (events.length) await this.events.insert(events as QueryDeepPartialEntity<BehaviourEventEntity>[]);
  }

  async insertAudit(records: AuditRecord[]): Promise<void> {
    if (records.length) await this.audit.insert(records as QueryDeepPartialEntity<AuditLogEntity>[]);
  }

  async distinctUsersByType(types: readonly EventType[], range: TimeRange): Promise<Map<EventType, number>> {
    const rows = await this.inRange(range)
      .select('e.type', 'type')
      .addSelect('COUNT(DISTINCT e.user_id)', 'users')
      .andWhere('e.type IN (:...types)', { types: [...types] })
      .andWhere('e.user_id IS NOT NULL')
      .groupBy('e.type')
      .getRawMany<{ type: EventType; users: number | string }>();
    return new Map(rows.map((r) => [r.type, Number(r.users)]));
  }

  async topProducts(range: TimeRange, limit: number): Promise<Array<{ productId: number; views: number }>> {
    const rows = await this.inRange(range)
      .select('e.product_id', 'productId')
      // distinct shoppers, not raw events: one identity replaying views can't top the report
      .addSelect('COUNT(DISTINCT e.user_id)', 'views')
      .andWhere('e.type = :type', { type: 'product_view' })
      .andWhere('e.product_id IS NOT NULL')
      .groupBy('e.product_id')
      .orderBy('views', 'DESC')
      .addOrderBy('e.product_id', 'ASC')
      .limit(limit)
      .getRawMany<{ productId: number | string; views: number | string }>();
    return rows.map((r) => ({ productId: Number(r.productId), views: Number(r.views) }));
  }

  async topKeywords(range: TimeRange, limit: number): Promise<Array<{ keyword: string; count: number }>> {
    const rows = await this.inRange(range)
      .select('e.keyword', 'keyword')
      .addSelect('COUNT(DISTINCT e.user_id)', 'count')
      .andWhere('e.type = :type', { type: 'search' })
      .andWhere('e.keyword IS NOT NULL')
      .groupBy('e.keyword')
      .orderBy('count', 'DESC')
      .addOrderBy('e.keyword', 'ASC')
      .limit(limit)
      .getRawMany<{ keyword: string; count: number | string }>();
    return rows.map((r) => ({ keyword: r.keyword, count: Number(r.count) }));
  }

  /**
   * Deletes by id in chunks: `DELETE … LIMIT` is not portable (SQLite lacks it by default), and
   * one unbounded DELETE over months of events would hold locks for minutes on MySQL.
   */
  async deleteEventsBefore(cutoff: Date, maxRows: number): Promise<number> {
    const ids = await this.events
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .where('e.server_time < :cutoff', { cutoff })
      .orderBy('e.id', 'ASC')
      .limit(maxRows)
      .getRawMany<{ id: string | number }>();
    if (!ids.length) return 0;
    await this.events.delete({ id: In(ids.map((r) => String(r.id))) });
    return ids.length;
  }

  async recentEvents(
    filter: { type?: EventType; userId?: number; orderId?: number },
    limit: number,
  ): Promise<StoredEvent[]> {
    const rows = await this.events.find({ where: withoutUndefined(filter), order: { id: 'DESC' }, take: limit });
    return rows.map(({ id: _id, ...event }) => event);
  }

  async recentAudit(filter: { kind?: AuditKind }, limit: number): Promise<AuditRecord[]> {
    const rows = await this.audit.find({ where: withoutUndefined(filter), order: { id: 'DESC' }, take: limit });
    return rows.map(({ id: _id, ...record }) => record);
  }

  async auditPage(filter: AuditFilter, page: { skip: number; take: number; oldestFirst: boolean }): Promise<AuditPage> {
    const qb = this.audit.createQueryBuilder('a');
    if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.actorType) qb.andWhere('a.actor_type = :actorType', { actorType: filter.actorType });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.from) qb.andWhere('a.created_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.created_at < :to', { to: filter.to });
    const [rows, total] = await qb
      .orderBy('a.id', page.oldestFirst ? 'ASC' : 'DESC')
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
    return { rows: rows.map((r) => ({ ...r, id: String(r.id) })), total };
  }

  private inRange(range: TimeRange): SelectQueryBuilder<BehaviourEventEntity> {
    return this.events
      .createQueryBuilder('e')
      .where('e.server_time >= :from AND e.server_time < :to', { from: range.from, to: range.to });
  }
}
