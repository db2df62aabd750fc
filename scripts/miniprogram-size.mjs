#!/usr/bin/env node
/**
 * Prints the size of the mini-program's main package and of each subpackage the way WeChat
 * counts an upload with `ignoreUploadUnusedFiles`: only files reachable from app.json (its
 * pages, the components they use, the scripts those require, WXML imports/includes, WXS and
 * WXSS imports) are uploaded, so of miniprogram_npm only the TDesign components really used
 * count. TypeScript is counted as the JavaScript it compiles to; our own assets (images) always
 * count. Fails when any package is over its budget.
 *
 * Packages: a file under a subpackage root belongs to that subpackage, everything else
 * (including miniprogram_npm, which lives at the root) to the main package.
 *
 *   node scripts/miniprogram-size.mjs          human-readable report, exit 1 over budget
 *   node scripts/miniprogram-size.mjs --json   the same numbers as JSON
 *
 * Run `npm run miniprogram:npm` first: without miniprogram_npm the pages' TDesign components
 * cannot be resolved and the script says so.
 */
import { Buffer } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** WeChat's own limit per package is 2 MB; ours is half of that, for the first start's sake. */
const MAIN_PACKAGE_BUDGET = 1024 * 1024;
const SUBPACKAGE_BUDGET = 1024 * 1024;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const projectDir = join(root, 'miniprogram');
const project = JSON.parse(readFileSync(join(projectDir, 'project.config.json'), 'utf8'));
const appRoot = join(projectDir, project.miniprogramRoot ?? '');
const app = JSON.parse(readFileSync(join(appRoot, 'app.json'), 'utf8'));
const subpackages = (app.subPackages ?? app.subpackages ?? []).map((p) => ({
  root: p.root.replace(/\/+$/, ''),
  pages: p.pages,
}));
const ignored = (project.packOptions?.ignore ?? []).map((rule) => rule.value.replace(/^\.?\/+|\/+$/g, ''));
const NPM = 'miniprogram_npm';
const CODE = new Set(['.ts', '.js', '.json', '.wxml', '.wxss', '.wxs']);

const rel = (path) => relative(appRoot, path).split(sep).join('/');
const isFile = (path) => existsSync(path) && statSync(path).isFile();

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** WeChat's module lookup: relative, root-absolute, or the nearest miniprogram_npm upwards. */
function locate(fromDir, spec, exts) {
  const tryBase = (base) => {
    for (const ext of ['', ...exts]) if (isFile(base + ext)) return base + ext;
    for (const ext of exts) if (isFile(join(base, `index${ext}`))) return join(base, `index${ext}`);
    return null;
  };
  if (spec.startsWith('/')) return tryBase(join(appRoot, spec));
  if (spec.startsWith('.')) return tryBase(join(fromDir, spec));
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const found = tryBase(join(dir, NPM, spec));
    if (found) return found;
    if (dir === appRoot || !dir.startsWith(appRoot)) return null;
  }
}

const used = new Set();
const problems = [];

