/*
 * Hostile input on every route the app documents (GET /api/docs-json) plus the WeChat Pay
 * callbacks: wrong types, huge and negative numbers, 100 KB strings, NoSQL operator objects,
 * extra and prototype-polluting fields, malformed JSON, wrong content types, hostile ids and
 * query strings. Every one must get a 4xx with a message and leave the database exactly as it
 * was; odd but well-typed text (emoji, SQL/NoSQL strings) must never cause a 5xx; bodies over the
 * limit get 413. On MariaDB this file uses a database of its own so the fingerprint sees only us.
 */
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import {
  type Answer,
  adminTokenFor,
  buildWorld,
  concretePath,
  fingerprint,
  idFor,
  label,
  loadOperations,
  type Operation,
  pool,
  report,
  send,
  settledFingerprint,
  validBody,
  type World,
} from '../../../test/resilience/e2e/api-surface';
import { backendLabel, startTestApp, usingMysql, type TestApp } from './support/test-app';

interface Case {
  op: Operation;
  what: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** reject: must be 4xx and change nothing; survive: any status but 5xx, a 4xx must explain itself */
  expect: 'reject' | 'survive';
}

const JSON_CT = { 'content-type': 'application/json' };
const HOSTILE_IDS = [
  'abc',
  '-1',
  '0',
  '1.5',
  '1e3',
  '007',
  '0x10',
  '99999999999999999999',
  '2147483648',
  "1' OR '1'='1",
  '1;DROP TABLE users',
  '1\u0000',
  '😀',
  'null',
  '[1]',
  '{"$gt":0}',
  ' 1',
  'x'.repeat(300),
];
const HOSTILE_QUERY = ['abc', '-1', '1.5', '1e309', '99999999999999999999', "' OR 1=1 --", '{"$gt":""}', '😀', ''];
const ODD_TEXT = [
  '😀🛒中文𠮷',
  "'; DROP TABLE users; --",
  "1' OR '1'='1",
  '" OR ""="',
  '{"$gt":""}',
  '$where: function() { return true }',
  '<script>alert(1)</script>',
  'a\u0000b',
  '\u202eevil\u200b',
  '../../../etc/passwd',
  '%s%n%x',
  '   ',
  '',
];
const MALFORMED_JSON = ['{', '{a:1}', "{'a':1}", '[1,2', '{"a":1,}', '{"a":1}}', 'undefined'];
const NOT_OBJECTS = ['[]', '[{}]', '1', '"x"', 'null', 'true'];
/** Every number in this API is an integer id, quantity, amount in fen or count. */
const NEVER_NEGATIVE = /quantity|price|stock|amount|page|size|Id$|^id$/i;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Leaf = { path: Array<string | number>; value: Json };

function leaves(value: Json, path: Array<string | number> = [], depth = 0, out: Leaf[] = []): Leaf[] {
  out.push({ path, value });
  if (depth >= 3 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    if (value.length > 0) leaves(value[0], [...path, 0], depth + 1, out);
  } else {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], depth + 1, out);
  }
  return out;
}

function setAt(base: Json, path: Array<string | number>, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = structuredClone(base) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]] = replacement;
  return copy as Json;
}

/** The mutations of one value that no validator may accept. */
function wrongValues(leaf: Leaf): Array<{ what: string; value: Json; raw?: string; expect?: 'reject' | 'survive' }> {
  const name = String(leaf.path[leaf.path.length - 1] ?? 'body');
  const v = leaf.value;
  const nosql: Json[] = [{ $gt: '' }, { $ne: null }];
  if (typeof v === 'string') {
    return [
      ...[123, true, [], {}, ...nosql].map((value) => ({ what: `${JSON.stringify(value)}`, value })),
      { what: '100 KB string', value: 'x'.repeat(100_000) },
    ];
  }
  if (typeof v === 'number') {
    return [
      ...['1', true, [], {}, ...nosql].map((value) => ({ what: JSON.stringify(value), value })),
      ...[0.5, 1e308, 2 ** 53 + 1, 2_147_483_648, -2_147_483_649].map((value) => ({ what: String(value), value })),
      { what: '1e400 (Infinity)', value: null, raw: '1e400' },
      { what: '-1', value: -1, expect: NEVER_NEGATIVE.test(name) ? 'reject' : 'survive' },
    ];
  }
  if (typeof v === 'boolean') {
    return ['true', 1, 0, 'yes', [], {}, ...nosql].map((value) => ({ what: JSON.stringify(value), value }));
  }
  if (v === null) return [true, [], {}, ...nosql].map((value) => ({ what: JSON.stringify(value), value }));
  if (Array.isArray(v)) {
    return [
      ...['x', 1, {}, true].map((value) => ({ what: JSON.stringify(value), value })),
      { what: '2 000 elements', value: Array.from({ length: 2_000 }, () => (v.length ? v[0] : 'x')) },
    ];
  }
  return [
    ...['x', 1, [], true].map((value) => ({ what: JSON.stringify(value), value })),
    { what: 'an extra field', value: { ...v, fuzzExtra: 1 } },
  ];
}

