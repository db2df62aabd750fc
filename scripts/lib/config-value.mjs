/**
 * A setting for the build scripts, read the way the API reads its configuration: the environment
 * first, then the repository's .env file (KEY=value lines, optional quotes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function fromDotEnv(name, file) {
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

export function configValue(name, envFile = join(root, '.env')) {
  return (process.env[name] ?? '').trim() || fromDotEnv(name, envFile);
}
