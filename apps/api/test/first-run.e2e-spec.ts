/*
 * What a newcomer meets first: WeChat DevTools' tourist login code, validation messages that name
 * the real problem (one per field, presence before type before range), and the checkout preview
 * keeping other shoppers' addresses as unknown as POST /orders does.
 */
import { startWechatSandbox, type WechatSandbox } from '@sutwxapp/wechat-sandbox';
import { buyer, createShopper, createProduct, submitOrder } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/** What wx.login() returns in WeChat DevTools opened with the tourist appid. */
const TOURIST_CODE = 'the code is a mock one';

interface FieldError {
  field: string;
  message: string;
}

describe(`first run: tourist login, field messages, preview ownership (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (code: unknown) => t.http.post('/api/v1/auth/wechat-login').send({ code });

  it("logs DevTools' tourist placeholder code in on the sandbox, as one stable shopper", async () => {
    const first = await login(TOURIST_CODE).expect(200);
    const again = await login(TOURIST_CODE).expect(200);
    expect(again.body.user.id).toBe(first.body.user.id);
    const other = await login('another code, spaces and 中文 included').expect(200);
    expect(other.body.user.id).not.toBe(first.body.user.id);
    const me = await t.http.get('/api/v1/me').set('authorization', `Bearer ${first.body.accessToken}`).expect(200);
    expect(me.body.id).toBe(first.body.user.id);
  });

  async function fieldErrors(res: { body: { code: string; message: string; errors?: FieldError[] } }) {
    expect(res.body.code).toBe('VALIDATION_FAILED');
    return res.body.errors ?? [];
  }

  it.each([
    ['missing', { quantity: 1 }, 'skuId', 'skuId is required'],
    ['a string', { skuId: 'abc', quantity: 1 }, 'skuId', 'skuId must be an integer id'],
    ['null', { skuId: null, quantity: 1 }, 'skuId', 'skuId cannot be null'],
    ['zero', { skuId: 0, quantity: 1 }, 'skuId', 'skuId must be a positive id'],
    ['a numeric string', { skuId: 1, quantity: '2' }, 'quantity', 'quantity must be a whole number'],
    ['null', { skuId: 1, quantity: null }, 'quantity', 'quantity cannot be null'],
    ['a fraction', { skuId: 1, quantity: 1.5 }, 'quantity', 'quantity must be a whole number'],
    ['too many', { skuId: 1, quantity: 1000 }, 'quantity', 'quantity can be at most 999'],
  ])('cart line with the field %s: one message about that (%j)', async (_what, body, field, message) => {
    const shopper = await createShopper(t);
    const res = await t.http.post('/api/v1/cart/items').set(shopper.auth).send(body).expect(400);
    expect(await fieldErrors(res)).toEqual([{ field, message }]);
    expect(res.body.message).toBe(message);
  });

  it('names the type, not the range, for a mistyped query parameter', async () => {
    const res = await t.http.get('/api/v1/catalog/products?page=abc').expect(400);
    expect(await fieldErrors(res)).toEqual([{ field: 'page', message: 'page must be a positive integer' }]);
    const twice = await t.http.get('/api/v1/catalog/products?page=1&page=2').expect(400);
    expect(await fieldErrors(twice)).toEqual([{ field: 'page', message: 'page must be a positive integer' }]);
  });

  it('says what is wrong with a login code: missing, not a string, empty', async () => {
    expect(await fieldErrors(await t.http.post('/api/v1/auth/wechat-login').send({}).expect(400))).toEqual([
      { field: 'code', message: 'code is required' },
    ]);
    expect(await fieldErrors(await login(123).expect(400))).toEqual([
      { field: 'code', message: 'code must be the string returned by wx.login()' },
    ]);
    expect(await fieldErrors(await login('').expect(400))).toEqual([
      { field: 'code', message: 'code must be 1 to 128 characters' },
    ]);
  });

  it('reports nested lines field by field, and a list of non-objects once', async () => {
    const shopper = await createShopper(t);
    const nested = await submitOrder(t, shopper, { items: [{ skuId: 'x' }], addressId: 1 }).expect(400);
    expect(await fieldErrors(nested)).toEqual([
      { field: 'items.0.skuId', message: 'skuId must be an integer id' },
      { field: 'items.0.quantity', message: 'quantity is required' },
    ]);
    const flat = await submitOrder(t, shopper, { items: [1], addressId: 1 }).expect(400);
    expect(await fieldErrors(flat)).toEqual([{ field: 'items', message: 'items must be a list of objects' }]);
    const extra = await submitOrder(t, shopper, { fromCart: true, addressId: 1, x: 1 });
    expect(await fieldErrors(extra)).toEqual([{ field: 'x', message: 'property x should not exist' }]);
  });

  it("answers /orders/preview with another shopper's address id 404, like /orders", async () => {
    const { addressId: theirs } = await buyer(t);
    const { shopper: other, addressId: mine } = await buyer(t);
    const p = await createProduct(t, { stock: 5, price: 1200 });
    const items = [{ skuId: p.skuIds[0], quantity: 1 }];

    const order = await submitOrder(t, other, { items, addressId: theirs }).expect(404);
    const preview = await t.http
      .post('/api/v1/orders/preview')
      .set(other.auth)
      .send({ items, addressId: theirs })
      .expect(404);
    expect(preview.body).toMatchObject({ statusCode: 404, code: order.body.code });
    expect(preview.body.code).toBe('ADDRESS_NOT_FOUND');
    expect(preview.body).not.toHaveProperty('payableAmount');

    // their own address, or none yet (a first-time buyer's checkout), prices the goods
    const own = await t.http.post('/api/v1/orders/preview').set(other.auth).send({ items, addressId: mine });
    expect(own.status).toBe(200);
    const none = await t.http.post('/api/v1/orders/preview').set(other.auth).send({ items }).expect(200);
    expect(none.body).toEqual(own.body);
    expect(none.body.goodsAmount).toBe(1200);
  });
});

describe('login without the sandbox (the sandbox stands in for WeChat)', () => {
  let wechat: WechatSandbox;
  let t: TestApp;
  beforeAll(async () => {
    wechat = await startWechatSandbox();
    const { miniProgram, pay } = wechat.credentials;
    t = await startTestApp({
      WECHAT_SANDBOX: 'false',
      WECHAT_PUSH_TOKEN: 'token123',
      WECHAT_ENCODING_AES_KEY: 'a'.repeat(43),
      WECHAT_API_BASE_URL: wechat.url,
      WECHAT_APP_ID: miniProgram.appId,
      WECHAT_APP_SECRET: miniProgram.appSecret,
      WECHAT_PAY_BASE_URL: wechat.url,
      WECHAT_PAY_MCH_ID: pay.mchId,
      WECHAT_PAY_MERCHANT_SERIAL_NO: pay.merchantSerialNo,
      WECHAT_PAY_PRIVATE_KEY: pay.merchantPrivateKeyPem,
      WECHAT_PAY_API_V3_KEY: pay.apiV3Key,
      WECHAT_PAY_PUBLIC_KEY_ID: pay.platformSerial,
      WECHAT_PAY_PUBLIC_KEY: pay.platformPublicKeyPem,
    });
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  it('answers a code WeChat cannot issue with 401 INVALID_LOGIN_CODE, never a 400 about characters', async () => {
    const before = wechat.stats.count('jscode2session');
    for (const code of [TOURIST_CODE, '蓝牙', 'a/b']) {
      const res = await t.http.post('/api/v1/auth/wechat-login').send({ code }).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'INVALID_LOGIN_CODE' });
      expect(res.body.message).toMatch(/wx\.login\(\)/);
      expect(res.body.requestId).toEqual(expect.any(String));
    }
    // refused here: WeChat would only have answered 40029
    expect(wechat.stats.count('jscode2session')).toBe(before);

    const real = await t.http.post('/api/v1/auth/wechat-login').send({ code: '0a3Fxy0w3GLabc1Q3LXw3u0ygx3FxyzK' });
    expect(real.status).toBe(200);
    expect(wechat.stats.count('jscode2session')).toBe(before + 1);
    const refused = await t.http.post('/api/v1/auth/wechat-login').send({ code: 'invalid-0a3Fxy' }).expect(401);
    expect(refused.body.code).toBe('INVALID_LOGIN_CODE');
  });
});
