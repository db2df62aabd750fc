import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import pino from 'pino';
import { createApp } from '../app.factory';
import { buildOpenApiDocument } from '../common/openapi/openapi-document';
import { loadConfig } from '../config/app-config';

/**
 * Writes the OpenAPI document of the application as built (`npm run openapi`): boots it on an
 * in-memory SQLite database with the WeChat sandbox, never listens, and prints nothing else.
 *   node dist/apps/api/src/cli/openapi.js [output file, default docs/openapi.json]
 */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'docs/openapi.json');
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: 'sqlite::memory:',
    SEED_DEMO: 'false',
    JWT_SECRET: 'openapi-document-only-openapi-document-only',
    DATA_DIR: tmpdir(),
    LOG_LEVEL: 'silent',
  });
  const { app } = await createApp(config, pino({ level: 'silent' }));
  try {
    writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
