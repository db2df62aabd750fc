// Hostile input and access control on every route: the jest e2e files that `npm test` runs on
// both backends (apps/api/test/hostile-input.e2e-spec.ts, access-control.e2e-spec.ts), run here
// for their figures.
import { Checks } from '../lib/common.mjs';
import { runSecurityJest } from '../lib/jest.mjs';

export const name = 'hostile-input';
export const title = 'Hostile input and access control on every route';
/** Already in `npm test` on both backends, so CI does not run it twice. */
export const ciSafe = false;
/** What it needs and where it runs (`run.mjs --list`). */
export const where =
  'runs the jest suites hostile-input + access-control on SQLite and on MariaDB + Redis; CI skips it here because npm test already runs both suites on each backend';

export async function run() {
  const checks = new Checks(name);
  const figures = [];
  for (const [file, key] of [
    ['apps/api/test/hostile-input.e2e-spec.ts', 'hostile-input'],
    ['apps/api/test/access-control.e2e-spec.ts', 'access-control'],
  ]) {
    for (const r of await runSecurityJest(key, file)) {
      const rep = r.report ?? {};
      checks.check(`${key} on ${r.backend}`, r.code === 0, r.failures.slice(0, 5).join(' | ') || r.summary);
      figures.push([`${key} (${r.backend})`, `${r.summary}, ${r.seconds} s`]);
      if (key === 'hostile-input' && r.report) {
        figures.push([
          `  routes (${r.backend})`,
          `${rep.routes} (${Object.entries(rep.routesByAccess ?? {})
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')})`,
        ]);
        if (rep.rejectPhase) {
          figures.push([
            `  must-refuse requests (${r.backend})`,
            `${rep.rejectPhase.requests} in ${rep.rejectPhase.seconds} s, answers ${JSON.stringify(rep.rejectPhase.statuses)}, ${rep.rejectPhase.failures} wrong`,
          ]);
        }
        if (rep.queryPhase)
          figures.push([
            `  hostile query strings (${r.backend})`,
            `${rep.queryPhase.requests}, ${rep.queryPhase.failures} wrong`,
          ]);
        if (rep.textPhase) {
          figures.push([
            `  odd text and edge values (${r.backend})`,
            `${rep.textPhase.requests}, answers ${JSON.stringify(rep.textPhase.statuses)}, ${rep.textPhase.failures} wrong`,
          ]);
        }
        if (rep.bodyLimit)
          figures.push([
            `  1 MB bodies (${r.backend})`,
            `${rep.bodyLimit.answered413} of ${rep.bodyLimit.routes} routes answered 413`,
          ]);
      }
      if (key === 'access-control' && r.report) {
        if (rep.unauthenticated) {
          figures.push([
            `  401 checks (${r.backend})`,
            `${rep.unauthenticated.routes} secured routes × ${rep.unauthenticated.variants} token variants = ${rep.unauthenticated.requests} requests, ${rep.unauthenticated.failures} wrong`,
          ]);
        }
        if (rep.wrongRole)
          figures.push([
            `  403 checks (${r.backend})`,
            `${rep.wrongRole.requests} requests, ${rep.wrongRole.failures} wrong`,
          ]);
        if (rep.foreignIds)
          figures.push([
            `  404 checks (${r.backend})`,
            `${rep.foreignIds.routes} routes with another shopper's ids, ${rep.foreignIds.failures} wrong`,
          ]);
      }
    }
  }
  return {
    checks: checks.items,
    figures,
    setup:
      "Both jest files boot the app in-process and read its OpenAPI document, so every documented route (plus the two WeChat Pay callbacks) is covered. Hostile input: wrong JSON types for every field (nested too), NoSQL operator objects, huge, fractional, infinite and negative numbers, 100 KB strings, 2 000-element arrays, extra and prototype-polluting fields, 2 000 extra keys, 20 000-level nesting, malformed JSON, non-object bodies, invalid UTF-8, wrong or missing Content-Type, hostile ids and query strings; every refused request must be a 4xx with a message and the whole database (every row of every table but the append-only audit trail) must hash the same before and after. Access control: no token, malformed tokens, `alg: none`, wrong key, HS512, RS256 header, expired, unknown role, swapped payload, stripped signature → 401; wrong role → 403; another shopper's ids → 404 with the owner's data unchanged.",
  };
}
