/*
 * Secrets never leave the server: after a full run (WeChat logins, profile, cart, order, WeChat
 * Pay prepay and notification, refund and its notification, shipping and tracking, operator
 * logins right and wrong, forged notifications, bad tokens, validation errors) at log level
 * trace, neither the captured log nor any response carries a session_key, an operator password,
 * the JWT secret, the merchant private key, the APIv3 key, the AppSecret or the Kuaidi100 key.
 */
import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import type { DataSource } from 'typeorm';
import { AdminAccountService } from '../src/modules/auth/admin-account.service';
import { type Answer, report, send } from '../../../test/resilience/e2e/api-surface';
import { createProduct, sampleAddress } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

/** Keys whose values must never appear in an answer, whatever they hold. */
const SECRET_FIELD = /^(session_?key|password|password_?hash|api_?v3_?key|private_?key|app_?secret|jwt_?secret)$/i;

describe(`secrets stay secret (${backendLabel})`, () => {
  let t: TestApp;
  let sandbox: WechatSandbox;
  const answers: Array<{ what: string; res: Answer }> = [];
  const tokens: string[] = [];
  const adminPassword = `Pw-${randomUUID()}`;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'trace' });
    sandbox = t.sandbox;
    await fullRun();
    await sandbox.whenIdle();
    // let queued writes and their log lines land
    await new Promise((r) => setTimeout(r, 700));
  });
  afterAll(async () => {
    await t?.close();
  });

  async function call(
    what: string,
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await send(t.baseUrl, { method, path, headers, body });
    answers.push({ what: `${what}: ${method} ${path} → ${res.status}`, res });
    return res;
  }

  async function fullRun(): Promise<void> {
    const shoppers: string[] = [];
    for (const code of [`secret-a-${randomUUID()}`, `secret-b-${randomUUID()}`, `union-${randomUUID()}`]) {
      const res = await call('login', 'POST', '/api/v1/auth/wechat-login', { body: { code } });
      shoppers.push((res.json as { accessToken: string }).accessToken);
    }
    tokens.push(...shoppers);
    await call('login again', 'POST', '/api/v1/auth/wechat-login', { body: { code: `secret-a-${randomUUID()}` } });
    await call('login with a bad code', 'POST', '/api/v1/auth/wechat-login', { body: { code: 'invalid-code' } });
    await call('login with a used code', 'POST', '/api/v1/auth/wechat-login', { body: { code: 'used-code' } });
    const [token] = shoppers;
    await call('profile', 'GET', '/api/v1/me', { token });
    await call('profile update', 'PATCH', '/api/v1/me', { token, body: { nickname: '保密😀' } });
    await call('profile with a session_key field', 'PATCH', '/api/v1/me', { token, body: { sessionKey: 'x' } });
    const address = await call('address', 'POST', '/api/v1/addresses', { token, body: sampleAddress });
    const addressId = (address.json as { id: number }).id;
    const p = await createProduct(t, { stock: 20, price: 4200 });
    await call('cart', 'POST', '/api/v1/cart/items', { token, body: { skuId: p.skuIds[0], quantity: 1 } });
    await call('cart view', 'GET', '/api/v1/cart', { token });
    const order = await call('order', 'POST', '/api/v1/orders', {
      token,
      body: { items: [{ skuId: p.skuIds[0], quantity: 2 }], addressId },
    });
    const { id: orderId, orderNo } = order.json as { id: number; orderNo: string };
    await call('pay', 'POST', `/api/v1/orders/${orderId}/pay`, { token });
    await sandbox.simulatePayment(orderNo);
    await call('pay sync', 'POST', `/api/v1/orders/${orderId}/pay/sync`, { token });
    await call('order view', 'GET', `/api/v1/orders/${orderId}`, { token });

    // a second order that is refunded after payment
    const second = await call('order 2', 'POST', '/api/v1/orders', {
      token,
      body: { items: [{ skuId: p.skuIds[0], quantity: 1 }], addressId },
    });
    const o2 = second.json as { id: number; orderNo: string };
    await call('pay 2', 'POST', `/api/v1/orders/${o2.id}/pay`, { token });
    const { transaction } = await sandbox.simulatePayment(o2.orderNo, { notify: false });
    const genuine = sandbox.pay.buildNotification({ eventType: 'TRANSACTION.SUCCESS', resource: transaction });
    await call('notification', 'POST', '/api/v1/payments/wechat/notify', {
      headers: genuine.headers,
      body: genuine.body,
    });
    for (const forgery of ['bad_signature', 'wrong_api_v3_key', 'tampered_ciphertext', 'stale_timestamp'] as const) {
      const forged = sandbox.pay.buildNotification({
        eventType: 'TRANSACTION.SUCCESS',
        resource: transaction,
        forgery,
      });
      await call(`forged (${forgery})`, 'POST', '/api/v1/payments/wechat/notify', {
        headers: forged.headers,
        body: forged.body,
      });
    }

    // operators: right, wrong and smuggled passwords
    const username = `ops-${randomUUID().slice(0, 8)}`;
    await t.app.get(AdminAccountService).create(username, adminPassword);
    const login = await call('admin login', 'POST', '/api/v1/auth/admin-login', {
      body: { username, password: adminPassword },
    });
    const admin = (login.json as { accessToken: string }).accessToken;
    tokens.push(admin);
    await call('admin login, wrong password', 'POST', '/api/v1/auth/admin-login', {
      body: { username, password: `${adminPassword}x` },
    });
    await call('admin login, unknown user', 'POST', '/api/v1/auth/admin-login', {
      body: { username: 'nobody', password: adminPassword },
    });
    await call('admin login, extra field', 'POST', '/api/v1/auth/admin-login', {
      body: { username, password: adminPassword, passwordConfirm: adminPassword },
    });
    await call('admin login, password as a number', 'POST', '/api/v1/auth/admin-login', {
      body: { username, password: 12345678 },
    });
    await call('admin login, malformed', 'POST', '/api/v1/auth/admin-login', {
      body: `{"username":"${username}","password":"${adminPassword}"`,
    });
    await call('admin orders', 'GET', '/api/v1/admin/orders', { token: admin });
    await call('refund', 'POST', `/api/v1/admin/orders/${o2.id}/refund`, {
      token: admin,
      body: { reason: '协商退款' },
    });
    await sandbox.whenIdle();
    await call('ship', 'POST', `/api/v1/admin/orders/${orderId}/ship`, {
      token: admin,
      body: { carrierCode: 'yuantong', trackingNo: `YT${Date.now()}` },
    });
    await call('tracking', 'GET', `/api/v1/orders/${orderId}/logistics`, { token });

    await call('forged token', 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}x` } });
    await call('health', 'GET', '/api/v1/health');
    await call('metrics', 'GET', '/metrics');
  }

  function secrets(): Map<string, string> {
    const pay = sandbox.credentials.pay;
    const found = new Map<string, string>();
    const add = (kind: string, value: string | undefined): void => {
      if (value && value.length >= 12) found.set(value, kind);
    };
    for (const [kind, pem] of [
      ['merchant private key', pay.merchantPrivateKeyPem],
      ['platform private key', pay.platformPrivateKeyPem],
    ] as const) {
      for (const line of pem.split('\n')) if (line.length >= 40 && !line.startsWith('-----')) add(kind, line);
    }
    add('APIv3 key', pay.apiV3Key);
    add('AppSecret', sandbox.credentials.miniProgram.appSecret);
    add('Kuaidi100 key', sandbox.credentials.kuaidi100.key);
    add('JWT secret', t.config.jwtSecret);
    add('operator password', adminPassword);
    return found;
  }

  async function sessionKeys(): Promise<string[]> {
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const rows = (await ds.query('SELECT session_key FROM users WHERE session_key IS NOT NULL')) as Array<{
      session_key: string;
    }>;
    return rows.map((r) => r.session_key);
  }

  it('ran the whole flow, so there was something to leak', async () => {
    const statuses = answers.map((a) => a.res.status);
    expect(statuses.filter((s) => s >= 200 && s < 300).length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s >= 400 && s < 500).length).toBeGreaterThan(8);
    expect(statuses).not.toContain(500);
    expect((await sessionKeys()).length).toBeGreaterThanOrEqual(3);
    expect(t.logs.length).toBeGreaterThan(50);
  });

  it('keeps every secret out of the log', async () => {
    const log = t.logs.join('\n');
    const leaks: string[] = [];
    for (const [value, kind] of secrets()) if (log.includes(value)) leaks.push(kind);
    for (const key of await sessionKeys()) if (log.includes(key)) leaks.push('session_key');
    for (const token of tokens) if (log.includes(token)) leaks.push('access token');
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(log)) leaks.push('a PEM private key');
    const unredacted = log.match(
      /"(session_?key|password|api_?v3_?key|private_?key|authorization)":"(?!\[redacted\])[^"]+"/gi,
    );
    if (unredacted) leaks.push(...unredacted.map((m) => `unredacted ${m.slice(0, 40)}`));
    report(`secrets-${backendLabel.startsWith('MariaDB') ? 'mariadb' : 'sqlite'}`, {
      logLines: t.logs.length,
      responses: answers.length,
      secretsChecked: secrets().size + (await sessionKeys()).length + tokens.length,
      leaks: leaks.length,
    });
    expect(leaks).toEqual([]);
  });

  it('keeps every secret out of every response', async () => {
    const leaks: string[] = [];
    const all = [...secrets(), ...(await sessionKeys()).map((k) => [k, 'session_key'] as const)];
    for (const { what, res } of answers) {
      const text = `${JSON.stringify(res.headers)}\n${res.text}`;
      for (const [value, kind] of all) if (text.includes(value)) leaks.push(`${what} shows the ${kind}`);
      for (const key of fieldNames(res.json)) if (SECRET_FIELD.test(key)) leaks.push(`${what} has a "${key}" field`);
    }
    expect(leaks).toEqual([]);
  });
});

function fieldNames(json: unknown, out: string[] = []): string[] {
  if (Array.isArray(json)) json.forEach((v) => fieldNames(v, out));
  else if (json && typeof json === 'object') {
    for (const [k, v] of Object.entries(json)) {
      out.push(k);
      fieldNames(v, out);
    }
  }
  return out;
}
