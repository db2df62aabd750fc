import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { shutdownState } from './modules/health/shutdown-state';
import { createRootLogger } from './observability/logger';

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
  const { app } = await createApp(config, logger);
  await app.listen({ port: config.port, host: config.host });
  logger.info(
    {
      port: config.port,
      database: config.database.type,
      cache: config.redisUrl ? 'redis' : 'memory',
      events: config.mongodbUri ? 'mongodb' : 'sql',
      wechatSandbox: config.wechatSandbox,
    },
    `SutWxApp API listening on http://127.0.0.1:${config.port}/api/v1 (docs: /api/docs)`,
  );

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
      const drainDelay = Number(process.env.SHUTDOWN_DELAY_MS ?? 0);
      if (drainDelay > 0) await new Promise((r) => setTimeout(r, drainDelay));
      // Close HTTP first (stop accepting, finish in-flight), then the pools those requests use.
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

bootstrap().catch((err: unknown) => {
  console.error('SutWxApp failed to start:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
