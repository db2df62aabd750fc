// The API booted exactly as dist/apps/api/src/main.js boots it (loadConfig → createRootLogger →
// createApp → listen), plus one thing main.js cannot give: the in-process WeChat sandbox's pay
// credentials, sent to the runner over IPC so it can sign notifications the way WeChat Pay does.
// Nothing new is exposed over HTTP; the notifications are then measured over real HTTP.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';

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

// The bench's profile case asks for a CPU profile of one stretch of load at a time (in-process
// inspector: only the runner's messages start it, nothing is reachable over the network).
let session = null;
// The soak asks, every few seconds, what survived each full collection since it last asked
// (V8's GCProfiler, restarted at each read so it holds a few seconds of entries at most).
let gcProfiler = null;
process.on('message', async (msg) => {
  if (msg?.type === 'gc-read') {
    const stats = gcProfiler?.stop().statistics ?? [];
    gcProfiler = new v8.GCProfiler();
    gcProfiler.start();
    const full = stats
      .filter((x) => x.gcType === 'MarkSweepCompact')
      .map((x) => ({ used: x.afterGC.heapStatistics.usedHeapSize }));
    process.send({ type: 'gc-read', full });
  } else if (msg?.type === 'profile-start') {
    const { Session } = await import('node:inspector/promises');
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    process.send({ type: 'profile-started' });
  } else if (msg?.type === 'profile-stop' && session) {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    session = null;
    writeFileSync(msg.file, JSON.stringify(profile));
    process.send({ type: 'profile-written', file: msg.file });
  }
});

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
