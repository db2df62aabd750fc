import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app.factory';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { WECHAT_SANDBOX } from '../../src/modules/wechat/wechat.module';
import { REDACT_PATHS } from '../../src/observability/logger';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import { ConformanceRecorder } from './openapi-conformance';

export const usingMysql = (process.env.DATABASE_URL ?? '').startsWith('mysql');
export const usingRedis = Boolean(process.env.REDIS_URL);
export const backendLabel = `${usingMysql ? 'MariaDB' : 'SQLite'} + ${usingRedis ? 'Redis' : 'memory cache'}`;

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  baseUrl: string;
  http: TestAgent;
  /** base URL of the separate metrics listener when METRICS_PORT is set, else null */
  metricsUrl: string | null;
  /** every log line the app wrote, for assertions about what must never be logged */
  logs: string[];
  /** the app's WeChat sandbox (WeChat Pay, the platform); throws when this app runs without one */
  readonly sandbox: WechatSandbox;
  close(): Promise<void>;
}

/**
 * Boots the real application on a real port: SQLite in a fresh temp file by default, or the
 * MariaDB/Redis named by DATABASE_URL/REDIS_URL (each app gets its own Redis key prefix).
 */
export async function startTestApp(env: Record<string, string | undefined> = {}): Promise<TestApp> {
  const dir = join(tmpdir(), 'sutwxapp-tests');
  mkdirSync(dir, { recursive: true });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL || `sqlite:${join(dir, `${randomUUID()}.sqlite`)}`,
    REDIS_URL: process.env.REDIS_URL,
    MONGODB_URI: process.env.MONGODB_URI,
    REDIS_KEY_PREFIX: `test:${randomUUID().slice(0, 8)}:`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    // tests log in many shoppers from one IP; the limiter has its own test with a low limit
    LOGIN_RATE_LIMIT: '100000',
    ADMIN_LOGIN_RATE_LIMIT: '100000',
    // every test shopper shares 127.0.0.1; the per-IP event limit has its own test
    EVENTS_PER_IP_PER_MINUTE: '10000000',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    // each app its own media directory: deletion tests must not remove another app's files
    MEDIA_LOCAL_DIR: join(dir, `media-${randomUUID()}`),
    // One jest worker hosts every suite's apps in one heap: readiness's heap check would measure
    // the worker, not an app.
    HEALTH_HEAP_LIMIT_MB: '16384',
    // apps naming the same sandbox port share one sandbox (restart and replica tests set it)
    WECHAT_SANDBOX_PORT: process.env.WECHAT_SANDBOX_PORT,
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const logger = pino({ level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
  const conformance = new ConformanceRecorder();
  const { app, metricsPort } = await createApp(config, logger, (fastify) => conformance.attach(fastify));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  // The app points the sandbox's message push at PUBLIC_BASE_URL; a test app listens on a random
  // port, so point it there (as an operator enters the real URL in WeChat's admin console).
  const sandbox = app.get<WechatSandbox | null>(WECHAT_SANDBOX, { strict: false });
  sandbox?.platform.configurePush({
    url: `${baseUrl}/api/v1/wechat/push`,
    token: config.wechatPlatform.pushToken,
    encodingAesKey: config.wechatPlatform.encodingAesKey,
  });
  return {
    app,
    config,
    baseUrl,
    http: request(baseUrl),
    metricsUrl: metricsPort === null ? null : `http://127.0.0.1:${metricsPort}`,
    logs,
    get sandbox(): WechatSandbox {
      if (!sandbox) throw new Error('this test app runs without the WeChat sandbox');
      return sandbox;
    },
    // Every answer this app gave must match the OpenAPI document: a mismatch fails the suite.
    close: async () => {
      const violations = conformance.check(app);
      await closeWithin(app, logs);
      if (violations.length > 0) {
        throw new Error(
          `OpenAPI conformance: ${violations.length} answer(s) differ from the document (docs/openapi.md):\n` +
            violations.slice(0, 25).join('\n'),
        );
      }
    },
  };
}

/** After this, connections still open are cut (every test of the suite has had its answer). */
const CLOSE_GRACE_MS = 10_000;
/** After this, the close is reported as hung, with what is still open. */
const CLOSE_LIMIT_MS = 45_000;

/**
 * Closes the app; a close that hangs fails with what still holds it (open handles, the app's
 * last log lines) instead of a bare hook timeout. HTTP connections still open after the grace
 * are cut: a test that left a request unfinished must not hold the suite past its timeout.
 */
async function closeWithin(app: NestFastifyApplication, logs: string[]): Promise<void> {
  let settled = false;
  const closing = app.close().finally(() => {
    settled = true;
  });
  const timers: NodeJS.Timeout[] = [];
  const after = (ms: number): Promise<void> => new Promise((resolve) => timers.push(setTimeout(resolve, ms)));
  try {
    await Promise.race([closing, after(CLOSE_GRACE_MS)]);
    if (settled) return;
    const server = app.getHttpServer() as import('node:http').Server;
    server.closeAllConnections();
    await Promise.race([closing, after(CLOSE_LIMIT_MS - CLOSE_GRACE_MS)]);
    if (settled) return;
    const open = process.getActiveResourcesInfo().reduce<Record<string, number>>((acc, r) => {
      acc[r] = (acc[r] ?? 0) + 1;
      return acc;
    }, {});
    throw new Error(
      `the app did not close within ${CLOSE_LIMIT_MS / 1000} s; open resources ${JSON.stringify(open)}; ` +
        `its last log lines:\n${logs.slice(-30).join('\n')}`,
    );
  } finally {
    for (const t of timers) clearTimeout(t);
  }
}
