import { randomUUID } from 'node:crypto';
import {
  addressCreate,
  adminCatalogCreateProduct,
  adminCatalogCreateCategory,
  adminOrderGet,
  authAdminLogin,
  authWechatLogin,
  catalogProduct,
  createApiClient,
  orderCreate,
  orderGet,
  paymentPay,
  sandboxPaymentSimulate,
} from '@sutwxapp/api-client';
import { AdminAccountService } from '../src/modules/auth/admin-account.service';
import { sampleAddress } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/**
 * The generated client (libs/api-client, from docs/openapi.json) drives a whole purchase over
 * real HTTP: what the merchant console and integrators will do. Every answer is also checked
 * against the document by the shared conformance recorder.
 */
describe(`generated API client, end to end (${backendLabel})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in, orders, pays through the WeChat Pay sandbox and sees the order PAID', async () => {
    // an operator puts a product on the shelf
    const adminSession: { token?: string } = {};
    const admin = createApiClient({ baseUrl: t.baseUrl, token: () => adminSession.token });
    const username = `ops-${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    await t.app.get(AdminAccountService).create(username, password);
    const adminLogin = await authAdminLogin({ client: admin, body: { username, password } });
    adminSession.token = adminLogin.data?.accessToken;
    expect(adminLogin.data?.admin.username).toBe(username);

    const category = await adminCatalogCreateCategory({
      client: admin,
      body: { name: `客户端-${randomUUID().slice(0, 6)}` },
    });
    expect(category.response.status).toBe(201);
    const product = await adminCatalogCreateProduct({
      client: admin,
      body: {
        title: '客户端测试商品',
        categoryId: category.data!.id,
        images: ['/api/v1/assets/demo/test.svg'],
        specAxes: [{ name: '颜色', values: ['黑'] }],
        skus: [{ specs: { 颜色: '黑' }, price: 2990, stock: 5 }],
      },
    });
    expect(product.response.status).toBe(201);
    const skuId = product.data!.skus[0].id;

    // a shopper signs in with a wx.login() code and buys it
    const shopperSession: { token?: string } = {};
    const shop = createApiClient({ baseUrl: t.baseUrl, token: () => shopperSession.token });
    const login = await authWechatLogin({ client: shop, body: { code: `client-${randomUUID()}` } });
    shopperSession.token = login.data?.accessToken;
    expect(shopperSession.token).toEqual(expect.any(String));

    const detail = await catalogProduct({ client: shop, path: { id: product.data!.id } });
    expect(detail.data?.skus.map((s) => s.price)).toEqual([2990]);

    const address = await addressCreate({ client: shop, body: sampleAddress });
    expect(address.response.status).toBe(201);
    const order = await orderCreate({
      client: shop,
      body: { items: [{ skuId, quantity: 2 }], addressId: address.data!.id },
    });
    expect(order.response.status).toBe(201);
    expect(order.data).toMatchObject({ status: 'PENDING_PAYMENT', goodsAmount: 5980 });
    const orderId = order.data!.id;

    const pay = await paymentPay({ client: shop, path: { id: orderId } });
    expect(pay.data).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) });

    const simulated = await sandboxPaymentSimulate({ client: shop, path: { id: orderId } });
    expect(simulated.data).toEqual({ delivered: true });

    const paid = await orderGet({ client: shop, path: { id: orderId } });
    expect(paid.data?.status).toBe('PAID');
    expect(paid.data?.paidAt).toEqual(expect.any(String));

    // the operator sees the same order as paid
    const seen = await adminOrderGet({ client: admin, path: { id: orderId } });
    expect(seen.data).toMatchObject({ id: orderId, status: 'PAID', payableAmount: paid.data!.payableAmount });
  });

  it('returns the documented error shape, typed, for a refused call', async () => {
    const anonymous = createApiClient({ baseUrl: t.baseUrl });
    const res = await orderGet({ client: anonymous, path: { id: 1 } });
    expect(res.response.status).toBe(401);
    expect(res.error).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED', requestId: expect.any(String) });
  });
});
