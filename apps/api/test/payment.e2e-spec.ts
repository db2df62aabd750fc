import { createPublicKey, createVerify } from 'node:crypto';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TransactionService } from '../src/database/transaction.service';
import { ProductEntity } from '../src/modules/catalog/entities/product.entity';
import { OrderSweeperService } from '../src/modules/order/order-sweeper.service';
import { PaymentNotificationEntity } from '../src/modules/payment/entities/payment-notification.entity';
import { RefundEntity } from '../src/modules/payment/entities/refund.entity';
import { PaymentReconcilerService } from '../src/modules/payment/payment-reconciler.service';
import {
  createAdmin,
  createProduct,
  createShopper,
  placeOrder,
  skuStock,
  deliverWechatPayNotification,
  orderStatus,
} from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** Orders here are of one SKU at ¥33. */
const product = { price: 3300 };

describe(`WeChat Pay (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('pays end to end: pay params with a valid paySign, sandbox payment, notification, PAID', async () => {
    const o = await placeOrder(t, { product });
    const params = await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    expect(params.body).toEqual({
      timeStamp: expect.stringMatching(/^\d{10}$/),
      nonceStr: expect.stringMatching(/^[0-9A-Za-z]{32}$/),
      package: expect.stringMatching(/^prepay_id=wx/),
      signType: 'RSA',
      paySign: expect.any(String),
    });
    // paySign = SHA256withRSA(appId\ntimeStamp\nnonceStr\npackage\n) with the merchant key
    const { appId, merchantPublicKeyPem } = t.sandbox.credentials.pay as unknown as {
      appId: string;
      merchantPublicKeyPem: string;
    };
    const message = `${appId}\n${params.body.timeStamp}\n${params.body.nonceStr}\n${params.body.package}\n`;
    const verifier = createVerify('RSA-SHA256').update(message);
    expect(verifier.verify(createPublicKey(merchantPublicKeyPem), params.body.paySign, 'base64')).toBe(true);
    // asking again reuses the live prepay_id
    const again = await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    expect(again.body.package).toBe(params.body.package);

    const simulation = await t.sandbox.simulatePayment(o.orderNo);
    expect(simulation.deliveries[0].delivered).toBe(true);
    const order = await t.http.get(`/api/v1/orders/${o.orderId}`).set(o.shopper.auth).expect(200);
    expect(order.body.status).toBe('PAID');
    expect(order.body.paidAt).toEqual(expect.any(String));
    const stored = await t.app
      .get<Repository<PaymentNotificationEntity>>(getRepositoryToken(PaymentNotificationEntity))
      .findOneByOrFail({ outTradeNo: o.orderNo });
    expect(stored.rawBody).toContain('"resource"');
    const metrics = await t.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/shop_payment_notifications_total\{kind="transaction",result="ok"\} [1-9]/);
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(409);
  });

  it.each([
    ['bad_signature', 401],
    ['unknown_serial', 401],
    ['stale_timestamp', 401],
    ['signtest_probe', 401],
    ['tampered_ciphertext', 400],
    ['wrong_api_v3_key', 400],
    ['missing_headers', 401],
  ] as const)('rejects a %s notification and leaves the order untouched', async (forgery, expected) => {
    const o = await placeOrder(t, { product });
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    const { transaction } = await t.sandbox.simulatePayment(o.orderNo, { notify: false });
    const forged = t.sandbox.pay.buildNotification({
      eventType: 'TRANSACTION.SUCCESS',
      resource: transaction,
      forgery,
    });
    const res = await deliverWechatPayNotification(t, forged).expect(expected);
    expect(res.body).toEqual({ code: 'FAIL', message: expect.any(String) });
    expect(await orderStatus(t, o)).toBe('PENDING_PAYMENT');
  });

  it.each([
    [
      'a wrong amount',
      (tx: Record<string, unknown>) => ({ ...tx, amount: { ...(tx.amount as object), total: 1 } }),
      400,
    ],
    ['another merchant', (tx: Record<string, unknown>) => ({ ...tx, mchid: '1999999999' }), 400],
    ['another appid', (tx: Record<string, unknown>) => ({ ...tx, appid: 'wx0000000000000000' }), 400],
  ])('rejects a correctly signed notification with %s', async (_name, mutate, expected) => {
    const o = await placeOrder(t, { product });
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    const { transaction } = await t.sandbox.simulatePayment(o.orderNo, { notify: false });
    const n = t.sandbox.pay.buildNotification({
      eventType: 'TRANSACTION.SUCCESS',
      resource: mutate(transaction as never),
    });
    await deliverWechatPayNotification(t, n).expect(expected);
    expect(await orderStatus(t, o)).toBe('PENDING_PAYMENT');
  });

  it('applies 20 parallel copies of one notification exactly once, answering all 2xx', async () => {
    const o = await placeOrder(t, { product: { ...product, stock: 10 }, quantity: 2 });
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    const { transaction } = await t.sandbox.simulatePayment(o.orderNo, { notify: false });
    const n = t.sandbox.pay.buildNotification({ eventType: 'TRANSACTION.SUCCESS', resource: transaction });
    const answers = await Promise.all(Array.from({ length: 20 }, () => deliverWechatPayNotification(t, n)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(204));
    expect(await orderStatus(t, o)).toBe('PAID');
    const rows = await t.app
      .get<Repository<PaymentNotificationEntity>>(getRepositoryToken(PaymentNotificationEntity))
      .countBy({ notificationId: n.id });
    expect(rows).toBe(1);
    expect(await skuStock(t, o.skuId)).toBe(8);
  });

  it("counts a paid order towards each of its products' sales exactly once", async () => {
    const a = await createProduct(t, { stock: 10, skus: 2 });
    const b = await createProduct(t, { stock: 10 });
    const other = await createProduct(t, { stock: 10 });
    const o = await placeOrder(t, {
      items: [
        { skuId: a.skuIds[0], quantity: 2 },
        { skuId: b.skuIds[0], quantity: 3 },
        { skuId: a.skuIds[1], quantity: 1 },
      ],
    });
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    const { transaction } = await t.sandbox.simulatePayment(o.orderNo, { notify: false });
    const n = t.sandbox.pay.buildNotification({ eventType: 'TRANSACTION.SUCCESS', resource: transaction });
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliverWechatPayNotification(t, n)));
    expect(answers.map((x) => x.status)).toEqual(Array(5).fill(204));
    const products = t.app.get<Repository<ProductEntity>>(getRepositoryToken(ProductEntity));
    const sales = async (id: number) => (await products.findOneByOrFail({ id })).sales;
    expect({ a: await sales(a.productId), b: await sales(b.productId), other: await sales(other.productId) }).toEqual({
      a: 3,
      b: 3,
      other: 0,
    });
  });

  it('marks the order PAID through pay/sync when no notification arrives', async () => {
    const o = await placeOrder(t, { product });
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    const before = await t.http.post(`/api/v1/orders/${o.orderId}/pay/sync`).set(o.shopper.auth).expect(200);
    expect(before.body).toEqual({ status: 'PENDING_PAYMENT', paid: false });
    await t.sandbox.simulatePayment(o.orderNo, { notify: false });
    const after = await t.http.post(`/api/v1/orders/${o.orderId}/pay/sync`).set(o.shopper.auth).expect(200);
    expect(after.body).toEqual({ status: 'PAID', paid: true });
  });

  it('reconciles a pending payment whose notification was lost', async () => {
    const o = await placeOrder(t, { product });
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    await t.sandbox.simulatePayment(o.orderNo, { notify: false });
    await t.app.get(PaymentReconcilerService).runOnce(new Date(Date.now() + 4 * 60_000));
    expect(await orderStatus(t, o)).toBe('PAID');
  });

  it('closes the WeChat order on expiry, and a payment made meanwhile makes the order PAID instead', async () => {
    const expiring = await placeOrder(t, { product });
    await t.http.post(`/api/v1/orders/${expiring.orderId}/pay`).set(expiring.shopper.auth).expect(200);
    const raced = await placeOrder(t, { product });
    await t.http.post(`/api/v1/orders/${raced.orderId}/pay`).set(raced.shopper.auth).expect(200);
    await t.sandbox.simulatePayment(raced.orderNo, { notify: false });
    await t.app.get(OrderSweeperService).runOnce(new Date(Date.now() + 31 * 60_000));
    expect(await orderStatus(t, expiring)).toBe('CANCELLED');
    expect(t.sandbox.pay.transaction(expiring.orderNo)?.trade_state).toBe('CLOSED');
    expect(await orderStatus(t, raced)).toBe('PAID');
  });

  it('refunds a payment that lands on a cancelled order automatically', async () => {
    const o = await placeOrder(t, { product });
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    const { transaction } = await t.sandbox.simulatePayment(o.orderNo, { notify: false });
    // the shop cancelled the order while WeChat still took the money (e.g. the close call was lost)
    await t.app.get(TransactionService).run(async (em) => {
      await em.query('UPDATE orders SET status = ?, cancel_reason = ? WHERE id = ?', [
        'CANCELLED',
        'payment_timeout',
        o.orderId,
      ]);
    });
    const n = t.sandbox.pay.buildNotification({ eventType: 'TRANSACTION.SUCCESS', resource: transaction });
    await deliverWechatPayNotification(t, n).expect(204);
    expect(await orderStatus(t, o)).toBe('CANCELLED');
    await t.sandbox.whenIdle();
    const refunds = t.app.get<Repository<RefundEntity>>(getRepositoryToken(RefundEntity));
    const refund = await refunds.findOneByOrFail({ orderId: o.orderId });
    expect(refund).toMatchObject({ kind: 'paid_after_cancel', amount: o.payable });
    await waitFor(async () => (await refunds.findOneByOrFail({ orderId: o.orderId })).status === 'SUCCESS');
    expect(t.sandbox.pay.transaction(o.orderNo)?.trade_state).toBe('REFUND');
  });

  it('refunds a paid order: REFUNDING, then REFUNDED on the refund notification, stock back', async () => {
    const o = await placeOrder(t, { product: { ...product, stock: 5 }, quantity: 2 });
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    await t.sandbox.simulatePayment(o.orderNo);
    expect(await skuStock(t, o.skuId)).toBe(3);
    const admin = await createAdmin(t);
    await t.http
      .post(`/api/v1/admin/orders/${o.orderId}/refund`)
      .set(o.shopper.auth)
      .send({ reason: '缺货' })
      .expect(403);
    await t.http.post(`/api/v1/admin/orders/${o.orderId}/refund`).set(admin.auth).send({ reason: '' }).expect(400);
    const res = await t.http
      .post(`/api/v1/admin/orders/${o.orderId}/refund`)
      .set(admin.auth)
      .send({ reason: '缺货，协商退款' })
      .expect(200);
    expect(['REFUNDING', 'REFUNDED']).toContain(res.body.status);
    await t.sandbox.whenIdle();
    await waitFor(async () => (await orderStatus(t, o)) === 'REFUNDED');
    expect(await skuStock(t, o.skuId)).toBe(5);
    const refund = await t.app
      .get<Repository<RefundEntity>>(getRepositoryToken(RefundEntity))
      .findOneByOrFail({ orderId: o.orderId });
    expect(refund.amount).toBe(o.payable);
    const twice = await t.http
      .post(`/api/v1/admin/orders/${o.orderId}/refund`)
      .set(admin.auth)
      .send({ reason: 'again' })
      .expect(409);
    expect(twice.body.code).toBe('ILLEGAL_ORDER_STATE');
  });

  it('refuses to refund an order that was never paid', async () => {
    const o = await placeOrder(t, { product });
    const admin = await createAdmin(t);
    const res = await t.http
      .post(`/api/v1/admin/orders/${o.orderId}/refund`)
      .set(admin.auth)
      .send({ reason: 'x' })
      .expect(409);
    expect(res.body.code).toBe('REFUND_NOT_ALLOWED');
  });

  it("won't let a shopper pay or sync someone else's order", async () => {
    const o = await placeOrder(t, { product });
    const intruder = await createShopper(t);
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(intruder.auth).expect(404);
    await t.http.post(`/api/v1/orders/${o.orderId}/pay/sync`).set(intruder.auth).expect(404);
    await t.http.post(`/api/v1/sandbox/orders/${o.orderId}/simulate-payment`).set(intruder.auth).expect(404);
    expect(await orderStatus(t, o)).toBe('PENDING_PAYMENT');
  });

  it('lets a developer pay through the sandbox route', async () => {
    const o = await placeOrder(t, { product });
    await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
    const res = await t.http
      .post(`/api/v1/sandbox/orders/${o.orderId}/simulate-payment`)
      .set(o.shopper.auth)
      .expect(200);
    expect(res.body.delivered).toBe(true);
    expect(await orderStatus(t, o)).toBe('PAID');
  });
});
