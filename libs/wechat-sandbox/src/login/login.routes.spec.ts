import { startWechatSandbox, type WechatSandbox } from '../sandbox';

describe('sandbox: WeChat open API', () => {
  let sandbox: WechatSandbox;
  let appId: string;
  let appSecret: string;

  beforeAll(async () => {
    sandbox = await startWechatSandbox();
    ({ appId, appSecret } = sandbox.credentials.miniProgram);
  });
  afterAll(() => sandbox.close());

  async function get(path: string): Promise<Record<string, unknown>> {
    const res = await fetch(sandbox.url + path);
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }
  async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(sandbox.url + path, { method: 'POST', body: JSON.stringify(body) });
    return (await res.json()) as Record<string, unknown>;
  }
  const c2s = (q: Record<string, string>) => get(`/sns/jscode2session?${new URLSearchParams(q)}`);

  it('validates the jscode2session request like WeChat', async () => {
    const ok = { appid: appId, secret: appSecret, js_code: 'abc', grant_type: 'authorization_code' };
    expect(await c2s(ok)).toHaveProperty('openid');
    expect(await c2s({ ...ok, appid: 'wxother' })).toMatchObject({ errcode: 40013 });
    expect(await c2s({ ...ok, secret: 'nope' })).toMatchObject({ errcode: 40125 });
    expect(await c2s({ ...ok, grant_type: 'client_credential' })).toMatchObject({ errcode: 40002 });
    expect(await c2s({ appid: appId, secret: appSecret, grant_type: 'authorization_code' })).toMatchObject({
      errcode: 41008,
    });
    const invalid = await c2s({ ...ok, js_code: 'invalid-x' });
    expect(invalid).toMatchObject({ errcode: 40029 });
    expect(invalid.errmsg).toMatch(/^invalid code rid: [0-9a-f]+$/);
    // the path is case-sensitive
    expect(await get(`/sns/jsCode2Session?${new URLSearchParams(ok)}`)).toMatchObject({ errcode: 40066 });
  });

  it("logs in any code wx.login can return, DevTools' tourist placeholder included, as one stable user", async () => {
    const ok = { appid: appId, secret: appSecret, grant_type: 'authorization_code' };
    const tourist = await c2s({ ...ok, js_code: 'the code is a mock one' });
    expect(tourist.openid).toMatch(/^o[\w-]{27}$/);
    expect((await c2s({ ...ok, js_code: 'the code is a mock one' })).openid).toBe(tourist.openid);
    const other = await c2s({ ...ok, js_code: '蓝牙 code' });
    expect(other.openid).toMatch(/^o[\w-]{27}$/);
    expect(other.openid).not.toBe(tourist.openid);
  });

  it('issues a stable access token, refreshes it on force_refresh, and serves phone numbers', async () => {
    const req = { grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: false };
    const t1 = await post('/cgi-bin/stable_token', req);
    const t2 = await post('/cgi-bin/stable_token', req);
    expect(t1.access_token).toEqual(expect.any(String));
    expect(t2.access_token).toBe(t1.access_token);
    expect(t1.expires_in).toBe(7200);
    expect(await post('/cgi-bin/stable_token', { ...req, secret: 'x' })).toMatchObject({ errcode: 40125 });

    const phonePath = (t: unknown) => `/wxa/business/getuserphonenumber?access_token=${String(t)}`;
    const phone = await post(phonePath(t1.access_token), { code: 'phone13912345678' });
    expect(phone).toMatchObject({
      errcode: 0,
      phone_info: { phoneNumber: '13912345678', countryCode: '86', watermark: { appid: appId } },
    });
    expect(await post(phonePath(t1.access_token), { code: 'invalid' })).toMatchObject({ errcode: 40029 });

    const t3 = await post('/cgi-bin/stable_token', { ...req, force_refresh: true });
    expect(t3.access_token).not.toBe(t1.access_token);
    expect(await post(phonePath(t1.access_token), { code: 'x' })).toMatchObject({ errcode: 40001 });

    sandbox.advanceClock(7201 * 1000); // the token expires on the sandbox clock: 42001 (expired), not 40001 (invalid)
    expect(await post(phonePath(t3.access_token), { code: 'x' })).toMatchObject({ errcode: 42001 });
  });

  it('renews a stable token in its last 5 minutes, keeping the old one valid until it expires', async () => {
    const req = { grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: false };
    const phonePath = (t: unknown) => `/wxa/business/getuserphonenumber?access_token=${String(t)}`;
    const old = await post('/cgi-bin/stable_token', req);
    sandbox.advanceClock((Number(old.expires_in) - 200) * 1000);
    const renewed = await post('/cgi-bin/stable_token', req);
    expect(renewed.access_token).not.toBe(old.access_token);
    expect(renewed.expires_in).toBe(7200);
    expect(await post('/cgi-bin/stable_token', req)).toMatchObject({ access_token: renewed.access_token });
    expect(await post(phonePath(old.access_token), { code: 'p' })).toMatchObject({ errcode: 0 });
    sandbox.advanceClock(201 * 1000);
    expect(await post(phonePath(old.access_token), { code: 'p' })).toMatchObject({ errcode: 42001 });
    expect(await post(phonePath(renewed.access_token), { code: 'p' })).toMatchObject({ errcode: 0 });
  });

  it('revokes on force_refresh, but ignores a second forced refresh within 30 s', async () => {
    const req = { grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: true };
    const a = await post('/cgi-bin/stable_token', req);
    const b = await post('/cgi-bin/stable_token', req);
    expect(b.access_token).toBe(a.access_token);
  });
});
