import { randomUUID } from 'node:crypto';
import { AdminAccountService } from '../../src/modules/auth/admin-account.service';
import type { TestApp } from './test-app';

export interface Shopper {
  token: string;
  userId: number;
  auth: { Authorization: string };
}

/** A new shopper, logged in through the real WeChat login flow against the sandbox. */
export async function createShopper(t: TestApp, code = `shopper-${randomUUID()}`): Promise<Shopper> {
  const res = await t.http.post('/api/v1/auth/wechat-login').send({ code }).expect(200);
  const token = res.body.accessToken as string;
  return { token, userId: res.body.user.id as number, auth: { Authorization: `Bearer ${token}` } };
}

export interface Admin {
  token: string;
  auth: { Authorization: string };
}

/** A new operator account created through the real service, logged in over HTTP. */
export async function createAdmin(t: TestApp): Promise<Admin> {
  const username = `ops-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  await t.app.get(AdminAccountService).create(username, password);
  const res = await t.http.post('/api/v1/auth/admin-login').send({ username, password }).expect(200);
  const token = res.body.accessToken as string;
  return { token, auth: { Authorization: `Bearer ${token}` } };
}