function authFor(op: Operation, w: World): Record<string, string> {
  if (op.access === 'shopper') return { authorization: `Bearer ${w.owner.token}` };
  if (op.access === 'admin') return { authorization: `Bearer ${adminTokenFor(op, w)}` };
  return {};
}

function rejectCases(op: Operation, w: World): Case[] {
  const cases: Case[] = [];
  const headers = authFor(op, w);
  const base = validBody(op, w) as Json | undefined;
  const path = concretePath(op, idFor(op, w));
  const bodyOf = (v: Json | undefined): string | undefined => (v === undefined ? undefined : JSON.stringify(v));
  // hostile ids, with an otherwise valid body
  if (op.pathParams.length > 0) {
    for (const id of HOSTILE_IDS) {
      cases.push({
        op,
        what: `id ${JSON.stringify(id).slice(0, 20)}`,
        path: concretePath(op, id),
        headers: { ...headers, ...(base !== undefined ? JSON_CT : {}) },
        body: bodyOf(base),
        expect: 'reject',
      });
    }
  }
  if (base === undefined) return cases;
  const json = { ...headers, ...JSON_CT };
  for (const leaf of leaves(base)) {
    const where = leaf.path.length ? leaf.path.join('.') : 'body';
    for (const m of wrongValues(leaf)) {
      const sentinel = `__raw_${randomUUID()}__`;
      let body = JSON.stringify(setAt(base, leaf.path, m.raw ? sentinel : m.value));
      if (m.raw) body = body.replace(`"${sentinel}"`, m.raw);
      cases.push({ op, what: `${where} = ${m.what}`, path, headers: json, body, expect: m.expect ?? 'reject' });
    }
  }
  if (typeof base === 'object' && base !== null && !Array.isArray(base)) {
    const extras: Array<[string, string]> = [
      ['extra isAdmin', JSON.stringify({ ...base, isAdmin: true })],
      ['extra role', JSON.stringify({ ...base, role: 'admin' })],
      ['extra userId', JSON.stringify({ ...base, userId: w.stranger.userId })],
      ['extra id', JSON.stringify({ ...base, id: 1 })],
      ['__proto__', `{"__proto__":{"polluted":"yes"},${JSON.stringify(base).slice(1)}`],
      ['constructor.prototype', `{"constructor":{"prototype":{"polluted":"yes"}},${JSON.stringify(base).slice(1)}`],
      [
        '2 000 extra keys',
        JSON.stringify({ ...base, ...Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])) }),
      ],
      ['20 000 levels deep', `{"deep":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`],
    ];
    for (const [what, body] of extras) cases.push({ op, what, path, headers: json, body, expect: 'reject' });
    for (const name of op.schema?.required ?? []) {
      const { [name]: _dropped, ...rest } = base as Record<string, Json>;
      cases.push({ op, what: `without ${name}`, path, headers: json, body: JSON.stringify(rest), expect: 'reject' });
    }
  }
  for (const text of [...MALFORMED_JSON, ...NOT_OBJECTS]) {
    cases.push({ op, what: `body ${JSON.stringify(text)}`, path, headers: json, body: text, expect: 'reject' });
  }
  cases.push({ op, what: 'empty JSON body', path, headers: json, body: '', expect: 'reject' });
  cases.push({
    op,
    what: 'invalid UTF-8',
    path,
    headers: json,
    body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    expect: 'reject',
  });
  const text = JSON.stringify(base);
  for (const ct of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/octet-stream',
  ]) {
    cases.push({
      op,
      what: `Content-Type ${ct}`,
      path,
      headers: { ...headers, 'content-type': ct },
      body: text,
      expect: 'reject',
    });
  }
  cases.push({ op, what: 'no Content-Type', path, headers, body: text, expect: 'reject' });
  return cases;
}

