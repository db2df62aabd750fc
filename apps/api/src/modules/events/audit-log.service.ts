import { Inject, Injectable } from '@nestjs/common';
import type { AuditLogEntry, AuditLogPage, AuditLogQuery } from '@sutwxapp/contracts';
import { Errors } from '../../common/errors/app-error';
import { AdminAccountService } from '../auth/admin-account.service';
import { describeAudit, documentedRoute } from './audit-labels';
import { type AuditRecord, EVENT_STORE, type EventStore } from './event-store';

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The owner's audit-log screen: the audit trail (SQL or MongoDB) a page at a time, each row in
 * words: who (the operator's id and current username), what, when, from where and how it ended.
 */
@Injectable()
export class AuditLogService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly admins: AdminAccountService,
  ) {}

  async page(q: AuditLogQuery & { page: number; pageSize: number }): Promise<AuditLogPage> {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from >= to) {
      throw Errors.VALIDATION_FAILED('开始时间必须早于结束时间（from must be before to）', {
        errors: [{ field: 'from', message: 'must be before to' }],
      });
    }
    const { rows, total } = await this.store.auditPage(
      {
        kind: q.kind,
        ...(q.operatorId ? { actorType: 'admin' as const, actorId: String(q.operatorId) } : {}),
        from,
        to,
      },
      { skip: (q.page - 1) * q.pageSize, take: q.pageSize, oldestFirst: q.sort === 'oldest' },
    );
    const operatorIds = rows.filter((r) => r.actorType === 'admin' && r.actorId).map((r) => Number(r.actorId));
    const usernames = await this.admins.usernames(operatorIds.filter(Number.isSafeInteger));
    return {
      items: rows.map((r) => toEntry(r, usernames)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

function toEntry(r: AuditRecord & { id: string }, usernames: Map<number, string>): AuditLogEntry {
  const p = r.payload ?? {};
  const words = describeAudit(r.kind, p);
  const operatorId = r.actorType === 'admin' && r.actorId ? Number(r.actorId) : NaN;
  const { ip: _ip, userAgent: _ua, outcome: _o, statusCode: _s, code: _c, method: _m, route: _r, ...details } = p;
  return {
    id: r.id,
    kind: r.kind,
    createdAt: new Date(r.createdAt).toISOString(),
    actorType: r.actorType,
    actorId: r.actorId,
    operator: Number.isSafeInteger(operatorId) ? { id: operatorId, username: usernames.get(operatorId) ?? null } : null,
    ...words,
    method: text(p.method),
    route: documentedRoute(p.route),
    outcome: p.outcome === 'ok' || p.outcome === 'failed' ? p.outcome : null,
    statusCode: typeof p.statusCode === 'number' ? p.statusCode : null,
    code: text(p.code),
    ip: text(p.ip),
    userAgent: text(p.userAgent),
    requestId: r.requestId,
    details,
  };
}
