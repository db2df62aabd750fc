import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { clientErrorHandler, frameworkErrorHandler, refuseWithoutHost } from './common/errors/framework-errors';
import { buildOpenApiDocument } from './common/openapi/openapi-document';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { registerAdminConsole } from './infra/admin-console';
import { serializeReply } from './infra/cache/prepared-json';
import { registerHttpHooks, genRequestId } from './observability/http-hooks';
import { guardPublicMetrics, startMetricsServer } from './observability/metrics-exposure';
import { createRootLogger, PinoNestLogger } from './observability/logger';

export const API_PREFIX = 'api/v1';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/** Fastify's default schema compilers, required from Fastify's own dependencies on first use. */
function lazyFastifyCompilers(): CompilersFactory {
  const fromFastify = createRequire(createRequire(__filename).resolve('fastify'));
  type Factory = (...args: unknown[]) => unknown;
  const lazy = (name: string): Factory => {
    let factory: Factory | undefined;
    return (...args) => (factory ??= (fromFastify(name) as () => Factory)())(...args);
  };
  return {
    buildValidator: lazy('@fastify/ajv-compiler'),
    buildSerializer: lazy('@fastify/fast-json-stringify-compiler'),
  } as CompilersFactory;
}

export interface CreatedApp {
  app: NestFastifyApplication;
  logger: Logger;
  /** the port /metrics listens on when METRICS_PORT moved it off the public port */
  metricsPort: number | null;
}

/** Longer than any proxy in front of us keeps an idle upstream connection (nginx: 60 s). */
const KEEP_ALIVE_TIMEOUT_MS = 75_000;

/** Builds the fully configured application (not yet listening). Used by main.ts and by tests. */
export async function createApp(
  config: AppConfig,
  logger: Logger = createRootLogger(config.logLevel),
  /** extra Fastify hooks, registered before any route (the tests' OpenAPI conformance recorder) */
  extendFastify?: (fastify: FastifyInstance) => void,
): Promise<CreatedApp> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // One access-log line per request is written by our onResponse hook instead.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: genRequestId,
    bodyLimit: config.runtime.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // Refusals before any route runs (unparseable request line, raw UTF-8 in the URL, 431, a bad
    // %-escape in the path) answer in the one error shape too.
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
    // Fastify builds Ajv and fast-json-stringify at construction (~45 ms of every start-up) for
    // route schemas, which this app does not use: Nest's ValidationPipe validates. They are
    // loaded the first time a route with a schema is registered, if one ever is.
    schemaController: { compilersFactory: lazyFastifyCompilers() },
    // wx.request cannot send PATCH: the mini-program sends POST + X-HTTP-Method-Override: PATCH.
    // Rewritten before routing, and only POST → PATCH, so nothing else can be smuggled.
    serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
      const server = createServer({ requireHostHeader: false }, (req, res) => {
        if (refuseWithoutHost(req, res)) return;
        if (req.method === 'POST' && String(req.headers['x-http-method-override'] ?? '').toUpperCase() === 'PATCH') {
          req.method = 'PATCH';
        }
        handler(req, res);
      });
      // Idle keep-alive connections must outlive the proxy's (nginx upstream 60 s, cloud load
      // balancers 60 s): with Node's 5 s default the API closed a connection just as nginx reused
      // it, and a POST on it came back 502 (nginx retries only idempotent requests).
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
      return server;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    // WeChat Pay notifications are verified over the exact bytes received.
    rawBody: true,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // before any route is registered: each route takes the serializer it finds then
  fastify.setReplySerializer(serializeReply);
  registerHttpHooks(fastify);
  guardPublicMetrics(fastify, config.exposure);
  extendFastify?.(fastify);
  // JSON only: a text/plain body is refused with 415 instead of reaching validation as a string.
  fastify.removeContentTypeParser('text/plain');

  app.setGlobalPrefix(API_PREFIX, { exclude: ['metrics'] });
  app.useGlobalPipes(createValidationPipe());

  if (config.exposure.openapiDocs) {
    // Built on the first request to /api/docs or /api/docs-json, not at boot (start-up time).
    SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app));
  }
  registerAdminConsole(fastify, config.adminConsoleDir);
  let metricsServer: Awaited<ReturnType<typeof startMetricsServer>> | null = null;
  // Closed with the app, after the public listener (main.ts drains that first).
  fastify.addHook('onClose', (_instance, done) => {
    if (!metricsServer) return done();
    metricsServer.server.close(() => done());
    metricsServer.server.closeAllConnections();
  });
  await app.init();
  await fastify.ready();
  if (config.exposure.metrics.port !== null) {
    metricsServer = await startMetricsServer(config.host, config.exposure.metrics.port);
  }
  return { app, logger, metricsPort: metricsServer?.port ?? null };
}
