// Runs one of the jest e2e security files (the ones `npm test` runs too) on SQLite and, when the
// shared MariaDB answers, on MariaDB + Redis, collecting the figures they write.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { ROOT, scratchDir } from './common.mjs';
import { sharedMysqlServerUrl, withDatabase, mysqlConnect } from './services.mjs';

function runJest(file, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/.bin/jest'), '--ci', file], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

export async function runSecurityJest(name, file) {
  const reportDir = scratchDir(`${name}-report`);
  const runs = [];
  const sqlite = await runJest(file, {
    RESILIENCE_REPORT_DIR: reportDir,
    DATABASE_URL: '',
    REDIS_URL: '',
    MONGODB_URI: '',
  });
  runs.push({ backend: 'SQLite + memory cache', ...sqlite, report: readReport(reportDir, `${name}-sqlite`) });
  let mysqlUrl = null;
  let dbName = null;
  try {
    const server = sharedMysqlServerUrl();
    dbName = `sutwxapp_res_jest_${process.pid}`;
    const c = await mysqlConnect(server);
    await c.query(`CREATE DATABASE IF NOT EXISTS \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    mysqlUrl = withDatabase(server, dbName);
  } catch {
    mysqlUrl = null;
  }
  if (mysqlUrl) {
    const redis = process.env.REDIS_URL_CI || process.env.RESILIENCE_REDIS_URL || 'redis://127.0.0.1:6379';
    const maria = await runJest(file, { RESILIENCE_REPORT_DIR: reportDir, DATABASE_URL: mysqlUrl, REDIS_URL: redis });
    runs.push({ backend: 'MariaDB + Redis', ...maria, report: readReport(reportDir, `${name}-mariadb`) });
    const c = await mysqlConnect(sharedMysqlServerUrl());
    await c.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await c.end();
  }
  rmSync(reportDir, { recursive: true, force: true });
  return runs.map((r) => ({
    ...r,
    summary: /Tests:\s+([^\n]+)/.exec(r.out)?.[1]?.trim() ?? 'no summary',
    seconds: Number(/Time:\s+([\d.]+) s/.exec(r.out)?.[1] ?? NaN),
    failures: [
      // the requests a failing test names (e.g. "POST /api/v1/events [events.0 = []]: 500"), else its title
      ...new Set(
        [
          ...r.out.matchAll(
            /((?:GET|POST|PATCH|PUT|DELETE) \/\S+ \[.+?\]: (?:\d{3}|wanted \d{3}, got \d{3}|accepted with \d{3}))/g,
          ),
        ].map((m) => m[1]),
      ),
      ...[...r.out.matchAll(/● (.+)/g)].map((m) => m[1]).filter((l) => !l.includes('Console')),
    ],
  }));
}

function readReport(dir, name) {
  const file = join(dir, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}
