import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import document from '../../../docs/openapi.json';

/**
 * Routes the suites never answer with a success, and why. Anything else documented but never
 * exercised fails the run: a documented route nobody calls is an untested promise.
 */
export const NOT_EXERCISED: Record<string, string> = {};

/**
 * After a full run of the e2e (and mini-program) suites: every operation in docs/openapi.json
 * was answered with a documented success at least once (apps/api/test/support/openapi-conformance.ts
 * records them), or is listed above. Skipped for partial runs (a path, -t or --onlyChanged).
 */
export default function globalTeardown(globalConfig: Config.GlobalConfig): void {
  const dir = process.env.OPENAPI_COVERAGE_DIR;
  if (!dir || !existsSync(dir)) return;
  const exercised = new Set<string>();
  for (const file of readdirSync(dir)) {
    for (const route of JSON.parse(readFileSync(join(dir, file), 'utf8')) as string[]) exercised.add(route);
  }
  rmSync(dir, { recursive: true, force: true });
  const partial =
    globalConfig.testPathPatterns.patterns.length > 0 ||
    Boolean(globalConfig.testNamePattern) ||
    globalConfig.onlyChanged ||
    globalConfig.findRelatedTests ||
    globalConfig.onlyFailures;
  if (partial) return;
  const missing: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item)) {
      const route = `${method.toUpperCase()} ${path}`;
      if (!exercised.has(route) && !(route in NOT_EXERCISED)) missing.push(route);
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `OpenAPI coverage: ${missing.length} documented route(s) never answered a success in the e2e suites ` +
        `(test them, or list them with a reason in apps/api/test/global-teardown.ts):\n${missing.join('\n')}`,
    );
  }
}
