#!/usr/bin/env node
/**
 * Builds miniprogram/src/miniprogram_npm the way WeChat DevTools' "构建 npm" does, so a fresh
 * clone opens in DevTools (and the simulate tests load TDesign) without a manual click:
 *
 *   1. installs miniprogram/package.json's dependencies (npm ci) when they are missing or stale;
 *   2. runs miniprogram-ci's packNpmManually from miniprogram/package.json into miniprogram/src/.
 *
 * project.config.json declares the same pair (packNpmManually + packNpmRelationList), so DevTools'
 * own 构建 npm produces the same tree.
 *
 *   node scripts/miniprogram-npm.mjs            install if needed, then pack
 *   node scripts/miniprogram-npm.mjs --if-missing   do nothing when miniprogram_npm is current
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const projectDir = join(root, 'miniprogram');
const packageJson = join(projectDir, 'package.json');
const distDir = join(projectDir, 'src');
const npmDir = join(distDir, 'miniprogram_npm');
// the lock file's content names exactly what was packed; a changed lock means a stale build
const stamp = join(npmDir, '.packed-from');
const lock = readFileSync(join(projectDir, 'package-lock.json'), 'utf8');
const deps = Object.keys(JSON.parse(readFileSync(packageJson, 'utf8')).dependencies ?? {});

const installed = () =>
  deps.every((name) => {
    const manifest = join(projectDir, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return false;
    const want = JSON.parse(lock).packages?.[`node_modules/${name}`]?.version;
    return JSON.parse(readFileSync(manifest, 'utf8')).version === want;
  });

if (process.argv.includes('--if-missing') && existsSync(stamp) && readFileSync(stamp, 'utf8') === lock && installed()) {
  process.exit(0);
}

if (!installed()) {
  console.log('mini-program npm: installing miniprogram/package.json dependencies (npm ci)');
  execFileSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['ci', '--no-audit', '--no-fund', '--ignore-scripts'],
    {
      cwd: projectDir,
      stdio: 'inherit',
    },
  );
}

// miniprogram-ci is CommonJS and prints its own progress lines; keep only ours
const ci = createRequire(import.meta.url)('miniprogram-ci');
rmSync(npmDir, { recursive: true, force: true });
const result = await ci.packNpmManually({ packageJsonPath: packageJson, miniprogramNpmDistDir: distDir });
for (const warning of result.warnList ?? [])
  console.warn(`mini-program npm: ${warning.msg ?? JSON.stringify(warning)}`);
writeFileSync(stamp, lock);
console.log(
  `mini-program npm: packed ${deps.join(', ')} into miniprogram/src/miniprogram_npm ` +
    `(${result.miniProgramPackNum} mini-program package(s), ${result.otherNpmPackNum} other)`,
);
