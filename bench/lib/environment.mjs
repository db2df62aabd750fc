// What the figures were measured on: machine, kernel, Node, the packages on the hot path, the
// database and cache servers, and the commit (with a note when the tree had local changes).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import Redis from 'ioredis';
import { adminDb } from './shop.mjs';

const PACKAGES = [
  '@nestjs/core',
  '@nestjs/platform-fastify',
  'fastify',
  'typeorm',
  'mysql2',
  'ioredis',
  'pino',
  'prom-client',
  'autocannon',
];

function version(pkg) {
  try {
    return JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;
  } catch {
    return 'n/a';
  }
}

function git(args) {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export async function collectEnvironment(settings) {
  let mariadb = 'n/a';
  let redis = 'n/a';
  try {
    const conn = await adminDb(settings.mysqlUrl);
    const [[row]] = await conn.query('SELECT VERSION() AS v');
    mariadb = row.v;
    await conn.end();
  } catch {
    // reported as n/a
  }
  try {
    const client = new Redis(settings.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    redis = /redis_version:(\S+)/.exec(await client.info('server'))?.[1] ?? 'n/a';
    client.disconnect();
  } catch {
    // reported as n/a
  }
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    packages: Object.fromEntries(PACKAGES.map((p) => [p, version(p)])),
    mariadb,
    redis,
    commit: git(['rev-parse', '--short', 'HEAD']) || 'n/a',
    dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    loadAverage: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
  };
}
