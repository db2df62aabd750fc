#!/usr/bin/env node
/**
 * `npm run start:dev`: build once, then swc recompiles each changed file into dist/ (a few ms;
 * no type check — run `npm run typecheck` or let the editor do it) while `node --watch`
 * restarts the API whenever a file it loaded changes. Same entry point and configuration as
 * `npm start` (SQLite, memory cache, WeChat sandbox unless the environment says otherwise).
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const first = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (first.status !== 0) process.exit(first.status ?? 1);

const children = [
  // the same arguments as `npm run build`, plus --watch (chokidar underneath)
  spawn(
    join(root, 'node_modules/.bin/swc'),
    [
      'apps/api/src',
      'libs',
      '-d',
      'dist',
      '--config-file',
      '.swcrc',
      '-q',
      '--ignore',
      '**/*.spec.ts,**/__fixtures__/**,**/*.d.ts',
      '--watch',
    ],
    { cwd: root, stdio: 'inherit' },
  ),
  spawn(process.execPath, ['--watch', 'dist/apps/api/src/main.js'], { cwd: root, stdio: 'inherit' }),
];
const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children)
  child.on('exit', (code) => {
    stop('SIGTERM');
    process.exitCode = code ?? 0;
  });
