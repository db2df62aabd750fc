import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { adminCreateEnv, ConfigError, type AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { hashPassword } from '../modules/auth/admin-account.service';
import { normaliseUsername, passwordProblem } from '../modules/auth/username';

/**
 * npm run admin:create -- --username ops --password '…'
 * (or ADMIN_USERNAME/ADMIN_PASSWORD in the environment, or answer the prompts).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const env = adminCreateEnv();
  let username = arg('username') ?? env.username;
  let password = arg('password') ?? env.password;
  if (!username || !password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    username ||= (await rl.question('admin username: ')).trim();
    password ||= await rl.question('password (at least 8 characters): ');
    rl.close();
  }
  username = normaliseUsername(username ?? '');
  if (!username || !/^[\w.@-]{1,64}$/.test(username)) throw new Error('username must be 1-64 letters, digits, . @ - _');
  const problem = passwordProblem(password ?? '');
  if (problem) throw new Error(problem);

  const config = env.loadConfig();
  if (config.database.type === 'sqlite' && config.database.path !== ':memory:') {
    mkdirSync(dirname(config.database.path), { recursive: true });
  }
  // Never migrates: pointed at the wrong (empty) database by mistake, it would otherwise build
  // a whole schema there and report success. Schema changes go through `cli.js run` only.
  const db = await new DataSource(dataSourceOptions(config.database)).initialize();
  try {
    if (await db.showMigrations()) {
      throw new Error(
        `database ${describe(config.database)} has pending migrations (empty or older schema): ` +
          'run `npm run migration:run` (image: node dist/apps/api/src/database/cli.js run) first, ' +
          'or check DATABASE_URL points at the shop database',
      );
    }
    const now = new Date();
    const existing = (await db.query('SELECT id FROM admin_users WHERE username = ?', [username])) as unknown[];
    if (existing.length > 0) {
      await db
        .createQueryBuilder()
        .update('admin_users')
        // a reset ends every session of that operator (token_version moves on)
        .set({
          password_hash: await hashPassword(password!),
          updated_at: now,
          token_version: () => 'token_version + 1',
        })
        .where('username = :username', { username })
        .execute();
      console.log(`admin "${username}" existed: password updated`);
    } else {
      await db
        .createQueryBuilder()
        .insert()
        .into('admin_users')
        .values({
          username,
          password_hash: await hashPassword(password),
          role: 'admin',
          created_at: now,
          updated_at: now,
        })
        .execute();
      console.log(`admin "${username}" created`);
    }
  } finally {
    await db.destroy();
  }
}

function describe(database: AppConfig['database']): string {
  return database.type === 'sqlite' ? database.path : `${database.database} on ${database.host}:${database.port}`;
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
  process.exit(1);
});
