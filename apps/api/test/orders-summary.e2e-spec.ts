import {
  createAdmin,
  createProduct,
  placeOrder,
  createShopper,
  type Admin,
  type Shopper,
  createAddress,
  submitOrder,
} from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/** The me page's order counts (one request) and the checkout a first-time buyer sees. */
describe(`orders summary and address-less preview (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const order = async (shopper: Shopper, addressId: number, skuId: number): Promise<number> =>
    (await placeOrder(t, { buyer: { shopper, addressId }, items: [{ skuId, quantity: 1 }] })).orderId;

  it("counts the shopper's own orders per state, and only theirs", async () => {
    const { skuIds } = await createProduct(t, { admin, stock: 20 });
    const shopper = await createShopper(t);
    const other = await createShopper(t);
    const empty = await t.http.get('/api/v1/orders/summary').set(shopper.auth).expect(200);
    expect(empty.body).toEqual({
      total: 0,
      byStatus: { PENDING_PAYMENT: 0, PAID: 0, SHIPPED: 0, COMPLETED: 0, CANCELLED: 0, REFUNDING: 0, REFUNDED: 0 },
    });

    const addressId = await createAddress(t, shopper);
    const a = await order(shopper, addressId, skuIds[0]);
    const b = await order(shopper, addressId, skuIds[0]);
    const paid = await order(shopper, addressId, skuIds[0]);
    await t.http.post(`/api/v1/orders/${b}/cancel`).set(shopper.auth).expect(200);
    await t.http.post(`/api/v1/orders/${paid}/pay`).set(shopper.auth).expect(200);
    await t.http.post(`/api/v1/sandbox/orders/${paid}/simulate-payment`).set(shopper.auth).expect(200);
    await order(other, await createAddress(t, other), skuIds[0]);

    const res = await t.http.get('/api/v1/orders/summary').set(shopper.auth).expect(200);
    expect(res.body).toEqual({
      total: 3,
      byStatus: { PENDING_PAYMENT: 1, PAID: 1, SHIPPED: 0, COMPLETED: 0, CANCELLED: 1, REFUNDING: 0, REFUNDED: 0 },
    });
    // the counts agree with what the lists the me page used to fetch one by one would say
    const pending = await t.http.get('/api/v1/orders?status=PENDING_PAYMENT').set(shopper.auth).expect(200);
    expect(pending.body.items.map((o: { id: number }) => o.id)).toEqual([a]);
  });

  it('is for shoppers only, with the documented error shape', async () => {
    const res = await t.http.get('/api/v1/orders/summary').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: expect.any(String), requestId: expect.any(String) });
  });

  it('previews the goods and the real total before the shopper has any address', async () => {
    const { skuIds } = await createProduct(t, { admin, price: 1500, stock: 5 });
    const shopper = await createShopper(t);
    const res = await t.http
      .post('/api/v1/orders/preview')
      .set(shopper.auth)
      .send({ items: [{ skuId: skuIds[0], quantity: 2 }] })
      .expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ skuId: skuIds[0], quantity: 2, subtotal: 3000 })]);
    expect(res.body.goodsAmount).toBe(3000);
    expect(res.body.payableAmount).toBe(res.body.goodsAmount + res.body.freightAmount);
    expect(res.body.payableAmount).toBeGreaterThan(0);
    // placing the order still needs one
    const create = await submitOrder(t, shopper, { items: [{ skuId: skuIds[0], quantity: 2 }] }).expect(400);
    expect(create.body.code).toBe('VALIDATION_FAILED');
    const bad = await t.http
      .post('/api/v1/orders/preview')
      .set(shopper.auth)
      .send({ items: [{ skuId: skuIds[0], quantity: 1 }], addressId: 'x' })
      .expect(400);
    expect(bad.body.message).toMatch(/addressId/);
  });
});
