#!/usr/bin/env node
/**
 * Writes the mini-program's trial and release API origins into miniprogram/src/config.ts, from the
 * same configuration the API reads (MINIPROGRAM_TRIAL_API_URL / MINIPROGRAM_RELEASE_API_URL in the
 * environment or .env), the way miniprogram-appid.mjs writes the appid. The checked-in config.ts
 * leaves both empty, so a build can never ship someone else's placeholder host.
 *
 *   node scripts/miniprogram-hosts.mjs            develop build: writes what is set, notes what is not
 *   node scripts/miniprogram-hosts.mjs --release  a package for trial/release: both must be real
 *                                                 https origins, or it exits 1 and writes nothing
 *   --config <file> --env-file <file>             other paths (tests)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { URL } from 'node:url';
import { join } from 'node:path';
import { configValue, root } from './lib/config-value.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const release = args.includes('--release');
const configFile = option('--config', join(root, 'miniprogram/src/config.ts'));
const envFile = option('--env-file', join(root, '.env'));

const HOSTS = [
  ['trial', 'MINIPROGRAM_TRIAL_API_URL'],
  ['release', 'MINIPROGRAM_RELEASE_API_URL'],
];

/** Hosts that can only be a placeholder or this machine: WeChat would refuse them as request domains. */
const PLACEHOLDER =
  /(^|\.)(example\.(com|org|net)|example|test|invalid|localhost|local)$|^(127\.|10\.|192\.168\.|0\.0\.0\.0$|\[)/;

/** Why `value` cannot be a trial/release API origin, or null when it can. */
function problemWith(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:') return 'must be https:// (WeChat only calls HTTPS request domains)';
  if (PLACEHOLDER.test(url.hostname) || /^\d+\.\d+\.\d+\.\d+$/.test(url.hostname)) {
    return `has a placeholder or local host (${url.hostname}); use your API's public domain`;
  }
  if (url.pathname !== '/' || url.search || url.hash) return 'must be an origin only (no path: /api/v1 is added)';
  return null;
}

const problems = [];
const values = {};
for (const [version, name] of HOSTS) {
  const value = configValue(name, envFile).replace(/\/+$/, '');
  if (!value) {
    if (release) problems.push(`${name} is not set: the ${version} version would have no API to call`);
    continue;
  }
  const problem = problemWith(value);
  if (problem) problems.push(`${name} "${value}" ${problem}`);
  else values[version] = value;
}
if (problems.length > 0) {
  console.error(
    `${release ? 'Refusing to build a trial/release package' : 'Mini-program API hosts'}:\n` +
      problems.map((p) => `  - ${p}`).join('\n') +
      '\nSet them in .env (or the environment), e.g. MINIPROGRAM_RELEASE_API_URL=https://api.your-shop.cn',
  );
  process.exit(1);
}

const source = readFileSync(configFile, 'utf8');
const block = /(\/\/ <api-hosts>[^\n]*\n)[\s\S]*?(\s*\/\/ <\/api-hosts>)/;
if (!block.test(source)) {
  console.error(`${configFile}: the "// <api-hosts>" … "// </api-hosts>" block is missing`);
  process.exit(1);
}
const lines = HOSTS.map(([version]) => `  ${version}: ${JSON.stringify(values[version] ?? '').replace(/"/g, "'")},`);
writeFileSync(
  configFile,
  source.replace(block, (_m, open, close) => `${open}${lines.join('\n')}${close}`),
);
const unset = HOSTS.filter(([version]) => !values[version]).map(([, name]) => name);
console.log(
  `miniprogram/src/config.ts: trial ${values.trial ?? '(not set)'}, release ${values.release ?? '(not set)'}` +
    (unset.length ? ` — develop build only until ${unset.join(' and ')} are set` : ''),
);
