import 'reflect-metadata';
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { shutdownState } from './modules/health/shutdown-state';
import { createRootLogger, startupComplete } from './observability/logger';

const SHUTDOWN_TIMEOUT_MS = 10_000;

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createRootLogger(config.logLevel);
  const { app, metricsPort } = await createApp(config, logger);
  await app.listen({ port: config.port, host: config.host });
  logger.info(
    {
      port: config.port,
      database: config.database.type,
      cache: config.redisUrl ? 'redis' : 'memory',
      events: config.mongodbUri ? 'mongodb' : 'sql',
      wechatSandbox: config.wechatSandbox,
      metricsPort,
    },
    `SutWxApp API listening on http://127.0.0.1:${config.port}/api/v1` +
      (config.exposure.openapiDocs ? ' (docs: /api/docs)' : ' (docs off)') +
      (metricsPort === null ? '' : `; /metrics on port ${metricsPort}`),
  );
  // start-up lines went out one by one; request logging under a collector is batched from here
  startupComplete(logger);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    shutdownState.shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    const timer = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      logger.flush();
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    try {
      // Optional pause so load balancers see readiness fail before the listener closes.
      const drainDelay = config.runtime.shutdownDelayMs;
      if (drainDelay > 0) await new Promise((r) => setTimeout(r, drainDelay));
      await drainConnections(app.getHttpServer() as Server);
      // Close HTTP (nothing is connected any more), then the pools those requests used.
      await app.getHttpAdapter().getInstance().close();
      await app.close();
      logger.info('shutdown complete');
      logger.flush();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      logger.flush();
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** How long a keep-alive connection may sit idle after the listener closed before it is cut. */
const IDLE_GRACE_MS = 2000;

/**
 * Stops accepting connections and waits until every open one has finished. Only the TCP listener
 * is closed: http.Server#close() would also destroy idle keep-alive connections at once, racing a
 * load balancer that is sending a request on one right then (nginx never replays a POST that
 * failed after it was sent). From here on every response carries `Connection: close` (see
 * http-hooks), so each connection ends after its next request; the balancer's new connects are
 * refused, which it retries elsewhere. Connections still idle after a grace period are cut.
 */
function drainConnections(server: Server): Promise<void> {
  return new Promise((resolve) => {
    let sweep: NodeJS.Timeout | undefined;
    const grace = setTimeout(() => {
      server.closeIdleConnections();
      sweep = setInterval(() => server.closeIdleConnections(), 250);
    }, IDLE_GRACE_MS);
    NetServer.prototype.close.call(server, () => {
      clearTimeout(grace);
      clearInterval(sweep);
      resolve();
    });
    shutdownState.listenerClosed = true;
  });
}

bootstrap().catch((err: unknown) => {
  console.error('SutWxApp failed to start:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
