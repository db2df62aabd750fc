import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

export function sendError(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { body, unexpected } = toErrorResponse(exception, request.id);
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
