#!/usr/bin/env node
/**
 * Points WeChat DevTools at your mini-program's appid, taken from the same configuration the API
 * reads (WECHAT_APP_ID in the environment or in .env). The checked-in project.config.json keeps
 * "touristappid" so a fresh clone opens without an account; this writes the appid into
 * miniprogram/project.private.config.json (git-ignored), which DevTools lays over it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const privateConfig = join(root, 'miniprogram/project.private.config.json');

function fromDotEnv(name) {
  const file = join(root, '.env');
  if (!existsSync(file)) return '';
  const line = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .find((l) => l.trim().startsWith(`${name}=`));
  return line
    ? line
        .slice(line.indexOf('=') + 1)
        .trim()
        .replace(/^["']|["']$/g, '')
    : '';
}

const appId = (process.env.WECHAT_APP_ID ?? '').trim() || fromDotEnv('WECHAT_APP_ID');
if (!appId) {
  console.log('WECHAT_APP_ID is not set: DevTools opens the project with "touristappid" (test account).');
  process.exit(0);
}
if (!/^wx[0-9a-f]{16}$/.test(appId)) {
  console.error(`WECHAT_APP_ID "${appId}" does not look like a mini-program appid (wx + 16 hex digits)`);
  process.exit(1);
}
const current = existsSync(privateConfig) ? JSON.parse(readFileSync(privateConfig, 'utf8')) : {};
writeFileSync(privateConfig, `${JSON.stringify({ ...current, appid: appId }, null, 2)}\n`);
console.log(`miniprogram/project.private.config.json: appid ${appId}`);
