#!/usr/bin/env node
/**
 * Copies libs/contracts/src into the mini-program root (miniprogram/src/contracts), because
 * WeChat DevTools compiles only files inside `miniprogramRoot` and cannot resolve tsconfig paths.
 * Each copy starts with a "GENERATED — do not edit" header; files that no longer exist in the
 * library are removed. The copies are a build product (git-ignored): `npm run miniprogram:build`,
 * `npm run typecheck` and the mini-program test suites' global setup write them.
 *
 *   node scripts/build-miniprogram-contracts.mjs          write the copies
 *   node scripts/build-miniprogram-contracts.mjs --quiet  write the copies, print nothing when current
 *   node scripts/build-miniprogram-contracts.mjs --check  exit 1 when the copies are stale
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'libs/contracts/src');
const targetDir = join(root, 'miniprogram/src/contracts');
const check = process.argv.includes('--check');
const quiet = process.argv.includes('--quiet');

const header = (file) =>
  [
    `// GENERATED — do not edit. Source: libs/contracts/src/${file}`,
    '// Built by `npm run miniprogram:contracts` (also run by miniprogram:build, typecheck and the tests); git-ignored.',
    '',
  ].join('\n');

/** The copies may only import each other: anything else would not resolve inside DevTools. */
function assertSelfContained(file, text) {
  for (const match of text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
    if (!match[1].startsWith('./')) {
      throw new Error(`libs/contracts/src/${file} imports "${match[1]}": contracts may only import ./siblings`);
    }
  }
}

function expectedFiles() {
  const files = new Map();
  for (const file of readdirSync(sourceDir).sort()) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts') || file.endsWith('.test.ts')) continue;
    const text = readFileSync(join(sourceDir, file), 'utf8');
    assertSelfContained(file, text);
    files.set(file, header(file) + text);
  }
  return files;
}

const expected = expectedFiles();
const present = existsSync(targetDir) ? readdirSync(targetDir).filter((f) => f.endsWith('.ts')) : [];
const stale = [];
for (const [file, text] of expected) {
  const path = join(targetDir, file);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(file);
}
const extra = present.filter((f) => !expected.has(f));
const where = relative(root, targetDir);

if (check) {
  if (stale.length === 0 && extra.length === 0) {
    console.log(`${where}: ${expected.size} files, current`);
    process.exit(0);
  }
  for (const f of stale) console.error(`${where}/${f} is missing or differs from libs/contracts/src/${f}`);
  for (const f of extra) console.error(`${where}/${f} has no source in libs/contracts/src`);
  console.error('Run `npm run miniprogram:contracts`.');
  process.exit(1);
}

mkdirSync(targetDir, { recursive: true });
for (const file of stale) writeFileSync(join(targetDir, file), expected.get(file));
for (const file of extra) rmSync(join(targetDir, file));
if (!quiet || stale.length > 0 || extra.length > 0) {
  console.log(`${where}: ${expected.size} files (${stale.length} written, ${extra.length} removed)`);
}