function useFile(path) {
  if (!path || used.has(path)) return;
  used.add(path);
  const dir = dirname(path);
  const ext = extname(path);
  // type-only imports vanish when TypeScript compiles
  const text = readFileSync(path, 'utf8').replace(/^\s*(?:import|export) type\b[^;]*;/gm, '');
  if (ext === '.ts' || ext === '.js' || ext === '.wxs') {
    const specs = [
      ...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
      ...text.matchAll(/\b(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']/g),
      ...text.matchAll(/\bimport\s*["']([^"']+)["']/g),
    ].map((m) => m[1]);
    for (const spec of specs) {
      const target = locate(dir, spec, ext === '.wxs' ? ['.wxs'] : ['.ts', '.js']);
      if (target) useFile(target);
      else problems.push(`${rel(path)}: cannot resolve ${spec}`);
    }
  } else if (ext === '.wxml') {
    for (const m of text.matchAll(/<(?:import|include|wxs)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/g)) {
      useFile(locate(dir, m[1], []) ?? locate(dir, `./${m[1]}`, []));
    }
  } else if (ext === '.wxss') {
    for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) useFile(locate(dir, m[1], ['.wxss']));
  }
}

/** A page or component: its four files and every component its JSON uses. */
function useComponent(base) {
  const json = `${base}.json`;
  if (used.has(json)) return;
  if (!isFile(json)) {
    problems.push(`${rel(base)}: no ${rel(json)}`);
    return;
  }
  useFile(json);
  for (const ext of ['.ts', '.js', '.wxml', '.wxss']) if (isFile(base + ext)) useFile(base + ext);
  const config = JSON.parse(readFileSync(json, 'utf8'));
  for (const [tag, target] of Object.entries(config.usingComponents ?? {})) {
    if (target.startsWith('plugin://')) continue;
    const found = locate(dirname(base), target, ['.json']);
    if (found) useComponent(found.replace(/\.json$/, ''));
    else
      problems.push(
        `${rel(json)}: <${tag}> ${target} not found${target.includes('/') ? ` (npm run miniprogram:npm?)` : ''}`,
      );
  }
}

for (const name of ['app.ts', 'app.js', 'app.json', 'app.wxss', app.sitemapLocation ?? 'sitemap.json']) {
  if (isFile(join(appRoot, name))) useFile(join(appRoot, name));
}
for (const target of Object.values(app.usingComponents ?? {})) {
  const found = locate(appRoot, target, ['.json']);
  if (found) useComponent(found.replace(/\.json$/, ''));
}
for (const page of app.pages) useComponent(join(appRoot, page));
for (const sub of subpackages) for (const page of sub.pages) useComponent(join(appRoot, sub.root, page));

function uploadedBytes(path) {
  if (path.endsWith('.d.ts') || path.endsWith('tsconfig.json')) return 0;
  if (!path.endsWith('.ts')) return statSync(path).size;
  const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.CommonJS },
  });
  return Buffer.byteLength(outputText);
}

const packages = new Map([['main', { bytes: 0, files: 0, budget: MAIN_PACKAGE_BUDGET }]]);
for (const sub of subpackages) packages.set(sub.root, { bytes: 0, files: 0, budget: SUBPACKAGE_BUDGET });
const mainByDir = new Map();
let unusedNpm = 0;
for (const path of walk(appRoot)) {
  const name = rel(path);
  if (ignored.some((rule) => name === rule || name.startsWith(`${rule}/`))) continue;
  const ownAsset = !name.startsWith(`${NPM}/`) && !CODE.has(extname(path));
  if (!used.has(path) && !ownAsset) {
    if (name.startsWith(`${NPM}/`)) unusedNpm += statSync(path).size;
    continue;
  }
  const bytes = uploadedBytes(path);
  if (bytes === 0) continue;
  const owner = subpackages.find((sub) => name.startsWith(`${sub.root}/`))?.root ?? 'main';
  const entry = packages.get(owner);
  entry.bytes += bytes;
  entry.files += 1;
  if (owner === 'main') {
    const parts = name.split('/');
    const top =
      parts.length === 1 ? '(root)' : parts.slice(0, parts[0] === NPM ? 3 : parts[0] === 'pages' ? 2 : 1).join('/');
    mainByDir.set(top, (mainByDir.get(top) ?? 0) + bytes);
  }
}

const total = [...packages.values()].reduce((n, p) => n + p.bytes, 0);
const over = [...packages].filter(([, p]) => p.bytes > p.budget);
const ok = over.length === 0 && problems.length === 0;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({
      mainBytes: packages.get('main').bytes,
      budgetBytes: MAIN_PACKAGE_BUDGET,
      subpackageBudgetBytes: SUBPACKAGE_BUDGET,
      totalBytes: total,
      unusedNpmBytes: unusedNpm,
      packages: Object.fromEntries([...packages].map(([k, p]) => [k, { bytes: p.bytes, files: p.files }])),
      usedFiles: [...used].map(rel).sort(),
      problems,
      ok,
    }),
  );
} else {
  const main = packages.get('main');
  console.log(`mini-program main package: ${kb(main.bytes)} (${main.files} files; budget ${kb(main.budget)})`);
  for (const [dir, bytes] of [...mainByDir].sort((a, b) => b[1] - a[1]))
    console.log(`  ${dir.padEnd(40)} ${kb(bytes)}`);
  for (const [name, p] of packages)
    if (name !== 'main') console.log(`subpackage ${name}: ${kb(p.bytes)} (${p.files} files; budget ${kb(p.budget)})`);
  console.log(`total: ${kb(total)}; not uploaded (unused miniprogram_npm files): ${kb(unusedNpm)}`);
  for (const [name, p] of over) console.error(`${name} is ${kb(p.bytes)}, over its ${kb(p.budget)} budget`);
  for (const problem of problems) console.error(problem);
}
process.exit(ok ? 0 : 1);