function queryCases(op: Operation, w: World): Case[] {
  const path = concretePath(op, idFor(op, w));
  const cases: Case[] = [];
  for (const param of op.queryParams) {
    for (const v of HOSTILE_QUERY) {
      cases.push({
        op,
        what: `?${param}=${v}`,
        path: `${path}?${param}=${encodeURIComponent(v)}`,
        headers: authFor(op, w),
        expect: 'survive',
      });
    }
    cases.push({
      op,
      what: `?${param} twice`,
      path: `${path}?${param}=1&${param}=2`,
      headers: authFor(op, w),
      expect: 'survive',
    });
    cases.push({
      op,
      what: `?${param}[$ne]=1`,
      path: `${path}?${param}%5B%24ne%5D=1`,
      headers: authFor(op, w),
      expect: 'survive',
    });
  }
  return cases;
}

function oddTextCases(op: Operation, w: World): Case[] {
  const base = validBody(op, w) as Json | undefined;
  if (base === undefined) return [];
  const path = concretePath(op, idFor(op, w));
  const cases: Case[] = [];
  for (const leaf of leaves(base).filter((l) => typeof l.value === 'string')) {
    for (const text of ODD_TEXT) {
      cases.push({
        op,
        what: `${leaf.path.join('.')} = ${JSON.stringify(text).slice(0, 30)}`,
        path,
        headers: { ...authFor(op, w), ...JSON_CT },
        body: JSON.stringify(setAt(base, leaf.path, text)),
        expect: 'survive',
      });
    }
  }
  return cases;
}

/** What is wrong with an answer, or null when it is what a hostile request deserves. */
function problem(c: Case, a: Answer): string | null {
  if (a.status === 0) return `no answer (${a.error})`;
  if (a.status >= 500) return `${a.status} ${a.text.slice(0, 200)}`;
  if (c.expect === 'reject' && (a.status < 400 || a.status >= 500))
    return `accepted with ${a.status} ${a.text.slice(0, 120)}`;
  if (a.status >= 400) {
    const body = a.json as { message?: unknown; code?: unknown } | undefined;
    if (!body || typeof body.message !== 'string' || body.message === '')
      return `${a.status} without a message: ${a.text.slice(0, 120)}`;
    if (/\n\s+at |node_modules|QueryFailedError|SQLITE_|\bER_[A-Z]/.test(a.text))
      return `${a.status} leaks internals: ${a.text.slice(0, 200)}`;
    if (
      c.op.access === 'notify' &&
      a.status !== 413 &&
      a.status !== 415 &&
      body.code !== 'FAIL' &&
      !/JSON/.test(String(body.code))
    ) {
      return `notify answered ${a.status} without WeChat's {code:'FAIL'}: ${a.text.slice(0, 120)}`;
    }
  }
  return null;
}

async function fire(t: TestApp, cases: Case[]): Promise<Array<{ c: Case; a: Answer }>> {
  return pool(cases, 8, async (c) => ({
    c,
    a: await send(t.baseUrl, {
      method: c.op.method,
      path: c.path,
      headers: c.headers,
      body: c.body,
      timeoutMs: 20_000,
    }),
  }));
}

const describeFailures = (failures: Array<{ c: Case; why: string }>): string =>
  failures
    .slice(0, 40)
    .map((f) => `${label(f.c.op)} [${f.c.what}]: ${f.why}`)
    .join('\n');

jest.setTimeout(120_000);

