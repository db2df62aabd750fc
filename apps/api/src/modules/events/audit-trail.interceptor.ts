import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { AuditActor, AuditKind } from '@sutwxapp/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { AppError } from '../../common/errors/app-error';
import type { AuthContext } from '../auth/guards/auth.guard';
import { AuditService } from './audit.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The payment feature's WeChat Pay callback routes (PaymentNotifyController). */
const NOTIFY_ROUTES: Record<string, AuditKind> = {
  '/api/v1/payments/wechat/notify': 'payment_notification',
  '/api/v1/payments/wechat/refund-notify': 'refund_notification',
};

type Request = FastifyRequest & { auth?: AuthContext };

/**
 * The audit trail. Bound by `AdminOnly()` (every operator route) and on PaymentNotifyController,
 * not globally, so shopper and catalog requests skip the interceptor pipeline entirely. Records:
 * - every state-changing request made with an operator token, whether it succeeded or was refused
 *   (runs after the guards, so `request.auth` is the verified caller);
 * - every WeChat Pay notification delivery, accepted (204) or refused (forged, unknown order, bad
 *   amount…), with the notification id and event type. The payment feature keeps the decrypted
 *   accepted ones in payment_notifications; this records each delivery and what we answered.
 */
@Injectable()
export class AuditTrailInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const entry = this.describe(request);
    if (!entry) return next.handle();
    const record = (outcome: Record<string, unknown>): void =>
      this.audit.record(entry.kind, entry.actor, { ...entry.payload, ...outcome }, request.id);
    return next.handle().pipe(
      tap({
        // notification handlers answer through the reply themselves, so its status is final here
        next: () => record({ outcome: 'ok', statusCode: http.getResponse<FastifyReply>().statusCode }),
        error: (err: unknown) =>
          record({
            outcome: 'failed',
            statusCode: err instanceof HttpException ? err.getStatus() : 500,
            ...(err instanceof AppError ? { code: err.code } : {}),
          }),
      }),
    );
  }

  private describe(request: Request): { kind: AuditKind; actor: AuditActor; payload: Record<string, unknown> } | null {
    const route = request.routeOptions?.url ?? request.url;
    const notification = NOTIFY_ROUTES[route];
    if (notification) {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const resource = (body.resource ?? {}) as Record<string, unknown>;
      return {
        kind: notification,
        actor: { type: 'wechatpay', id: headerValue(request, 'wechatpay-serial') },
        payload: {
          route,
          notificationId: body.id ?? null,
          eventType: body.event_type ?? null,
          createTime: body.create_time ?? null,
          summary: body.summary ?? null,
          resourceType: resource.original_type ?? null,
          timestamp: headerValue(request, 'wechatpay-timestamp'),
        },
      };
    }
    const auth = request.auth;
    if (!auth || auth.role !== 'admin' || READS.has(request.method)) return null;
    return {
      kind: 'admin_action',
      actor: { type: 'admin', id: auth.id },
      payload: { method: request.method, route, params: request.params ?? {}, body: request.body ?? null },
    };
  }
}

function headerValue(request: FastifyRequest, name: string): string | null {
  const v = request.headers[name];
  return typeof v === 'string' ? v.slice(0, 64) : null;
}
