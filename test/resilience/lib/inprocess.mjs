// Boots the built application inside this process (like the jest e2e tests do), listening on a
// real loopback port, so a scenario can reach the in-process WeChat sandbox (signing keys,
// simulatePayment) while every request still goes over HTTP. Logs go to a file, redacted by the
// app's own REDACT_PATHS, for the secrets grep.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TMP, requireFromRoot } from './common.mjs';
import { apiEnv } from './procs.mjs';

const dist = (p) => requireFromRoot(join(ROOT, 'dist', p));

export async function bootInProcess(name, { port, env = {}, dataDir }) {
  const { createApp } = dist('apps/api/src/app.factory.js');
  const { loadConfig } = dist('apps/api/src/config/app-config.js');
  const { REDACT_PATHS } = dist('apps/api/src/observability/logger.js');
  const { WECHAT_SANDBOX } = dist('apps/api/src/modules/wechat/wechat.module.js');
  const pino = requireFromRoot('pino');
  mkdirSync(join(TMP, 'logs'), { recursive: true });
  const logFile = join(TMP, 'logs', `${name}.log`);
  const destination = pino.destination({ dest: logFile, sync: true, append: true });
  const logger = pino(
    {
      level: 'info',
      base: { service: 'sutwxapp-api' },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
  const config = loadConfig(apiEnv({ port, dataDir, env }));
  const { app } = await createApp(config, logger);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    config,
    logFile,
    baseUrl: `http://127.0.0.1:${port}`,
    sandbox: app.get(WECHAT_SANDBOX),
    get: (token) => app.get(token),
    dist,
    async close() {
      await app.close();
      destination.flushSync();
    },
  };
}
