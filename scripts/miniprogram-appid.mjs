#!/usr/bin/env node
/**
 * Points WeChat DevTools at your mini-program's appid, taken from the same configuration the API
 * reads (WECHAT_APP_ID in the environment or in .env). The checked-in project.config.json keeps
 * "touristappid" so a fresh clone opens without an account; this writes the appid into
 * miniprogram/project.private.config.json (git-ignored), which DevTools lays over it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configValue, root } from './lib/config-value.mjs';

const privateConfig = join(root, 'miniprogram/project.private.config.json');
// a package for trial or release (`npm run miniprogram:build:release`) needs a real appid
const release = process.argv.includes('--release');

const appId = configValue('WECHAT_APP_ID');
if (!appId && release) {
  console.error('WECHAT_APP_ID is not set: a trial or release package needs your appid (in .env or the environment)');
  process.exit(1);
}
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
