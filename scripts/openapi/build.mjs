#!/usr/bin/env node
/**
 * `npm run openapi`: the contract, from the source to what integrators use.
 *   1. libs/contracts/schemas/contract-schemas.ts  JSON Schemas derived from the contract types
 *   2. docs/openapi.json                          the document of the built application
 *   3. validates it as OpenAPI 3.1 (@readme/openapi-parser)
 *   4. libs/api-client/src/generated              the typed client (@hey-api/openapi-ts)
 *
 *   node scripts/openapi/build.mjs          write all three
 *   node scripts/openapi/build.mjs --check  exit 1 when any committed copy is stale (CI)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@hey-api/openapi-ts';
import { validate } from '@readme/openapi-parser';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const check = process.argv.includes('--check');
const documentPath = join(root, 'docs/openapi.json');
const clientDir = join(root, 'libs/api-client/src/generated');
const work = mkdtempSync(join(tmpdir(), 'sutwxapp-openapi-'));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
const stale = [];

try {
  // 1. schemas from the types (the API compiles against them, so this comes first)
  try {
    run(process.execPath, [join(root, 'scripts/openapi/contract-schemas.mjs'), ...(check ? ['--check'] : [])]);
  } catch {
    stale.push('libs/contracts/schemas/contract-schemas.ts');
  }

  // 2. the document, from the built application (the API only: the console is built from this client)
  run('npm', ['run', 'build:api', '--silent']);
  const builtDocument = join(work, 'openapi.json');
  run(process.execPath, [join(root, 'dist/apps/api/src/cli/openapi.js'), builtDocument]);

  // 3. a real OpenAPI 3.1 validator, not our own reading of the spec
  const result = await validate(JSON.parse(readFileSync(builtDocument, 'utf8')));
  if (!result.valid) {
    console.error('docs/openapi.json is not a valid OpenAPI 3.1 document:');
    console.error(JSON.stringify(result.errors, null, 2));
    process.exit(1);
  }

  // 4. the typed client, generated from that document
  const builtClient = join(work, 'client');
  await createClient({
    input: builtDocument,
    output: { path: builtClient },
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'silent' },
  });

  if (check) {
    if (!existsSync(documentPath) || readFileSync(documentPath, 'utf8') !== readFileSync(builtDocument, 'utf8')) {
      stale.push('docs/openapi.json');
    }
    if (!sameTree(builtClient, clientDir)) stale.push('libs/api-client/src/generated');
    if (stale.length > 0) {
      for (const file of stale) console.error(`${file} is stale: the contract changed without it`);
      console.error('Run `npm run openapi` and commit the result.');
      process.exit(1);
    }
    console.log('OpenAPI document, contract schemas and client: current, valid OpenAPI 3.1');
  } else {
    run('cp', [builtDocument, documentPath]);
    rmSync(clientDir, { recursive: true, force: true });
    run('cp', ['-r', builtClient, clientDir]);
    const doc = JSON.parse(readFileSync(documentPath, 'utf8'));
    const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    console.log(
      `docs/openapi.json: OpenAPI ${doc.openapi}, ${operations} operations, valid; ${relative(root, clientDir)}: regenerated`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function files(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, base) : [relative(base, path)];
  });
}

function sameTree(a, b) {
  const left = files(a).sort();
  const right = files(b).sort();
  return (
    left.length === right.length &&
    left.every((f, i) => f === right[i] && readFileSync(join(a, f), 'utf8') === readFileSync(join(b, f), 'utf8'))
  );
}
