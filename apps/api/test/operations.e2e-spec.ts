import { DataSource } from 'typeorm';
import { freshDatabase } from './support/fresh-database';
import { backendLabel, startTestApp, usingMysql, type TestApp } from './support/test-app';

/** One sample's value from Prometheus text, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inner = line.slice(name.length + 1, line.lastIndexOf('}'));
    const has = Object.entries(labels).every(([k, v]) => inner.split(',').includes(`${k}="${v}"`));
    if (has) return Number(line.slice(line.lastIndexOf('}') + 1).trim());
  }
  return undefined;
}

describe(`metrics that tell users' pain from probes (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // Redis unreachable: readiness answers 503, as it did when the old alert paged at night.
    t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('labels probes, scrapes and user routes apart, and exports each dependency', async () => {
    await t.http.get('/api/v1/health').expect(503);
    await t.http.get('/api/v1/catalog/categories').expect(200);
    await t.http.get('/metrics').expect(200);
    const text = (await t.http.get('/metrics').expect(200)).text;
    expect(
      sample(text, 'http_requests_total', { route: '/api/v1/health', class: 'probe', status_code: '503' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'http_requests_total', { route: '/api/v1/catalog/categories', class: 'api', status_code: '200' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_requests_total', { route: '/metrics', class: 'metrics' })).toBeGreaterThanOrEqual(1);
    // No 5xx is ever labelled as a user request here: the outage had no user traffic.
    expect(text).not.toMatch(/http_requests_total\{[^}]*class="api"[^}]*status_code="5\d\d"/);
    expect(sample(text, 'app_dependency_up', { dependency: 'redis' })).toBe(0);
    expect(sample(text, 'app_dependency_up', { dependency: 'database' })).toBe(1);
  });
});

describe(`docs and metrics off the public port (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_PORT: '0', OPENAPI_DOCS: 'false' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 404 for /metrics and the docs on the public port', async () => {
    for (const path of ['/metrics', '/metrics/', '/metrics?x=1', '/api/docs', '/api/docs-json']) {
      const res = await t.http.get(path);
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  it('serves /metrics on METRICS_PORT and nothing of the API there', async () => {
    expect(t.metricsUrl).not.toBeNull();
    const res = await fetch(`${t.metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('http_requests_total');
    expect((await fetch(`${t.metricsUrl}/api/v1/catalog/categories`)).status).toBe(404);
  });
});

describe(`metrics behind a token on the public port (${backendLabel})`, () => {
  let t: TestApp;
  const token = 'metrics-token-0123456789';
  beforeAll(async () => {
    t = await startTestApp({ METRICS_PORT: 'off', METRICS_TOKEN: token });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a scrape without the bearer token and serves one with it', async () => {
    const refused = await t.http.get('/metrics').expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    await t.http.get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789').expect(401);
    const ok = await t.http.get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    expect(ok.text).toContain('http_requests_total');
  });
});

describe(`readiness when the tables are gone (${backendLabel})`, () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase('sutwxapp_health');
    drop = fresh.drop;
    t = await startTestApp(fresh.url ? { DATABASE_URL: fresh.url } : {});
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  it('reports the database down, naming the missing schema, while SELECT 1 still works', async () => {
    await t.http.get('/api/v1/health').expect(200);
    const ds = t.app.get(DataSource);
    const runner = ds.createQueryRunner();
    try {
      // A botched restore: every table dropped, the server itself fine.
      await runner.query(usingMysql ? 'SET FOREIGN_KEY_CHECKS = 0' : 'PRAGMA foreign_keys = OFF');
      const rows: Array<Record<string, string>> = await runner.query(
        usingMysql ? 'SHOW TABLES' : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      );
      const tables = rows.map((r) => Object.values(r)[0]);
      expect(tables).toContain('users');
      for (const table of tables) await runner.query(`DROP TABLE ${ds.driver.escape(table)}`);
      expect(await runner.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await runner.release();
    }
    const res = await t.http.get('/api/v1/health').expect(503);
    expect(res.body.error.database.status).toBe('down');
    expect(res.body.error.database.message).toMatch(/tables are missing/);
  });
});
