import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuditActor, AuditKind } from '@sutwxapp/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { AppError } from '../../common/errors/app-error';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from './audit.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const AUDIT_KIND = 'sutwxapp:audit-kind';

/**
 * Puts a route (or a controller's routes) on the audit trail as `kind`: `admin_action` records
 * the operator's state-changing calls (applied by AdminOnly), the notification kinds record
 * every WeChat Pay delivery.
 */
export const Audited = (kind: AuditKind): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(AUDIT_KIND, kind), UseInterceptors(AuditTrailInterceptor));

type Request = FastifyRequest & { auth?: AuthContext };

/**
 * The audit trail. Bound by `@Audited(kind)` (AdminOnly() on every operator route, the WeChat Pay
 * callbacks), not globally, so shopper and catalog requests skip the interceptor pipeline entirely. Records:
 * - every state-changing request made with an operator token, whether it succeeded or was refused
 *   (runs after the guards, so `request.auth` is the verified caller);
 * - every WeChat Pay notification delivery, accepted (204) or refused (forged, unknown order, bad
 *   amount…), with the notification id and event type. The payment feature keeps the decrypted
 *   accepted ones in payment_notifications; this records each delivery and what we answered.
 */
@Injectable()
export class AuditTrailInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const kind = this.reflector.getAllAndOverride<AuditKind | undefined>(AUDIT_KIND, [
      context.getHandler(),
      context.getClass(),
    ]);
    const entry = kind ? this.describe(kind, request) : null;
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

  private describe(
    kind: AuditKind,
    request: Request,
  ): { kind: AuditKind; actor: AuditActor; payload: Record<string, unknown> } | null {
    const route = request.routeOptions?.url ?? request.url;
    // from where: the client address (the forwarded one behind TRUST_PROXY) and its user agent
    const origin = { ip: request.ip ?? null, userAgent: headerValue(request, 'user-agent', 256) };
    if (kind !== 'admin_action') {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const resource = (body.resource ?? {}) as Record<string, unknown>;
      return {
        kind,
        actor: { type: 'wechatpay', id: headerValue(request, 'wechatpay-serial') },
        payload: {
          route,
          notificationId: body.id ?? null,
          eventType: body.event_type ?? null,
          createTime: body.create_time ?? null,
          summary: body.summary ?? null,
          resourceType: resource.original_type ?? null,
          timestamp: headerValue(request, 'wechatpay-timestamp'),
          ...origin,
        },
      };
    }
    const auth = request.auth;
    if (!auth || auth.role !== 'admin' || READS.has(request.method)) return null;
    return {
      kind: 'admin_action',
      actor: { type: 'admin', id: auth.id },
      payload: { method: request.method, route, params: request.params ?? {}, body: request.body ?? null, ...origin },
    };
  }
}

function headerValue(request: FastifyRequest, name: string, max = 64): string | null {
  const v = request.headers[name];
  return typeof v === 'string' ? v.slice(0, max) : null;
}
