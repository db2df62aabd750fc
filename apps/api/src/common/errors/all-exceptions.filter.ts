import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode } from '@sutwxapp/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';

/** The one place that turns any thrown value into the one error shape. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendError(exception, request, reply);
  }
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The methods a path does answer to, so a wrong method gets 405 + Allow rather than 404. */
export function allowedMethods(fastify: FastifyInstance, method: string, url: string): string[] {
  const path = url.split('?')[0];
  // a route for this very method answered 404 itself (an unknown asset): a real "not found"
  if (fastify.findRoute({ method, url: path }) !== null) return [];
  return METHODS.filter((m) => m !== method && fastify.findRoute({ method: m, url: path }) !== null);
}

export function sendError(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  let { body, unexpected } = toErrorResponse(exception, request.id);
  if (body.code === ErrorCode.ROUTE_NOT_FOUND) {
    const allowed = allowedMethods(request.server, request.method, request.url);
    if (allowed.length > 0) {
      void reply.header('allow', allowed.join(', '));
      const path = request.url.split('?')[0];
      body = {
        statusCode: 405,
        code: ErrorCode.METHOD_NOT_ALLOWED,
        message: `${request.method} is not allowed on ${path}; it answers ${allowed.join(', ')}`,
        requestId: body.requestId,
      };
      unexpected = false;
    }
  }
  if (unexpected) {
    request.log.error({ err: exception, route: request.routeOptions?.url }, 'unhandled error');
  } else if (body.statusCode >= 500) {
    request.log.warn({ code: body.code, err: (exception as Error)?.message }, 'request failed: dependency unavailable');
  }
  if (body.statusCode === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
  if (!reply.sent) {
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
