import { randomUUID } from 'node:crypto';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OrderEntity } from '../src/modules/order/entities/order.entity';
import { OrderSweeperService } from '../src/modules/order/order-sweeper.service';
import { OrderLifecycleService } from '../src/modules/order/order-lifecycle.service';
import {
  advanceOrder,
  buyer,
  createAddress,
  createProduct,
  createShopper,
  placeOrder,
  skuStock,
  submitOrder,
} from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

describe(`orders (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ FREIGHT_FEN: '800', FREE_FREIGHT_THRESHOLD_FEN: '10000', ORDER_PAY_TIMEOUT: '1800' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const orders = () => t.app.get<Repository<OrderEntity>>(getRepositoryToken(OrderEntity));

  it('creates an order from explicit items with database prices, freight, snapshots and a deadline', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 10, price: 2500, skus: 2 });
    const res = await submitOrder(t, shopper, {
      items: [
        { skuId: p.skuIds[0], quantity: 2 },
        { skuId: p.skuIds[1], quantity: 1 },
      ],
      addressId,
      remark: '请尽快发货🙏',
    }).expect(201);
    const order = res.body;
    expect(order).toMatchObject({
      status: 'PENDING_PAYMENT',
      goodsAmount: 2 * 2500 + 2600,
      freightAmount: 800,
      payableAmount: 2 * 2500 + 2600 + 800,
      remark: '请尽快发货🙏',
      address: { receiverName: '张三😀', phone: '13800138000', city: '深圳市' },
    });
    expect(order.orderNo).toMatch(/^\d{22}$/);
    expect(order.items).toEqual([
      expect.objectContaining({
        skuId: p.skuIds[0],
        title: p.title,
        specs: { 尺码: 'S' },
        unitPrice: 2500,
        quantity: 2,
        subtotal: 5000,
      }),
      expect.objectContaining({ skuId: p.skuIds[1], specs: { 尺码: 'M' }, unitPrice: 2600, quantity: 1 }),
    ]);
    expect(order.secondsToPay).toBeGreaterThan(1790);
    expect(order.secondsToPay).toBeLessThanOrEqual(1800);
    expect(await skuStock(t, p.skuIds[0])).toBe(8);
    expect(await skuStock(t, p.skuIds[1])).toBe(9);
    // snapshots do not follow later edits of the address book
    await t.http.patch(`/api/v1/addresses/${addressId}`).set(shopper.auth).send({ city: '广州市' }).expect(200);
    const detail = await t.http.get(`/api/v1/orders/${order.id}`).set(shopper.auth).expect(200);
    expect(detail.body.address.city).toBe('深圳市');
  });

  it('waives freight at the threshold', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { price: 5000 });
    const res = await submitOrder(t, shopper, { items: [{ skuId: p.skuIds[0], quantity: 2 }], addressId }).expect(201);
    expect(res.body).toMatchObject({ goodsAmount: 10000, freightAmount: 0, payableAmount: 10000 });
  });

  it('ignores prices from the client: price fields are refused and totals come from the database', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { price: 9900, stock: 5 });
    const tampered = await submitOrder(t, shopper, {
      items: [{ skuId: p.skuIds[0], quantity: 1, price: 1 }],
      addressId,
      payableAmount: 1,
    }).expect(400);
    expect(tampered.body.code).toBe('VALIDATION_FAILED');
    expect(await skuStock(t, p.skuIds[0])).toBe(5);
    const honest = await submitOrder(t, shopper, { items: [{ skuId: p.skuIds[0], quantity: 1 }], addressId }).expect(
      201,
    );
    expect(honest.body.payableAmount).toBe(9900 + 800);
  });

  it('orders the selected cart items and removes them from the cart', async () => {
    const { shopper, addressId } = await buyer(t);
    const a = await createProduct(t, { price: 1000 });
    const b = await createProduct(t, { price: 2000 });
    const aAdd = await t.http
      .post('/api/v1/cart/items')
      .set(shopper.auth)
      .send({ skuId: a.skuIds[0], quantity: 2 })
      .expect(201);
    const bAdd = await t.http
      .post('/api/v1/cart/items')
      .set(shopper.auth)
      .send({ skuId: b.skuIds[0], quantity: 1 })
      .expect(201);
    const bItem = bAdd.body.items.find((i: { skuId: number }) => i.skuId === b.skuIds[0]).id as number;
    await t.http.patch(`/api/v1/cart/items/${bItem}`).set(shopper.auth).send({ selected: false }).expect(200);
    void aAdd;
    const preview = await t.http
      .post('/api/v1/orders/preview')
      .set(shopper.auth)
      .send({ fromCart: true, addressId })
      .expect(200);
    expect(preview.body).toMatchObject({ goodsAmount: 2000, freightAmount: 800, payableAmount: 2800 });
    const res = await submitOrder(t, shopper, { fromCart: true, addressId }).expect(201);
    expect(res.body.items.map((i: { skuId: number }) => i.skuId)).toEqual([a.skuIds[0]]);
    const cart = await t.http.get('/api/v1/cart/items').set(shopper.auth).expect(200);
    expect(cart.body.items.map((i: { skuId: number }) => i.skuId)).toEqual([b.skuIds[0]]);
    await t.http.patch(`/api/v1/cart/items/${bItem}`).set(shopper.auth).send({ selected: false }).expect(200);
    const empty = await submitOrder(t, shopper, { fromCart: true, addressId }).expect(400);
    expect(empty.body.code).toBe('EMPTY_ORDER');
  });

  it('answers 409 OUT_OF_STOCK naming the SKU and reserves nothing', async () => {
    const { shopper, addressId } = await buyer(t);
    const plenty = await createProduct(t, { stock: 10 });
    const scarce = await createProduct(t, { stock: 1 });
    const res = await submitOrder(t, shopper, {
      items: [
        { skuId: plenty.skuIds[0], quantity: 3 },
        { skuId: scarce.skuIds[0], quantity: 2 },
      ],
      addressId,
    }).expect(409);
    expect(res.body).toMatchObject({ code: 'OUT_OF_STOCK', skuId: scarce.skuIds[0] });
    expect(res.body.message).toContain(scarce.title);
    expect(await skuStock(t, plenty.skuIds[0])).toBe(10);
    expect(await skuStock(t, scarce.skuIds[0])).toBe(1);
    expect(await orders().countBy({ userId: shopper.userId })).toBe(0);
  });

  it('returns the same order for a retried submit with the same Idempotency-Key', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 10 });
    const key = `key-${randomUUID()}`;
    const body = { items: [{ skuId: p.skuIds[0], quantity: 2 }], addressId };
    const results = await Promise.all([0, 1, 2].map(() => submitOrder(t, shopper, body, key)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const again = await submitOrder(t, shopper, body, key).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await skuStock(t, p.skuIds[0])).toBe(8);
    expect(await orders().countBy({ userId: shopper.userId })).toBe(1);
    const reused = await submitOrder(t, shopper, { ...body, items: [{ skuId: p.skuIds[0], quantity: 1 }] }, key).expect(
      409,
    );
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers a retried submit with its first order even after the SKU sold out and the address was deleted', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 2 });
    const key = `key-${randomUUID()}`;
    const body = { items: [{ skuId: p.skuIds[0], quantity: 2 }], addressId };
    const first = await submitOrder(t, shopper, body, key).expect(201);
    expect(await skuStock(t, p.skuIds[0])).toBe(0);
    await t.http.delete(`/api/v1/addresses/${addressId}`).set(shopper.auth).expect(204);
    const again = await submitOrder(t, shopper, body, key).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toMatchObject({ id: first.body.id, orderNo: first.body.orderNo, status: 'PENDING_PAYMENT' });
    expect(again.body.items).toEqual(first.body.items);
    // without the key the same submit is refused: there is nothing left to sell
    const refused = await submitOrder(t, shopper, { ...body, addressId: await createAddress(t, shopper) }).expect(409);
    expect(refused.body.code).toBe('OUT_OF_STOCK');
    expect(await orders().countBy({ userId: shopper.userId })).toBe(1);
  });

  it('answers a new order with exactly what reading it back shows', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 5 });
    const created = await submitOrder(t, shopper, {
      items: [{ skuId: p.skuIds[0], quantity: 1 }],
      addressId,
      remark: '  请周末送货 🚚  ',
    }).expect(201);
    const read = await t.http.get(`/api/v1/orders/${created.body.id}`).set(shopper.auth).expect(200);
    const { secondsToPay: a, ...createdRest } = created.body;
    const { secondsToPay: b, ...readRest } = read.body;
    expect(readRest).toEqual(createdRest);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(2);
    expect(created.body.remark).toBe('请周末送货 🚚');
  });

  it('never oversells: 50 parallel orders for a SKU with stock 10 make exactly 10 orders', async () => {
    const p = await createProduct(t, { stock: 10 });
    const buyers = await Promise.all(Array.from({ length: 10 }, () => buyer(t)));
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const b = buyers[i % buyers.length];
        return submitOrder(t, b.shopper, { items: [{ skuId: p.skuIds[0], quantity: 1 }], addressId: b.addressId });
      }),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    expect(attempts.filter((r) => r.status === 409).every((r) => r.body.code === 'OUT_OF_STOCK')).toBe(true);
    expect(await skuStock(t, p.skuIds[0])).toBe(0);
  });

  it('lists own orders by status with paging and shows nothing of others', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 20 });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await placeOrder(t, { buyer: { shopper, addressId }, items: [{ skuId: p.skuIds[0], quantity: 1 }] });
      ids.push(r.orderId);
    }
    await t.http.post(`/api/v1/orders/${ids[0]}/cancel`).set(shopper.auth).expect(200);
    const page1 = await t.http.get('/api/v1/orders?page=1&pageSize=2').set(shopper.auth).expect(200);
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items.map((o: { id: number }) => o.id)).toEqual([ids[2], ids[1]]);
    const page2 = await t.http.get('/api/v1/orders?page=2&pageSize=2').set(shopper.auth).expect(200);
    expect(page2.body.items.map((o: { id: number }) => o.id)).toEqual([ids[0]]);
    const empty = await t.http.get('/api/v1/orders?page=3&pageSize=2').set(shopper.auth).expect(200);
    expect(empty.body.items).toEqual([]);
    const pending = await t.http.get('/api/v1/orders?status=PENDING_PAYMENT').set(shopper.auth).expect(200);
    expect(pending.body.total).toBe(2);
    const cancelled = await t.http.get('/api/v1/orders?status=CANCELLED').set(shopper.auth).expect(200);
    expect(cancelled.body.items.map((o: { id: number }) => o.id)).toEqual([ids[0]]);
    await t.http.get('/api/v1/orders?status=LOST').set(shopper.auth).expect(400);
    await t.http.get('/api/v1/orders?pageSize=51').set(shopper.auth).expect(400);
    const stranger = await createShopper(t);
    const theirs = await t.http.get('/api/v1/orders').set(stranger.auth).expect(200);
    expect(theirs.body.total).toBe(0);
  });

  it('cancels a pending order once, releasing its stock', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 5 });
    const o = await placeOrder(t, { buyer: { shopper, addressId }, items: [{ skuId: p.skuIds[0], quantity: 3 }] });
    expect(await skuStock(t, p.skuIds[0])).toBe(2);
    const cancelled = await t.http.post(`/api/v1/orders/${o.orderId}/cancel`).set(shopper.auth).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'shopper_cancelled', secondsToPay: 0 });
    expect(await skuStock(t, p.skuIds[0])).toBe(5);
    const again = await t.http.post(`/api/v1/orders/${o.orderId}/cancel`).set(shopper.auth).expect(409);
    expect(again.body.code).toBe('ILLEGAL_ORDER_STATE');
    expect(await skuStock(t, p.skuIds[0])).toBe(5);
  });

  it('releases stock exactly once when cancel and expiry race', async () => {
    const p = await createProduct(t, { stock: 50 });
    const sweeper = t.app.get(OrderSweeperService);
    const lifecycle = t.app.get(OrderLifecycleService);
    for (let round = 0; round < 5; round++) {
      const { shopper, addressId } = await buyer(t);
      const o = await placeOrder(t, { buyer: { shopper, addressId }, items: [{ skuId: p.skuIds[0], quantity: 4 }] });
      const entity = await orders().findOneByOrFail({ id: o.orderId });
      const future = new Date(Date.now() + 31 * 60_000);
      await Promise.all([
        t.http.post(`/api/v1/orders/${o.orderId}/cancel`).set(shopper.auth),
        sweeper.runOnce(future),
        lifecycle.cancel(entity, 'payment_timeout'),
      ]);
      expect((await orders().findOneByOrFail({ id: o.orderId })).status).toBe('CANCELLED');
      expect(await skuStock(t, p.skuIds[0])).toBe(50);
    }
  });

  it('expires unpaid orders after the deadline and returns their stock', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 4 });
    const o = await placeOrder(t, { buyer: { shopper, addressId }, items: [{ skuId: p.skuIds[0], quantity: 4 }] });
    const sweeper = t.app.get(OrderSweeperService);
    await sweeper.runOnce(new Date(Date.now() + 29 * 60_000));
    expect((await t.http.get(`/api/v1/orders/${o.orderId}`).set(shopper.auth)).body.status).toBe('PENDING_PAYMENT');
    await sweeper.runOnce(new Date(Date.now() + 30 * 60_000 + 1000));
    const after = await t.http.get(`/api/v1/orders/${o.orderId}`).set(shopper.auth).expect(200);
    expect(after.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'payment_timeout' });
    expect(await skuStock(t, p.skuIds[0])).toBe(4);
  });

  it('confirms receipt only when shipped, and auto-completes shipped orders after the window', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 5 });
    const a = await placeOrder(t, { buyer: { shopper, addressId }, items: [{ skuId: p.skuIds[0], quantity: 1 }] });
    const early = await t.http.post(`/api/v1/orders/${a.orderId}/confirm-receipt`).set(shopper.auth).expect(409);
    expect(early.body.code).toBe('ILLEGAL_ORDER_STATE');
    await advanceOrder(t, a.orderId, 'pay', 'ship');
    const paidCancel = await t.http.post(`/api/v1/orders/${a.orderId}/cancel`).set(shopper.auth).expect(409);
    expect(paidCancel.body.code).toBe('ILLEGAL_ORDER_STATE');
    const done = await t.http.post(`/api/v1/orders/${a.orderId}/confirm-receipt`).set(shopper.auth).expect(200);
    expect(done.body.status).toBe('COMPLETED');
    expect(done.body.completedAt).toEqual(expect.any(String));

    const b = await placeOrder(t, { buyer: { shopper, addressId }, items: [{ skuId: p.skuIds[0], quantity: 1 }] });
    await advanceOrder(t, b.orderId, 'pay', 'ship');
    const sweeper = t.app.get(OrderSweeperService);
    await sweeper.runOnce(new Date(Date.now() + 6 * 86_400_000));
    expect((await t.http.get(`/api/v1/orders/${b.orderId}`).set(shopper.auth)).body.status).toBe('SHIPPED');
    await sweeper.runOnce(new Date(Date.now() + 7 * 86_400_000 + 60_000));
    expect((await t.http.get(`/api/v1/orders/${b.orderId}`).set(shopper.auth)).body.status).toBe('COMPLETED');
  });

  it("answers 404 for another shopper's order on every route", async () => {
    const { shopper, addressId } = await buyer(t);
    const intruder = await createShopper(t);
    const p = await createProduct(t, { stock: 5 });
    const o = await placeOrder(t, { buyer: { shopper, addressId }, items: [{ skuId: p.skuIds[0], quantity: 1 }] });
    await t.http.get(`/api/v1/orders/${o.orderId}`).set(intruder.auth).expect(404);
    await t.http.post(`/api/v1/orders/${o.orderId}/cancel`).set(intruder.auth).expect(404);
    await t.http.post(`/api/v1/orders/${o.orderId}/confirm-receipt`).set(intruder.auth).expect(404);
    // nor can an intruder order to someone else's address
    const intruderP = await submitOrder(t, intruder, {
      items: [{ skuId: p.skuIds[0], quantity: 1 }],
      addressId,
    }).expect(404);
    expect(intruderP.body.code).toBe('ADDRESS_NOT_FOUND');
    expect((await t.http.get(`/api/v1/orders/${o.orderId}`).set(shopper.auth)).body.status).toBe('PENDING_PAYMENT');
    expect(await skuStock(t, p.skuIds[0])).toBe(4);
  });

  it('lets operators list all orders and refuses shopper tokens there', async () => {
    const { shopper } = await buyer(t);
    await t.http.get('/api/v1/admin/orders').set(shopper.auth).expect(403);
    await t.http.get('/api/v1/admin/orders').expect(401);
  });
});
