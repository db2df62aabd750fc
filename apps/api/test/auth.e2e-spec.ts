import { createHmac, randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { UserEntity } from '../src/modules/auth/entities/user.entity';
import { createAdmin, createShopper } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

void InjectRepository;

function forge(payload: object, secret: string, alg = 'HS256'): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = b64({ alg, typ: 'JWT' });
  const body = b64(payload);
  if (alg === 'none') return `${head}.${body}.`;
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

describe(`auth (${backendLabel})`, () => {
  let t: TestApp;
  const responses: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    // session_key must never leave the server: not in any body we saw, not in any log line
    const sessionKeys = (
      await t.app
        .get<Repository<UserEntity>>(getRepositoryToken(UserEntity))
        .createQueryBuilder('u')
        .addSelect('u.sessionKey')
        .getMany()
    )
      .map((u) => u.sessionKey)
      .filter((k): k is string => Boolean(k));
    expect(sessionKeys.length).toBeGreaterThan(0);
    for (const key of sessionKeys) {
      for (const body of responses) expect(body).not.toContain(key);
      for (const line of t.logs) expect(line).not.toContain(key);
    }
    for (const body of responses) expect(body).not.toMatch(/session_?key/i);
    await t?.close();
  });
  const keep = <T extends { text: string }>(res: T): T => {
    responses.push(res.text);
    return res;
  };

  it('logs in with a wx.login code and the same code maps to the same user', async () => {
    const code = `same-${randomUUID()}`;
    const first = keep(await t.http.post('/api/v1/auth/wechat-login').send({ code }).expect(200));
    const second = keep(await t.http.post('/api/v1/auth/wechat-login').send({ code }).expect(200));
    expect(first.body.accessToken).toEqual(expect.any(String));
    expect(first.body.expiresIn).toBeGreaterThan(0);
    expect(first.body.user.id).toBe(second.body.user.id);
    const other = keep(
      await t.http
        .post('/api/v1/auth/wechat-login')
        .send({ code: `other-${randomUUID()}` })
        .expect(200),
    );
    expect(other.body.user.id).not.toBe(first.body.user.id);
  });

  it('keeps the unionid when WeChat sends one', async () => {
    const res = keep(
      await t.http
        .post('/api/v1/auth/wechat-login')
        .send({ code: `union-${randomUUID()}` })
        .expect(200),
    );
    const user = await t.app
      .get<Repository<UserEntity>>(getRepositoryToken(UserEntity))
      .findOneByOrFail({ id: res.body.user.id });
    expect(user.unionid).toEqual(expect.any(String));
  });

  it('maps WeChat errcodes to stable codes', async () => {
    const invalid = keep(await t.http.post('/api/v1/auth/wechat-login').send({ code: 'invalid-code-1' }).expect(401));
    expect(invalid.body).toMatchObject({ statusCode: 401, code: 'INVALID_LOGIN_CODE' });
    expect(invalid.body.message).toMatch(/wx\.login/);
    const limited = keep(await t.http.post('/api/v1/auth/wechat-login').send({ code: 'ratelimit-1' }).expect(429));
    expect(limited.body.code).toBe('WECHAT_RATE_LIMITED');
    const blocked = keep(await t.http.post('/api/v1/auth/wechat-login').send({ code: 'blocked-1' }).expect(403));
    expect(blocked.body.code).toBe('WECHAT_LOGIN_BLOCKED');
    const busy = keep(await t.http.post('/api/v1/auth/wechat-login').send({ code: 'busy-1' }).expect(503));
    expect(busy.body.code).toBe('WECHAT_UNAVAILABLE');
    keep(
      await t.http
        .post('/api/v1/auth/wechat-login')
        .send({ code: `busyonce-${randomUUID()}` })
        .expect(200),
    );
  });

  it('validates the login body', async () => {
    const res = keep(await t.http.post('/api/v1/auth/wechat-login').send({ code: 123 }).expect(400));
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors[0].field).toBe('code');
    keep(await t.http.post('/api/v1/auth/wechat-login').send({ code: 'x', extra: 1 }).expect(400));
    const malformed = keep(
      await t.http
        .post('/api/v1/auth/wechat-login')
        .set('content-type', 'application/json')
        .send('{"code":')
        .expect(400),
    );
    expect(malformed.body.code).toBe('MALFORMED_JSON');
  });

  it('serves and updates the profile with an emoji nickname', async () => {
    const shopper = await createShopper(t);
    const before = keep(await t.http.get('/api/v1/me').set(shopper.auth).expect(200));
    expect(before.body.id).toBe(shopper.userId);
    const nickname = '小明😀🎉 Ünïcødé';
    const patched = keep(
      await t.http
        .patch('/api/v1/me')
        .set(shopper.auth)
        .send({ nickname, avatarUrl: 'https://thirdwx.qlogo.cn/mmopen/x/132' })
        .expect(200),
    );
    expect(patched.body.nickname).toBe(nickname);
    const after = keep(await t.http.get('/api/v1/me').set(shopper.auth).expect(200));
    expect(after.body.nickname).toBe(nickname);
    expect(after.body.avatarUrl).toBe('https://thirdwx.qlogo.cn/mmopen/x/132');
    keep(await t.http.patch('/api/v1/me').set(shopper.auth).send({ nickname: '' }).expect(400));
    keep(await t.http.patch('/api/v1/me').set(shopper.auth).send({ avatarUrl: 'javascript:alert(1)' }).expect(400));
  });

  it('refuses missing, forged, wrong-algorithm and expired tokens with 401', async () => {
    const shopper = await createShopper(t);
    const noToken = await t.http.get('/api/v1/me').expect(401);
    expect(noToken.body.code).toBe('UNAUTHORIZED');
    await t.http.get('/api/v1/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
    await t.http
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${forge({ sub: shopper.userId, role: 'shopper' }, 'wrong-key')}`)
      .expect(401);
    await t.http
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${forge({ sub: shopper.userId, role: 'shopper' }, '', 'none')}`)
      .expect(401);
    const expired = forge(
      { sub: shopper.userId, role: 'shopper', exp: Math.floor(Date.now() / 1000) - 10 },
      t.config.jwtSecret,
    );
    const res = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
    const tampered = shopper.token.slice(0, -2) + (shopper.token.endsWith('A') ? 'BB' : 'AA');
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${tampered}`).expect(401);
  });

  it('separates operators and shoppers both ways', async () => {
    const admin = await createAdmin(t);
    const shopper = await createShopper(t);
    const forbidden = await t.http.get('/api/v1/me').set(admin.auth).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    await t.http.get('/api/v1/me').set(shopper.auth).expect(200);
  });

  it('rejects a wrong admin password without saying which part was wrong', async () => {
    const wrong = keep(
      await t.http.post('/api/v1/auth/admin-login').send({ username: 'nobody', password: 'whatever1' }).expect(401),
    );
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
  });
});

describe(`login rate limit (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with Retry-After once an IP exceeds the login limit', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http
        .post('/api/v1/auth/wechat-login')
        .send({ code: `rl-${i}-${randomUUID()}` })
        .expect(200);
    }
    const res = await t.http
      .post('/api/v1/auth/wechat-login')
      .send({ code: `rl-x-${randomUUID()}` })
      .expect(429);
    expect(res.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // operators have their own budget: shoppers behind one NAT can't lock them out
    await t.http.post('/api/v1/auth/admin-login').send({ username: 'a', password: 'b' }).expect(401);
    // other endpoints are not limited
    await t.http.get('/api/v1/health/live').expect(200);
  });
});

describe('development admin account', () => {
  it('creates the ADMIN_USERNAME account on first start, which can then log in', async () => {
    const t = await startTestApp({ ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'correct horse battery' });
    try {
      const res = await t.http
        .post('/api/v1/auth/admin-login')
        .send({ username: 'boss', password: 'correct horse battery' });
      // On a shared MariaDB an admin may already exist from another run; then the account is not re-created.
      if (res.status === 200) expect(res.body.admin).toMatchObject({ username: 'boss', role: 'admin' });
      else expect(res.status).toBe(401);
    } finally {
      await t.close();
    }
  });
});
