// Case 8: the mini-program's main package (what WeChat downloads before the first screen) against
// WeChat's 2 MB limit. TypeScript is counted as the JavaScript it compiles to (unminified: an
// upper bound; DevTools' `minified` upload shrinks it further); everything else byte for byte.
import { Buffer } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const MAIN_LIMIT = 2 * 1024 * 1024;
const TOTAL_LIMIT = 20 * 1024 * 1024;

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

export function measureMiniprogram(root = resolve('miniprogram')) {
  const configFile = join(root, 'project.config.json');
  if (!existsSync(configFile)) return { missing: true };
  const project = JSON.parse(readFileSync(configFile, 'utf8'));
  const src = join(root, project.miniprogramRoot ?? '');
  const app = JSON.parse(readFileSync(join(src, 'app.json'), 'utf8'));
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, '') + '/');
  const ts = require('typescript');
  const packages = { main: { bytes: 0, files: 0, byKind: {} } };
  for (const p of subRoots) packages[p] = { bytes: 0, files: 0, byKind: {} };
  for (const file of walk(src)) {
    const rel = relative(src, file).split('\\').join('/');
    if (rel.endsWith('.d.ts')) continue;
    let bytes;
    let kind = rel.slice(rel.lastIndexOf('.') + 1);
    if (kind === 'ts') {
      const js = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: { target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.CommonJS, removeComments: true },
      }).outputText;
      bytes = Buffer.byteLength(js);
      kind = 'js (from ts)';
    } else {
      bytes = statSync(file).size;
    }
    const pkg = subRoots.find((r) => rel.startsWith(r)) ?? 'main';
    const p = packages[pkg];
    p.bytes += bytes;
    p.files += 1;
    p.byKind[kind] = (p.byKind[kind] ?? 0) + bytes;
  }
  const total = Object.values(packages).reduce((s, p) => s + p.bytes, 0);
  return { mainBytes: packages.main.bytes, mainLimit: MAIN_LIMIT, total, totalLimit: TOTAL_LIMIT, packages };
}
