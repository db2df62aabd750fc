#!/usr/bin/env node
/**
 * Prints the size of the mini-program's main package and subpackages as DevTools would upload
 * them (TypeScript counted as the JavaScript it compiles to; declaration files, tsconfig and
 * packOptions.ignore excluded) and fails when the main package exceeds our budget.
 *
 * WeChat refuses a main package over 2 MB; we keep ours under 500 KB so first start stays fast.
 *
 *   node scripts/miniprogram-size.mjs          human-readable report, exit 1 over budget
 *   node scripts/miniprogram-size.mjs --json   the same numbers as JSON
 */
import { Buffer } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const MAIN_PACKAGE_BUDGET = 500 * 1024;
const WECHAT_MAIN_LIMIT = 2 * 1024 * 1024;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const projectDir = join(root, 'miniprogram');
const project = JSON.parse(readFileSync(join(projectDir, 'project.config.json'), 'utf8'));
const appRoot = join(projectDir, project.miniprogramRoot ?? '');
const app = JSON.parse(readFileSync(join(appRoot, 'app.json'), 'utf8'));
const subpackages = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''));
const ignored = (project.packOptions?.ignore ?? []).map((rule) => rule.value.replace(/^\.?\/+|\/+$/g, ''));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function uploadedBytes(path) {
  if (path.endsWith('.d.ts') || path.endsWith('tsconfig.json')) return 0;
  if (!path.endsWith('.ts')) return statSync(path).size;
  const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.CommonJS },
  });
  return Buffer.byteLength(outputText);
}

const packages = new Map([['main', { bytes: 0, files: 0 }]]);
for (const sub of subpackages) packages.set(sub, { bytes: 0, files: 0 });
const mainByDir = new Map();
for (const path of walk(appRoot)) {
  const rel = relative(appRoot, path).split(sep).join('/');
  if (ignored.some((rule) => rel === rule || rel.startsWith(`${rule}/`))) continue;
  const bytes = uploadedBytes(path);
  if (bytes === 0) continue;
  const owner = subpackages.find((sub) => rel.startsWith(`${sub}/`)) ?? 'main';
  const entry = packages.get(owner);
  entry.bytes += bytes;
  entry.files += 1;
  if (owner === 'main') {
    const top = rel.includes('/')
      ? rel
          .split('/')
          .slice(0, rel.startsWith('pages/') ? 2 : 1)
          .join('/')
      : '(root)';
    mainByDir.set(top, (mainByDir.get(top) ?? 0) + bytes);
  }
}

const main = packages.get('main');
const total = [...packages.values()].reduce((n, p) => n + p.bytes, 0);
const ok = main.bytes <= MAIN_PACKAGE_BUDGET && main.bytes <= WECHAT_MAIN_LIMIT;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({
      mainBytes: main.bytes,
      budgetBytes: MAIN_PACKAGE_BUDGET,
      totalBytes: total,
      packages: Object.fromEntries(packages),
      ok,
    }),
  );
} else {
  console.log(`mini-program main package: ${kb(main.bytes)} (${main.files} files; budget ${kb(MAIN_PACKAGE_BUDGET)})`);
  for (const [dir, bytes] of [...mainByDir].sort((a, b) => b[1] - a[1]))
    console.log(`  ${dir.padEnd(28)} ${kb(bytes)}`);
  for (const [name, p] of packages)
    if (name !== 'main') console.log(`subpackage ${name}: ${kb(p.bytes)} (${p.files} files)`);
  console.log(`total: ${kb(total)}`);
  if (!ok) console.error(`main package is ${kb(main.bytes)}, over the ${kb(MAIN_PACKAGE_BUDGET)} budget`);
}
process.exit(ok ? 0 : 1);
