import { createHmac, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { AdminAccountService } from '../src/modules/auth/admin-account.service';
import { createShopper } from './support/factories';
import { backendLabel, startTestApp, type TestApp, usingMysql } from './support/test-app';

const JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** An HS256 token signed with the test secret, with whatever claims (e.g. no `exp`). */
function forge(claims: Record<string, unknown>): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', JWT_SECRET).update(head).digest('base64url')}`;
}

/**
 * Operator sessions (issue 16): a password change or reset, disabling an operator and logging out
 * end that operator's tokens at once, on every replica; usernames are one account whatever their
 * case, width or surrounding space; bcrypt's 72-byte limit is enforced; login budgets are separate.
 */
describe(`Operator sessions (${backendLabel})`, () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // two replicas on one database (SQLite: one file)
    const shared = usingMysql ? {} : { DATABASE_URL: `sqlite:${join(tmpdir(), `ops-${randomUUID()}.sqlite`)}` };
    a = await startTestApp(shared);
    b = await startTestApp({ ...shared, MIGRATE_ON_START: 'false' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  async function operator(password = `pw-${randomUUID()}`) {
    const username = `ops-${randomUUID().slice(0, 8)}`;
    const account = await a.app.get(AdminAccountService).create(username, password);
    const login = async (pw = password) =>
      (await a.http.post('/api/v1/auth/admin-login').send({ username, password: pw }).expect(200)).body
        .accessToken as string;
    return { id: account.id, username, password, login };
  }
  const works = async (t: TestApp, token: string) =>
    (await t.http.get('/api/v1/admin/orders').set('Authorization', `Bearer ${token}`)).status;

  it('ends every token of an operator who changes their password, on both replicas', async () => {
    const op = await operator();
    const token = await op.login();
    expect([await works(a, token), await works(b, token)]).toEqual([200, 200]);
    await a.http
      .post('/api/v1/admin/account/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: op.password, newPassword: 'a-new-password-1' })
      .expect(204);
    expect([await works(a, token), await works(b, token)]).toEqual([401, 401]);
    await a.http.post('/api/v1/auth/admin-login').send({ username: op.username, password: op.password }).expect(401);
    expect(await works(b, await op.login('a-new-password-1'))).toBe(200);
  });

  it('ends the sessions of an operator whose password another resets, or who is disabled', async () => {
    const boss = await operator();
    const bossToken = await boss.login();
    const reset = await operator();
    const resetToken = await reset.login();
    await b.http
      .post(`/api/v1/admin/operators/${reset.id}/password`)
      .set('Authorization', `Bearer ${bossToken}`)
      .send({ newPassword: 'reset-password-1' })
      .expect(204);
    expect(await works(a, resetToken)).toBe(401);

    const gone = await operator();
    const goneToken = await gone.login();
    await a.http
      .post(`/api/v1/admin/operators/${gone.id}/disable`)
      .set('Authorization', `Bearer ${bossToken}`)
      .expect(204);
    expect([await works(a, goneToken), await works(b, goneToken)]).toEqual([401, 401]);
    await a.http
      .post('/api/v1/auth/admin-login')
      .send({ username: gone.username, password: gone.password })
      .expect(401);
    expect(await works(a, bossToken)).toBe(200);
  });

  it('ends the tokens of an operator who logs out', async () => {
    const op = await operator();
    const token = await op.login();
    await b.http.post('/api/v1/admin/logout').set('Authorization', `Bearer ${token}`).expect(204);
    expect([await works(a, token), await works(b, token)]).toEqual([401, 401]);
  });

  it('refuses tokens without an expiry', async () => {
    const op = await operator();
    const neverExpires = forge({ sub: op.id, role: 'admin', ver: 0, iat: Math.floor(Date.now() / 1000) });
    expect(await works(a, neverExpires)).toBe(401);
    const shopper = await createShopper(a);
    const shopperForever = forge({ sub: shopper.userId, role: 'shopper', iat: Math.floor(Date.now() / 1000) });
    await a.http.get('/api/v1/me').set('Authorization', `Bearer ${shopperForever}`).expect(401);
    // the same claims with an expiry are accepted: the refusal is about the missing exp
    const withExp = forge({ sub: op.id, role: 'admin', ver: 0, exp: Math.floor(Date.now() / 1000) + 60 });
    expect(await works(a, withExp)).toBe(200);
  });

  it('treats OPS, "ops " and full-width Ｏｐｓ as one account', async () => {
    const suffix = randomUUID().slice(0, 6);
    await a.app.get(AdminAccountService).create(`OPS-${suffix}`, 'password-123');
    for (const spelling of [`ops-${suffix}`, ` Ops-${suffix} `, `ＯＰＳ－${suffix}`.normalize('NFC')]) {
      await a.http.post('/api/v1/auth/admin-login').send({ username: spelling, password: 'password-123' }).expect(200);
    }
    await expect(a.app.get(AdminAccountService).create(`ｏｐｓ-${suffix}`, 'password-456')).rejects.toThrow();
  });

  it("refuses a password past bcrypt's 72 bytes instead of cutting it", async () => {
    const op = await operator();
    const token = await op.login();
    const set = (newPassword: string) =>
      a.http
        .post('/api/v1/admin/account/password')
        .set('Authorization', `Bearer ${token}`)
        .send({ currentPassword: op.password, newPassword });
    const tooLong = await set('密'.repeat(25)); // 75 bytes
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toMatch(/72 bytes/);
    await set('密'.repeat(24)).expect(204); // exactly 72 bytes
    await a.http
      .post('/api/v1/auth/admin-login')
      .send({ username: op.username, password: `${'密'.repeat(24)}再多一点` })
      .expect(401);
    await a.http
      .post('/api/v1/auth/admin-login')
      .send({ username: op.username, password: '密'.repeat(24) })
      .expect(200);
  });
});

describe(`Login rate limits (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '3', ADMIN_LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives shopper and operator logins separate budgets per IP', async () => {
    for (let i = 0; i < 3; i++)
      await t.http
        .post('/api/v1/auth/wechat-login')
        .send({ code: `c-${randomUUID()}` })
        .expect(200);
    await t.http
      .post('/api/v1/auth/wechat-login')
      .send({ code: `c-${randomUUID()}` })
      .expect(429);
    const username = `ops-${randomUUID().slice(0, 8)}`;
    await t.app.get(AdminAccountService).create(username, 'password-123');
    await t.http.post('/api/v1/auth/admin-login').send({ username, password: 'password-123' }).expect(200);
  });
});
