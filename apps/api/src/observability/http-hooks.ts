import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { badlyEncodedQueryParameter, badQueryError } from '../common/errors/framework-errors';
import { sendError } from '../common/errors/all-exceptions.filter';
import { shutdownState } from '../modules/health/shutdown-state';
import type { Logger } from 'pino';
import { accessLogger } from './logger';
import { metrics, routeClass } from './metrics';
import { runForRequest } from './request-context';

const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Honours a caller's X-Request-Id (from nginx or the mini-program) when it is sane. */
export function genRequestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  if (typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming)) return incoming;
  return randomUUID();
}

const started = Symbol('startedAt');
type Timed = FastifyRequest & { [started]?: bigint };

/**
 * Request id echo, one access-log line and the HTTP metrics, as Fastify hooks: they see every
 * request, including 404s and body-parser failures that never reach a Nest interceptor.
 * Labels use the route template (`/api/v1/orders/:id`), never the raw URL.
 */
export function registerHttpHooks(fastify: FastifyInstance): void {
  const access = accessLogger(fastify.log as Logger);
  fastify.addHook('onRequest', (request: Timed, reply: FastifyReply, done: () => void) => {
    request[started] = process.hrtime.bigint();
    metrics.httpInFlight.inc();
    void reply.header('x-request-id', request.id);
    // Draining after SIGTERM: keep-alive connections end after their current request, and the
    // load balancer's next connect is refused, which it retries on another replica.
    if (shutdownState.listenerClosed) void reply.header('connection', 'close');
    // Fastify's query parser keeps a broken %-escape as literal text (`%E8%93` searched as is);
    // say what is wrong with the URL instead of answering an empty page.
    const badParameter = badlyEncodedQueryParameter(request.url);
    if (badParameter !== null) {
      sendError(badQueryError(badParameter), request, reply);
      return;
    }
    // the rest of the request runs inside its context: services' log lines carry its id
    runForRequest(request.id, done);
  });
  fastify.addHook('onResponse', (request: Timed, reply: FastifyReply, done: () => void) => {
    metrics.httpInFlight.dec();
    const seconds = Number(process.hrtime.bigint() - (request[started] ?? process.hrtime.bigint())) / 1e9;
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = {
      method: request.method,
      route,
      class: routeClass(request.routeOptions.url),
      status_code: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, seconds);
    if (route !== '/metrics' && !route.startsWith('/api/v1/health')) {
      // requestId first, as the request's child logger would bind it: the same line, byte for byte
      access.info(
        {
          requestId: request.id,
          method: request.method,
          url: request.url,
          route,
          status: reply.statusCode,
          ms: Math.round(seconds * 1e4) / 10,
        },
        'request',
      );
    }
    done();
  });
}
