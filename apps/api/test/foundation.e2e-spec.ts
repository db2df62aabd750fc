import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { backendLabel, startTestApp, usingRedis, type TestApp } from './support/test-app';

describe(`foundation (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('readiness reports every configured dependency up', async () => {
    const res = await t.http.get('/api/v1/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.heap.status).toBe('up');
    expect(res.body.details.disk.status).toBe('up');
    if (usingRedis) expect(res.body.details.redis.status).toBe('up');
    else expect(res.body.details.redis).toBeUndefined();
  });

  it('liveness answers without checking dependencies', async () => {
    const res = await t.http.get('/api/v1/health/live').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('echoes a sane X-Request-Id and generates one otherwise', async () => {
    const mine = await t.http.get('/api/v1/health/live').set('X-Request-Id', 'trace-abc.123').expect(200);
    expect(mine.headers['x-request-id']).toBe('trace-abc.123');
    const generated = await t.http.get('/api/v1/health/live').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps idle connections open longer than nginx keeps its upstream ones (60 s)', async () => {
    // A shorter server timeout closes a connection nginx is about to reuse: a POST on it is a 502.
    const res = await fetch(`${t.baseUrl}/api/v1/health/live`);
    const timeout = Number(/timeout=(\d+)/.exec(res.headers.get('keep-alive') ?? '')?.[1]);
    expect(timeout).toBeGreaterThan(60);
  });

  it('answers unknown routes with the one error shape', async () => {
    const res = await t.http.get('/api/v1/no-such-thing').set('X-Request-Id', 'req-404').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: 'Cannot GET /api/v1/no-such-thing',
      requestId: 'req-404',
    });
  });

  it('writes one JSON access-log line per request carrying the request id', async () => {
    await t.http.get('/api/v1/no-such-route').set('X-Request-Id', 'log-check-1').expect(404);
    const line = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === 'log-check-1');
    expect(line).toMatchObject({ msg: 'request', status: 404, method: 'GET', url: '/api/v1/no-such-route' });
  });

  it('exposes Prometheus metrics labelled by route template', async () => {
    await t.http.get('/api/v1/health/live').expect(200);
    const res = await t.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/health\/live",class="probe",status_code="200"\} \d+/,
    );
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('http_requests_in_flight');
    expect(text).toContain('db_query_duration_seconds_bucket');
    expect(text).toContain('db_slow_queries_total');
    expect(text).toContain('cache_hits_total');
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).not.toMatch(/route="\/api\/v1\/no-such-thing"/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/v1/health');
  });
});

describe('readiness with Redis unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    // a closed port: nothing listens on 1 on loopback
    t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 naming redis while liveness stays 200', async () => {
    const res = await t.http.get('/api/v1/health').expect(503);
    expect(res.body.code).toBe('HEALTH_CHECK_FAILED');
    expect(res.body.message).toContain('redis');
    expect(res.body.error.redis.status).toBe('down');
    expect(res.body.details.database.status).toBe('up');
    await t.http.get('/api/v1/health/live').expect(200);
  });
});

describe('configuration errors stop the start', () => {
  const root = join(__dirname, '../../..');
  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe' });
  });

  it('refuses a DATABASE_URL of an unsupported kind with a readable list', () => {
    const result = spawnSync(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: 'postgres://u:secret@db/shop',
        PORT: '0',
        JWT_SECRET: 'x'.repeat(40),
        REDIS_URL: '',
      },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('DATABASE_URL must start with sqlite: or mysql://');
    expect(result.stderr).not.toContain('secret');
  });

  it('lists every wrong variable at once', () => {
    const result = spawnSync(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'mysql://', PORT: 'eighty', NODE_ENV: 'production', JWT_SECRET: '' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT must be an integer');
    expect(result.stderr).toContain('DATABASE_URL must name a database');
    expect(result.stderr).toContain('JWT_SECRET is required when NODE_ENV=production');
  });
});
