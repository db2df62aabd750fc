#!/usr/bin/env node
// Builds the merchant console (apps/admin) into dist/admin, part of `npm run build`.
// Skipped when nothing it is built from changed since the last build (a hash of its sources,
// the libraries it imports and the lock file is kept beside the output). Prints the initial
// JavaScript (entry + its static imports) gzipped and fails over the budget.
//   node scripts/admin-build.mjs [--force] [--check-budget-only]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist/admin');
const STAMP = join(OUT, '.source-hash');
export const BUDGET_BYTES = 300 * 1024;
const SOURCES = [
  'apps/admin',
  'libs/contracts/src',
  'libs/api-client/src',
  'package-lock.json',
  'scripts/admin-build.mjs',
];

function files(path) {
  const abs = join(ROOT, path);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [abs];
  return readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && !e.name.endsWith('.test.ts') && e.name !== 'e2e')
    .flatMap((e) => files(join(path, e.name)));
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(files).sort()) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The JS a first visit downloads before anything else: index.html's entry and modulepreloads. */
export function initialJs(outDir = OUT) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const chunks = [...new Set(refs)].map((ref) => {
    const gz = gzipSync(readFileSync(join(outDir, ref)), { level: 9 }).length;
    return { file: ref, gzipBytes: gz };
  });
  return { chunks, gzipBytes: chunks.reduce((n, c) => n + c.gzipBytes, 0) };
}

function report() {
  const { chunks, gzipBytes } = initialJs();
  const kb = (n) => (n / 1024).toFixed(1);
  const over = gzipBytes > BUDGET_BYTES;
  console.log(
    `admin console: initial JS ${kb(gzipBytes)} KB gzipped (budget ${kb(BUDGET_BYTES)} KB) in ${chunks.length} file(s)${over ? ' — OVER BUDGET' : ''}`,
  );
  if (over) {
    for (const c of chunks) console.log(`  ${c.file}: ${kb(c.gzipBytes)} KB`);
    process.exitCode = 1;
  }
}

const args = process.argv.slice(2);
if (args.includes('--check-budget-only')) {
  report();
} else {
  const hash = sourceHash();
  const fresh = existsSync(STAMP) && existsSync(join(OUT, 'index.html')) && readFileSync(STAMP, 'utf8') === hash;
  if (fresh && !args.includes('--force')) {
    if (!process.env.npm_config_loglevel?.includes('silent')) console.log('admin console: up to date');
    report();
  } else {
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'apps/admin/vite.config.ts'), logLevel: 'warn' });
    writeFileSync(STAMP, hash);
    report();
  }
}
