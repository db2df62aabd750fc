import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TransactionService } from '../src/database/transaction.service';
import { PaymentNotificationEntity } from '../src/modules/payment/entities/payment-notification.entity';
import { PaymentEntity } from '../src/modules/payment/entities/payment.entity';
import { RefundEntity } from '../src/modules/payment/entities/refund.entity';
import { PaymentReconcilerService } from '../src/modules/payment/payment-reconciler.service';
import {
  buyer,
  createAddress,
  createAdmin,
  createProduct,
  createShopper,
  payOrder,
  placeOrder,
  type PlacedOrder,
  type Shopper,
  skuStock,
  deliverWechatPayNotification,
  orderStatus,
  submitOrder,
} from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Holes an outside abuse test found in the payment paths (issue 16), each pinned by a test that
 * failed before the fix: docs/resilience.md lists them.
 */
describe(`Money safety (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Orders here are of one SKU at ¥33. */
  const product = { price: 3300 };
  const payments = () => t.app.get<Repository<PaymentEntity>>(getRepositoryToken(PaymentEntity));
  const refunds = () => t.app.get<Repository<RefundEntity>>(getRepositoryToken(RefundEntity));
  const notifications = () =>
    t.app.get<Repository<PaymentNotificationEntity>>(getRepositoryToken(PaymentNotificationEntity));
  const sql = (query: string, params: unknown[]) =>
    t.app.get(TransactionService).run((em) => em.query(query, params) as Promise<unknown>);

  it('says loudly in the log that the WeChat sandbox is on', () => {
    expect(t.logs.some((l) => l.includes('WECHAT_SANDBOX IS ON') && l.includes('"level":40'))).toBe(true);
  });

  describe('cancel and prepay exclude each other', () => {
    it('never leaves a WeChat order payable for a cancelled order (pay racing cancel, 15 runs)', async () => {
      for (let run = 0; run < 15; run++) {
        const o = await placeOrder(t, { product });
        const [pay, cancel] = await Promise.all([
          t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth),
          t.http.post(`/api/v1/orders/${o.orderId}/cancel`).set(o.shopper.auth),
        ]);
        expect([200, 409]).toContain(pay.status);
        expect(cancel.status).toBe(200);
        expect(await orderStatus(t, o)).toBe('CANCELLED');
        // WeChat either never heard of the order or has it closed: no money can be taken
        let tradeState: string | undefined;
        try {
          tradeState = t.sandbox.pay.transaction(o.orderNo).trade_state;
        } catch {
          tradeState = undefined; // WeChat never heard of it (the prepay lost the race before starting)
        }
        expect([undefined, 'CLOSED']).toContain(tradeState);
        await expect(t.sandbox.simulatePayment(o.orderNo, { notify: false })).rejects.toThrow();
      }
    });

    it('refuses to pay an order whose payment a cancel has closed, and closes what a late prepay made', async () => {
      const o = await placeOrder(t, { product });
      await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
      await t.http.post(`/api/v1/orders/${o.orderId}/cancel`).set(o.shopper.auth).expect(200);
      const again = await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(409);
      expect(again.body.code).toBe('ORDER_NOT_PAYABLE');
      expect(t.sandbox.pay.transaction(o.orderNo)?.trade_state).toBe('CLOSED');
      expect((await payments().findOneByOrFail({ orderId: o.orderId })).status).toBe('CLOSED');
    });
  });

  describe('the reconciler settles cancelled orders with an open WeChat order', () => {
    async function cancelledWithOpenPrepay(): Promise<PlacedOrder> {
      const o = await placeOrder(t, { product });
      await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
      // what a lost close call (or data from before the exclusion) leaves behind
      await sql('UPDATE orders SET status = ?, cancel_reason = ? WHERE id = ?', [
        'CANCELLED',
        'payment_timeout',
        o.orderId,
      ]);
      return o;
    }

    it('closes the WeChat order of a cancelled, unpaid order', async () => {
      const o = await cancelledWithOpenPrepay();
      await t.app.get(PaymentReconcilerService).runOnce(new Date(Date.now() + 4 * 60_000));
      expect(t.sandbox.pay.transaction(o.orderNo)?.trade_state).toBe('CLOSED');
      expect((await payments().findOneByOrFail({ orderId: o.orderId })).status).toBe('CLOSED');
    });

    it('refunds a cancelled order that WeChat says was paid, though the notification was lost', async () => {
      const o = await cancelledWithOpenPrepay();
      await t.sandbox.simulatePayment(o.orderNo, { notify: false });
      await t.app.get(PaymentReconcilerService).runOnce(new Date(Date.now() + 4 * 60_000));
      const refund = await refunds().findOneByOrFail({ orderId: o.orderId });
      expect(refund).toMatchObject({ kind: 'paid_after_cancel', amount: o.payable });
      await t.sandbox.whenIdle();
      await waitFor(async () => (await refunds().findOneByOrFail({ orderId: o.orderId })).status === 'SUCCESS');
      expect(await orderStatus(t, o)).toBe('CANCELLED');
    });
  });

  describe('refund notifications', () => {
    /** A PAID order with a refund in PROCESSING at WeChat, as after an operator's refund. */
    async function refunding(): Promise<PlacedOrder & { outRefundNo: string }> {
      const o = await placeOrder(t, { product });
      await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
      await t.sandbox.simulatePayment(o.orderNo);
      await waitFor(async () => (await orderStatus(t, o)) === 'PAID');
      const outRefundNo = `R${o.orderNo}`;
      await sql('UPDATE orders SET status = ? WHERE id = ?', ['REFUNDING', o.orderId]);
      await refunds().insert({
        orderId: o.orderId,
        outRefundNo,
        amount: o.payable,
        total: o.payable,
        reason: 'test',
        kind: 'admin',
        status: 'PROCESSING',
      });
      return { ...o, outRefundNo };
    }
    const refundNotice = (o: PlacedOrder & { outRefundNo: string }, refundFen: number) => ({
      mchid: (t.sandbox.credentials.pay as unknown as { mchId: string }).mchId,
      transaction_id: '4200000000000000000000000000',
      out_trade_no: o.orderNo,
      refund_id: '50000000000000000000000000000',
      out_refund_no: o.outRefundNo,
      refund_status: 'SUCCESS',
      success_time: '2026-01-01T10:00:00+08:00',
      user_received_account: '支付用户零钱',
      amount: { total: o.payable, refund: refundFen, payer_total: o.payable, payer_refund: refundFen },
    });

    it('does not record a refused REFUND.SUCCESS: its redelivery is processed, not answered as a duplicate', async () => {
      const o = await refunding();
      const id = `refund-${o.orderNo}`;
      const bad = t.sandbox.pay.buildNotification({
        eventType: 'REFUND.SUCCESS',
        resource: refundNotice(o, o.payable - 1),
        id,
      });
      await deliverWechatPayNotification(t, bad, 'refund-notify').expect(400);
      expect(await notifications().countBy({ notificationId: id })).toBe(0);
      expect(await orderStatus(t, o)).toBe('REFUNDING');
      // the same notification id, now with what WeChat really refunded
      const good = t.sandbox.pay.buildNotification({
        eventType: 'REFUND.SUCCESS',
        resource: refundNotice(o, o.payable),
        id,
      });
      await deliverWechatPayNotification(t, good, 'refund-notify').expect(204);
      expect(await orderStatus(t, o)).toBe('REFUNDED');
      expect(await notifications().countBy({ notificationId: id })).toBe(1);
      await deliverWechatPayNotification(t, good, 'refund-notify').expect(204);
      expect(await notifications().countBy({ notificationId: id })).toBe(1);
    });

    it('refuses a refund notification that names no merchant', async () => {
      const o = await refunding();
      const { mchid: _omitted, ...withoutMchid } = refundNotice(o, o.payable);
      const n = t.sandbox.pay.buildNotification({ eventType: 'REFUND.SUCCESS', resource: withoutMchid });
      await deliverWechatPayNotification(t, n, 'refund-notify').expect(400);
      expect(await orderStatus(t, o)).toBe('REFUNDING');
    });
  });

  describe('payment notifications', () => {
    async function paidTransaction(): Promise<{ o: PlacedOrder; transaction: Record<string, unknown> }> {
      const o = await placeOrder(t, { product });
      await t.http.post(`/api/v1/orders/${o.orderId}/pay`).set(o.shopper.auth).expect(200);
      const { transaction } = await t.sandbox.simulatePayment(o.orderNo, { notify: false });
      return { o, transaction: transaction as unknown as Record<string, unknown> };
    }

    it.each([
      ['no mchid', ({ mchid: _m, ...rest }: Record<string, unknown>) => rest],
      ['no appid', ({ appid: _a, ...rest }: Record<string, unknown>) => rest],
      [
        'another currency',
        (tx: Record<string, unknown>) => ({ ...tx, amount: { ...(tx.amount as object), currency: 'USD' } }),
      ],
      [
        'no currency',
        (tx: Record<string, unknown>) => ({ ...tx, amount: { total: (tx.amount as { total: number }).total } }),
      ],
      ['another payer', (tx: Record<string, unknown>) => ({ ...tx, payer: { openid: 'o-somebody-else' } })],
      ['no payer', ({ payer: _p, ...rest }: Record<string, unknown>) => rest],
    ])('refuses a correctly signed TRANSACTION.SUCCESS with %s', async (_name, mutate) => {
      const { o, transaction } = await paidTransaction();
      const n = t.sandbox.pay.buildNotification({ eventType: 'TRANSACTION.SUCCESS', resource: mutate(transaction) });
      const res = await deliverWechatPayNotification(t, n);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(await orderStatus(t, o)).toBe('PENDING_PAYMENT');
      expect(await notifications().countBy({ notificationId: n.id })).toBe(0);
    });

    it('keeps the first transaction id and paid time when a second notification id arrives for a paid order', async () => {
      const { o, transaction } = await paidTransaction();
      await deliverWechatPayNotification(
        t,
        t.sandbox.pay.buildNotification({ eventType: 'TRANSACTION.SUCCESS', resource: transaction }),
      ).expect(204);
      const first = await payments().findOneByOrFail({ orderId: o.orderId });
      expect(first.transactionId).toBe(transaction.transaction_id);
      const second = t.sandbox.pay.buildNotification({
        eventType: 'TRANSACTION.SUCCESS',
        resource: {
          ...transaction,
          transaction_id: '4200099999999999999999999999',
          success_time: '2030-01-01T00:00:00+08:00',
        },
      });
      await deliverWechatPayNotification(t, second).expect(204);
      const after = await payments().findOneByOrFail({ orderId: o.orderId });
      expect(after.transactionId).toBe(first.transactionId);
      expect(after.paidAt?.getTime()).toBe(first.paidAt?.getTime());
      expect(t.logs.some((l) => l.includes('4200099999999999999999999999'))).toBe(true);
    });
  });
  describe('order limits', () => {
    const order = (s: Shopper, addressId: number, items: Array<{ skuId: number; quantity: number }>) =>
      submitOrder(t, s, { items, addressId });

    it("merges lines of one SKU and holds them to the per-SKU limit (default and the SKU's own)", async () => {
      const { shopper: s, addressId } = await buyer(t);
      const p = await createProduct(t, { stock: 5000, price: 100 });
      const res = await order(s, addressId, [
        { skuId: p.skuIds[0], quantity: 60 },
        { skuId: p.skuIds[0], quantity: 60 },
        { skuId: p.skuIds[0], quantity: 60 },
      ]).expect(400);
      expect(res.body).toMatchObject({ code: 'PURCHASE_LIMIT_EXCEEDED', limit: 99 });
      expect(await skuStock(t, p.skuIds[0])).toBe(5000);
      const admin = await createAdmin(t);
      await t.http.patch(`/api/v1/admin/skus/${p.skuIds[0]}`).set(admin.auth).send({ purchaseLimit: 2 }).expect(200);
      const own = await order(s, addressId, [
        { skuId: p.skuIds[0], quantity: 2 },
        { skuId: p.skuIds[0], quantity: 1 },
      ]).expect(400);
      expect(own.body.code).toBe('PURCHASE_LIMIT_EXCEEDED');
      const ok = await order(s, addressId, [
        { skuId: p.skuIds[0], quantity: 1 },
        { skuId: p.skuIds[0], quantity: 1 },
      ]).expect(201);
      expect(ok.body.items).toHaveLength(1);
      expect(ok.body.items[0].quantity).toBe(2);
    });

    it('refuses an order over the unit limit', async () => {
      const { shopper: s, addressId } = await buyer(t);
      const p = await createProduct(t, { stock: 1000, price: 100, skus: 3 });
      const res = await order(
        s,
        addressId,
        p.skuIds.map((skuId) => ({ skuId, quantity: 90 })),
      ).expect(400);
      expect(res.body.code).toBe('ORDER_TOO_LARGE');
    });

    it('refuses an amount WeChat Pay could never take, with a 4xx (never a 500)', async () => {
      const { shopper: s, addressId } = await buyer(t);
      // 30 × ¥1,000,000 = 3,000,000,000 fen: past int32, WeChat's amount.total and an INT column
      const p = await createProduct(t, { stock: 100, price: 100_000_000 });
      const res = await order(s, addressId, [{ skuId: p.skuIds[0], quantity: 30 }]);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ORDER_AMOUNT_TOO_LARGE');
      expect(await skuStock(t, p.skuIds[0])).toBe(100);
    });

    it('holds a shopper to 10 unpaid orders, also when they are submitted at once', async () => {
      const { shopper: s, addressId } = await buyer(t);
      const p = await createProduct(t, { stock: 100, price: 100 });
      const answers = await Promise.all(
        Array.from({ length: 14 }, () => order(s, addressId, [{ skuId: p.skuIds[0], quantity: 1 }])),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
      const refused = answers.filter((a) => a.status !== 201);
      expect(refused.map((a) => [a.status, a.body.code])).toEqual(Array(4).fill([409, 'TOO_MANY_UNPAID_ORDERS']));
      expect(await skuStock(t, p.skuIds[0])).toBe(90);
      await t.http
        .post(`/api/v1/orders/${answers.find((a) => a.status === 201)!.body.id}/cancel`)
        .set(s.auth)
        .expect(200);
      await order(s, addressId, [{ skuId: p.skuIds[0], quantity: 1 }]).expect(201);
    });

    it('holds a shopper to 500 units across unpaid orders', async () => {
      const { shopper: s, addressId } = await buyer(t);
      const p = await createProduct(t, { stock: 5000, price: 100, skus: 2 });
      const lines = p.skuIds.map((skuId) => ({ skuId, quantity: 99 }));
      for (let i = 0; i < 2; i++) await order(s, addressId, lines).expect(201);
      const res = await order(s, addressId, lines).expect(409);
      expect(res.body.code).toBe('UNPAID_UNITS_LIMIT');
    });
  });

  describe('stock and sales on the product page', () => {
    it('shows stock given back by a cancel at once, and sales going down after a refund', async () => {
      const s = await createShopper(t);
      const admin = await createAdmin(t);
      const addressId = await createAddress(t, s);
      const p = await createProduct(t, { admin, stock: 10, price: 500 });
      const detail = async () => (await t.http.get(`/api/v1/catalog/products/${p.productId}`).expect(200)).body;
      expect((await detail()).skus[0].stock).toBe(10);
      const placed = await placeOrder(t, {
        buyer: { shopper: s, addressId },
        items: [{ skuId: p.skuIds[0], quantity: 3 }],
      });
      // the cache stamp moves right after the commit (a domain event): milliseconds, not the TTL
      await waitFor(async () => (await detail()).skus[0].stock === 7, 2000);
      await t.http.post(`/api/v1/orders/${placed.orderId}/cancel`).set(s.auth).expect(200);
      await waitFor(async () => (await detail()).skus[0].stock === 10, 2000);

      const o = await placeOrder(t, { buyer: { shopper: s, addressId }, items: [{ skuId: p.skuIds[0], quantity: 2 }] });
      await payOrder(t, o.shopper, o.order);
      await waitFor(async () => (await orderStatus(t, o)) === 'PAID');
      await t.http.get(`/api/v1/catalog/products/${p.productId}`).expect(200);
      const admin2 = await createAdmin(t);
      await t.http
        .post(`/api/v1/admin/orders/${o.orderId}/refund`)
        .set(admin2.auth)
        .send({ reason: '缺货' })
        .expect(200);
      await t.sandbox.whenIdle();
      await waitFor(async () => (await orderStatus(t, o)) === 'REFUNDED');
      await waitFor(async () => {
        const d = await detail();
        return d.skus[0].stock === 10 && d.sales === 0;
      }, 2000);
    });
  });
});