describe(`hostile input on every route (${backendLabel})`, () => {
  let t: TestApp;
  let w: World;
  let ops: Operation[];
  let dropDatabase: (() => Promise<void>) | undefined;
  const figures: Record<string, unknown> = { backend: backendLabel };

  beforeAll(async () => {
    let env: Record<string, string> = {};
    if (usingMysql) {
      // a database of our own: the fingerprint must not see other test files' writes
      const url = new URL(process.env.DATABASE_URL!);
      const name = `${url.pathname.slice(1) || 'sutwxapp'}_hostile_${randomUUID().slice(0, 8)}`;
      const admin = await createConnection({
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      });
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
      url.pathname = `/${name}`;
      env = { DATABASE_URL: url.toString(), MIGRATE_ON_START: 'true' };
      dropDatabase = async () => {
        const c = await createConnection({
          host: url.hostname,
          port: Number(url.port || 3306),
          user: decodeURIComponent(url.username),
          password: decodeURIComponent(url.password),
        });
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      };
    }
    t = await startTestApp(env);
    w = await buildWorld(t);
    ops = await loadOperations(t.baseUrl);
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase?.();
    report(`hostile-input-${usingMysql ? 'mariadb' : 'sqlite'}`, figures);
  });

  it('finds every route in the OpenAPI document, with who may call it', () => {
    const byAccess = ops.reduce<Record<string, number>>(
      (acc, op) => ({ ...acc, [op.access]: (acc[op.access] ?? 0) + 1 }),
      {},
    );
    figures.routes = ops.length;
    figures.routesByAccess = byAccess;
    expect(ops.length).toBeGreaterThan(30);
    expect(ops.find((o) => label(o) === 'POST /api/v1/orders')?.access).toBe('shopper');
    expect(ops.find((o) => label(o) === 'GET /api/v1/admin/orders')?.access).toBe('admin');
    expect(ops.find((o) => label(o) === 'GET /api/v1/catalog/products')?.access).toBe('public');
  });

  it('refuses every mistyped, oversized, malformed or extra input with a 4xx and a message, changing nothing', async () => {
    const cases = ops.flatMap((op) => rejectCases(op, w)).filter((c) => c.expect === 'reject');
    const before = await settledFingerprint(t);
    const started = performance.now();
    const results = await fire(t, cases);
    const seconds = (performance.now() - started) / 1000;
    const after = await settledFingerprint(t);
    const failures = results
      .map(({ c, a }) => ({ c, a, why: problem(c, a) }))
      .filter((r): r is { c: Case; a: Answer; why: string } => r.why !== null);
    const statuses = results.reduce<Record<number, number>>(
      (acc, { a }) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }),
      {},
    );
    figures.rejectPhase = {
      requests: cases.length,
      seconds: Math.round(seconds * 10) / 10,
      statuses,
      failures: failures.length,
    };
    const changed = Object.keys(before.rows).filter((table) => before.rows[table] !== after.rows[table]);
    const problems = [
      describeFailures(failures),
      after.hash === before.hash
        ? ''
        : `the database changed (row counts differ in: ${changed.join(', ') || 'none, contents differ'})`,
      ({} as Record<string, unknown>).polluted === undefined ? '' : 'Object.prototype was polluted',
    ].filter(Boolean);
    expect(problems.join('\n')).toBe('');
  });

  it('answers hostile ids and query strings with 2xx or an explained 4xx, never a 5xx', async () => {
    const cases = ops.flatMap((op) => queryCases(op, w));
    const results = await fire(t, cases);
    const failures = results
      .map(({ c, a }) => ({ c, why: problem(c, a) }))
      .filter((r): r is { c: Case; why: string } => r.why !== null);
    figures.queryPhase = { requests: cases.length, failures: failures.length };
    expect(describeFailures(failures)).toBe('');
  });

  it('stores or refuses odd but well-typed text (emoji, SQL and NoSQL strings, NUL, RTL) without a 5xx', async () => {
    // plus the edge values some fields may legitimately take (a negative stock delta)
    const cases = [
      ...ops.flatMap((op) => oddTextCases(op, w)),
      ...ops.flatMap((op) => rejectCases(op, w)).filter((c) => c.expect === 'survive'),
    ];
    const results = await fire(t, cases);
    const failures = results
      .map(({ c, a }) => ({ c, why: problem(c, a) }))
      .filter((r): r is { c: Case; why: string } => r.why !== null);
    const statuses = results.reduce<Record<number, number>>(
      (acc, { a }) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }),
      {},
    );
    figures.textPhase = { requests: cases.length, statuses, failures: failures.length };
    expect(describeFailures(failures)).toBe('');
    // the tables are all still there and readable
    await expect(fingerprint(t)).resolves.toBeDefined();
  });

  it('answers 413 to a body over the limit on every route that takes one', async () => {
    const withBody = ops.filter((op) => op.hasBody);
    const cases: Case[] = withBody.map((op) => ({
      op,
      what: '1 MB string',
      path: concretePath(op, idFor(op, w)),
      headers: { ...authFor(op, w), ...JSON_CT },
      body: JSON.stringify({ ...(validBody(op, w) as object), filler: 'x'.repeat(1024 * 1024) }),
      expect: 'reject',
    }));
    const results = await fire(t, cases);
    const wrong = results.filter(
      ({ a }) => a.status !== 413 || (a.json as { code?: string })?.code !== 'PAYLOAD_TOO_LARGE',
    );
    figures.bodyLimit = { routes: cases.length, answered413: results.length - wrong.length };
    expect(wrong.map(({ c, a }) => `${label(c.op)}: ${a.status} ${a.text.slice(0, 80)}`)).toEqual([]);
  });
});
