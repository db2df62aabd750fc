import { Injectable } from '@nestjs/common';
import type { AuditActor, AuditKind } from '@sutwxapp/contracts';
import { EventWriterService } from './event-writer.service';

const MAX_PAYLOAD_CHARS = 16_000;
const SECRET_KEY = /pass(word)?|secret|token|authorization|api_?v3_?key|private_?key|session_?key/i;

/**
 * The audit trail: admin actions and WeChat Pay notifications, kept without expiry. `record`
 * returns at once (the write is queued, retried a few times, and counted if it is lost), so an
 * audit outage never fails the payment or admin action it describes.
 *
 * Admin actions and WeChat Pay notification deliveries are recorded by AuditTrailInterceptor;
 * any feature can add its own facts: inject AuditService (EventsModule is global) and call
 * `audit.record('payment_notification', { type: 'wechatpay' }, { notificationId, outTradeNo, result }, request.id)`.
 */
@Injectable()
export class AuditService {
  constructor(private readonly writer: EventWriterService) {}

  record(kind: AuditKind, actor: AuditActor, payload: Record<string, unknown>, requestId?: string | null): void {
    this.writer.enqueueAudit({
      kind,
      actorType: actor.type,
      actorId: actor.id === undefined || actor.id === null ? null : String(actor.id).slice(0, 64),
      payload: boundedPayload(payload),
      requestId: requestId ? requestId.slice(0, 128) : null,
      createdAt: new Date(),
    });
  }
}

/** Secrets are masked at any depth; an oversized payload is kept as a truncated preview. */
export function boundedPayload(payload: Record<string, unknown>): Record<string, unknown> {
  let json: string;
  try {
    json = JSON.stringify(payload, (key, value: unknown) => (key && SECRET_KEY.test(key) ? '[redacted]' : value));
  } catch {
    return { unserialisable: true };
  }
  if (json === undefined) return {};
  if (json.length <= MAX_PAYLOAD_CHARS) return JSON.parse(json) as Record<string, unknown>;
  return { truncated: true, preview: json.slice(0, MAX_PAYLOAD_CHARS) };
}
