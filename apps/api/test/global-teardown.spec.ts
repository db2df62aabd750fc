import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import document from '../../../docs/openapi.json';
import globalTeardown from './global-teardown';

const documented = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
);
const fullRun = {
  testPathPatterns: { patterns: [] },
  testNamePattern: undefined,
  onlyChanged: false,
  findRelatedTests: false,
  onlyFailures: false,
} as unknown as Config.GlobalConfig;

function recorded(routes: string[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'sutwxapp-coverage-spec-'));
  writeFileSync(join(dir, 'a.json'), JSON.stringify(routes));
  process.env.OPENAPI_COVERAGE_DIR = dir;
}

describe('the documented-route coverage check after a full e2e run', () => {
  const saved = process.env.OPENAPI_COVERAGE_DIR;
  afterEach(() => {
    process.env.OPENAPI_COVERAGE_DIR = saved;
  });

  it('passes when every documented route answered a success', () => {
    recorded(documented);
    expect(() => globalTeardown(fullRun)).not.toThrow();
  });

  it('names a documented route nobody exercised', () => {
    recorded(documented.filter((r) => r !== 'GET /api/v1/admin/orders/{id}'));
    expect(() => globalTeardown(fullRun)).toThrow(/1 documented route\(s\)[\s\S]*GET \/api\/v1\/admin\/orders\/\{id\}/);
  });

  it('says nothing after a partial run (one file, -t)', () => {
    recorded([]);
    const partial = { ...fullRun, testPathPatterns: { patterns: ['orders'] } } as unknown as Config.GlobalConfig;
    expect(() => globalTeardown(partial)).not.toThrow();
  });
});
