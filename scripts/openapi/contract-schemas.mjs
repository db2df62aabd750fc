#!/usr/bin/env node
/**
 * Derives one JSON Schema (draft 2020-12 / OpenAPI 3.1 dialect) per exported type of
 * libs/contracts from the TypeScript itself, so the OpenAPI document and the types the
 * API, mini-program and console compile against can never drift apart: the interfaces
 * stay the single source. Writes libs/contracts/schemas/contract-schemas.ts (generated,
 * committed: the API reads it at run time without a compiler).
 *
 *   node scripts/openapi/contract-schemas.mjs          write the file
 *   node scripts/openapi/contract-schemas.mjs --check  exit 1 when it is stale (CI)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const target = join(root, 'libs/contracts/schemas/contract-schemas.ts');
const check = process.argv.includes('--check');

const generator = createGenerator({
  path: join(root, 'libs/contracts/src/*.ts'),
  tsconfig: join(root, 'tsconfig.json'),
  type: '*',
  expose: 'export',
  topRef: true,
  jsDoc: 'extended',
  // A response with a field the contract does not name fails the conformance test: an
  // entity leaking a column (a password hash, an openid) is caught there.
  additionalProperties: false,
  skipTypeCheck: true,
});
const { definitions } = generator.createSchema('*');

/** `#/definitions/X` → `#/components/schemas/X`; drops the generator's editor-only keys. */
function rewrite(node) {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'markdownDescription' || key === 'defaultSnippets') continue;
    if (key === '$ref' && typeof value === 'string') {
      const name = decodeURIComponent(value.replace('#/definitions/', ''));
      out.$ref = `#/components/schemas/${renamed.get(name) ?? name}`;
    } else out[key] = rewrite(value);
  }
  return out;
}

// Generic instantiations are named `Page<ProductSummary>`, not a valid component name: the
// named alias (`type ProductPage = Page<ProductSummary>`) takes the instantiation's place.
const renamed = new Map();
for (const [name, schema] of Object.entries(definitions)) {
  const ref = typeof schema.$ref === 'string' ? decodeURIComponent(schema.$ref.replace('#/definitions/', '')) : '';
  if (ref.includes('<') && !renamed.has(ref)) {
    renamed.set(ref, name);
    definitions[name] = { ...definitions[ref], ...(schema.description ? { description: schema.description } : {}) };
  }
}
for (const generic of renamed.keys()) delete definitions[generic];

const names = Object.keys(definitions).sort();
const invalid = names.filter((n) => !/^[A-Za-z0-9_.-]+$/.test(n));
if (invalid.length > 0) {
  console.error(`contract types without a plain name: ${invalid.join(', ')} (export a named alias for them)`);
  process.exit(1);
}
const schemas = Object.fromEntries(names.map((n) => [n, rewrite(definitions[n])]));

const text = [
  '// GENERATED — do not edit. Source: libs/contracts/src (the TypeScript types).',
  '// Regenerate with `npm run openapi`; CI fails when this file is stale.',
  '/* eslint-disable */',
  "import type * as C from '../src/index';",
  '',
  `export const CONTRACT_SCHEMAS: Record<ContractName, Record<string, unknown>> = ${JSON.stringify(schemas, null, 2)};`,
  '',
  '/** Every exported type of libs/contracts, by name: what an @ApiRoute can reference. */',
  `export type ContractName =\n${names.map((n) => `  | '${n}'`).join('\n')};`,
  '',
  '/** The TypeScript type behind each name, so a route documented as `Order` must return an Order. */',
  `export interface ContractTypes {\n${names.map((n) => `  ${n}: C.${n};`).join('\n')}\n}`,
  '',
].join('\n');

if (check) {
  if (existsSync(target) && readFileSync(target, 'utf8') === text) {
    console.log(`libs/contracts/schemas/contract-schemas.ts: ${names.length} schemas, current`);
    process.exit(0);
  }
  console.error('libs/contracts/schemas/contract-schemas.ts is stale: run `npm run openapi` and commit the result.');
  process.exit(1);
}
if (!existsSync(target) || readFileSync(target, 'utf8') !== text) writeFileSync(target, text);
console.log(`libs/contracts/schemas/contract-schemas.ts: ${names.length} schemas`);
