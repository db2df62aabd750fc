// The API booted exactly as dist/apps/api/src/main.js boots it (loadConfig → createRootLogger →
// createApp → listen), plus one thing main.js cannot give: the in-process WeChat sandbox's pay
// credentials, sent to the runner over IPC so it can sign notifications the way WeChat Pay does.
// Nothing new is exposed over HTTP; the notifications are then measured over real HTTP.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const dist = resolve(process.env.BENCH_DIST ?? 'dist');
require('reflect-metadata');
const { createApp } = require(`${dist}/apps/api/src/app.factory.js`);
const { loadConfig } = require(`${dist}/apps/api/src/config/app-config.js`);
const { createRootLogger, startupComplete } = require(`${dist}/apps/api/src/observability/logger.js`);
const { WECHAT_SANDBOX } = require(`${dist}/apps/api/src/modules/wechat/wechat.module.js`);

const config = loadConfig();
const logger = createRootLogger(config.logLevel);
const { app } = await createApp(config, logger);
await app.listen({ port: config.port, host: config.host });
startupComplete(logger);
const sandbox = app.get(WECHAT_SANDBOX);
process.send({ type: 'ready', pay: sandbox.credentials.pay });

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await app.getHttpAdapter().getInstance().close();
  await app.close();
  logger.flush();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
