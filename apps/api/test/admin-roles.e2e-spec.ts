import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PERMISSIONS, type OperatorRole, permissions } from '@sutwxapp/contracts';
import { AdminAccountService } from '../src/modules/auth/admin-account.service';
import { ADMIN_CSP } from '../src/infra/admin-console';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';
import openapi from '../../../docs/openapi.json';

/**
 * Operator roles (issue 24): every admin route of the OpenAPI document has a row in the
 * permission table, the API enforces it per route, the owner manages operators and roles, and
 * the console is served at /admin with its cache and CSP headers.
 */
describe(`Operator roles and the console at /admin (${backendLabel})`, () => {
  let t: TestApp;
  const consoleDir = join(tmpdir(), `admin-console-${randomUUID()}`);
  beforeAll(async () => {
    mkdirSync(join(consoleDir, 'assets'), { recursive: true });
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><div id="app"></div>');
    writeFileSync(join(consoleDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    t = await startTestApp({ ADMIN_CONSOLE_DIR: consoleDir });
  });
  afterAll(async () => t?.close());

  async function operator(operatorRole: OperatorRole) {
    const username = `${operatorRole.slice(0, 4)}-${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    const account = await t.app.get(AdminAccountService).create(username, password, operatorRole);
    const res = await t.http.post('/api/v1/auth/admin-login').send({ username, password }).expect(200);
    return { id: account.id, username, token: res.body.accessToken as string, profile: res.body.admin };
  }

  it('every admin route in the OpenAPI document has a permission row', () => {
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(openapi.paths as Record<string, Record<string, unknown>>)) {
      if (!path.startsWith('/api/v1/admin/')) continue;
      for (const method of Object.keys(ops)) {
        const key = `${method.toUpperCase()} ${path.replace('/api/v1', '')}`;
        if (!ADMIN_PERMISSIONS[key]) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    // and a route without a row is owner-only, so nothing opens by accident
    expect(permissions.rolesFor('POST', '/admin/some-future-route')).toEqual(['owner']);
  });

  it('login tells the console the role; each role reaches only its rows', async () => {
    const cs = await operator('customer_service');
    const finance = await operator('finance');
    const ops = await operator('operations');
    expect(cs.profile).toMatchObject({ role: 'admin', operatorRole: 'customer_service' });

    const get = (token: string, path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`);
    // orders: every role reads them
    await get(cs.token, '/api/v1/admin/orders').expect(200);
    await get(finance.token, '/api/v1/admin/orders').expect(200);
    // figures: finance yes, customer service no
    await get(finance.token, '/api/v1/admin/analytics/daily-sales').expect(200);
    const refused = await get(cs.token, '/api/v1/admin/analytics/daily-sales').expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    // refunds: customer service refused before the order is even looked up; finance passes the guard
    await t.http
      .post('/api/v1/admin/orders/999999/refund')
      .set('Authorization', `Bearer ${cs.token}`)
      .send({ reason: '测试' })
      .expect(403);
    await t.http
      .post('/api/v1/admin/orders/999999/refund')
      .set('Authorization', `Bearer ${finance.token}`)
      .send({ reason: '测试' })
      .expect(404);
    // catalog writes: operations only
    await t.http
      .post('/api/v1/admin/categories')
      .set('Authorization', `Bearer ${ops.token}`)
      .send({ name: `分类${randomUUID().slice(0, 4)}` })
      .expect(201);
    await t.http
      .post('/api/v1/admin/categories')
      .set('Authorization', `Bearer ${finance.token}`)
      .send({ name: '财务不能建' })
      .expect(403);
    // operators: owner only
    await get(ops.token, '/api/v1/admin/operators').expect(403);
  });

  it('the owner creates operators, changes roles (effective at once) and disables them', async () => {
    const owner = await operator('owner');
    const auth = { Authorization: `Bearer ${owner.token}` };
    const username = `cs-${randomUUID().slice(0, 8)}`;
    const created = await t.http
      .post('/api/v1/admin/operators')
      .set(auth)
      .send({ username, password: 'password-123', operatorRole: 'customer_service' })
      .expect(201);
    expect(created.body).toMatchObject({ username, operatorRole: 'customer_service', disabled: false });
    await t.http
      .post('/api/v1/admin/operators')
      .set(auth)
      .send({ username, password: 'password-123', operatorRole: 'finance' })
      .expect(409);
    await t.http
      .post('/api/v1/admin/operators')
      .set(auth)
      .send({ username: 'x1', password: 'password-123', operatorRole: 'superuser' })
      .expect(400);

    const login = await t.http
      .post('/api/v1/auth/admin-login')
      .send({ username, password: 'password-123' })
      .expect(200);
    const token = login.body.accessToken as string;
    await t.http.get('/api/v1/admin/analytics/funnel').set('Authorization', `Bearer ${token}`).expect(403);
    await t.http
      .patch(`/api/v1/admin/operators/${created.body.id}`)
      .set(auth)
      .send({ operatorRole: 'finance' })
      .expect(200);
    // the same token, the new role
    await t.http.get('/api/v1/admin/analytics/funnel').set('Authorization', `Bearer ${token}`).expect(200);
    const me = await t.http.get('/api/v1/admin/account').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.operatorRole).toBe('finance');

    const list = await t.http.get('/api/v1/admin/operators').set(auth).expect(200);
    expect(list.body.items.map((o: { username: string }) => o.username)).toContain(username);
    // the owner can't demote themselves
    await t.http.patch(`/api/v1/admin/operators/${owner.id}`).set(auth).send({ operatorRole: 'finance' }).expect(409);

    // reset password revokes the operator's tokens
    await t.http
      .post(`/api/v1/admin/operators/${created.body.id}/password`)
      .set(auth)
      .send({ newPassword: 'another-pass-1' })
      .expect(204);
    await t.http.get('/api/v1/admin/account').set('Authorization', `Bearer ${token}`).expect(401);
    await t.http.post(`/api/v1/admin/operators/${created.body.id}/disable`).set(auth).expect(204);
    await t.http.post('/api/v1/auth/admin-login').send({ username, password: 'another-pass-1' }).expect(401);
    await t.http.post(`/api/v1/admin/operators/${created.body.id}/enable`).set(auth).expect(204);
    await t.http.post('/api/v1/auth/admin-login').send({ username, password: 'another-pass-1' }).expect(200);
  });

  it('serves the console at /admin: SPA fallback, strict CSP, long-cache hashed assets', async () => {
    const deep = await t.http.get('/admin/orders/12?status=PAID').expect(200);
    expect(deep.text).toContain('<div id="app">');
    expect(deep.headers['content-security-policy']).toBe(ADMIN_CSP);
    expect(deep.headers['content-security-policy']).toContain("script-src 'self'");
    expect(deep.headers['cache-control']).toBe('no-cache');
    const asset = await t.http.get('/admin/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['content-type']).toContain('javascript');
    await t.http.get('/admin/assets/missing.js').expect(404);
    await t.http.get('/admin/assets/..%2f..%2fpackage.json').expect(404);
  });
});
