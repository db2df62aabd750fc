import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { register } from 'prom-client';
import { ErrorCode } from '@sutwxapp/contracts';
import type { ExposureConfig } from '../config/app-config';
import { refreshDependencyGauges } from './metrics';

/** The request path without its query string. */
const pathOf = (url: string): string => url.split('?', 1)[0];

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * /metrics on the public port: 404 when it lives on its own port, 401 without the bearer token
 * when one is configured; otherwise served, after refreshing stale dependency gauges. A hook, so
 * it runs before routing for every spelling of the path.
 */
export function guardPublicMetrics(fastify: FastifyInstance, exposure: ExposureConfig): void {
  const { port, token } = exposure.metrics;
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (pathOf(request.url).replace(/\/+$/, '') !== '/metrics') return;
    if (port === null && (token === null || tokenMatches(request.headers.authorization, token))) {
      await refreshDependencyGauges();
      return;
    }
    const status = port === null ? 401 : 404;
    return reply.status(status).send({
      statusCode: status,
      code: status === 404 ? ErrorCode.ROUTE_NOT_FOUND : ErrorCode.UNAUTHORIZED,
      message: status === 404 ? 'Not found' : 'Metrics need Authorization: Bearer <METRICS_TOKEN>',
      requestId: request.id,
    });
  });
}

/**
 * The metrics listener on METRICS_PORT: only GET /metrics, nothing of the API. Closed with the app.
 * Resolves once listening, with the port actually bound (METRICS_PORT=0 in tests).
 */
export async function startMetricsServer(host: string, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || pathOf(req.url ?? '') !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    refreshDependencyGauges()
      .then(() => register.metrics())
      .then(
        (text) => res.writeHead(200, { 'content-type': register.contentType }).end(text),
        (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(err)}\n`),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
