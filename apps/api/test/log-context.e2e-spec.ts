import { randomUUID } from 'node:crypto';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import { type Admin, createAdmin, placeOrder } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

interface Line {
  msg: string;
  context?: string;
  requestId?: string;
  correlationId?: string;
}

/**
 * Services log through Nest's Logger, not the request's child logger: these lines used to carry
 * no request id, so a failed payment warning could not be tied to its request (issue 17).
 */
describe(`log lines carry the request id or the job's correlation id (${backendLabel})`, () => {
  let t: TestApp;
  let sandbox: WechatSandbox;
  let admin: Admin;
  beforeAll(async () => {
    // the outbox's timer never fires here: only the pass the ship request kicks uploads
    t = await startTestApp({ WECHAT_WORKER_INTERVAL_MS: '3600000', SWEEP_INTERVAL_MS: '3600000' });
    sandbox = t.sandbox;
    admin = await createAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const lineOf = async (context: string, text: string): Promise<Line> => {
    const until = Date.now() + 15_000;
    for (;;) {
      const found = t.logs
        .map((l) => JSON.parse(l) as Line)
        .find((l) => l.context === context && typeof l.msg === 'string' && l.msg.includes(text));
      if (found) return found;
      if (Date.now() > until) throw new Error(`no ${context} line with "${text}"`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  async function unpaidOrder(): Promise<{ orderId: number; orderNo: string; auth: Record<string, string> }> {
    const { orderId, orderNo, shopper } = await placeOrder(t, { product: { skus: 1, stock: 5 } });
    await t.http.post(`/api/v1/orders/${orderId}/pay`).set(shopper.auth).expect(200);
    return { orderId, orderNo, auth: shopper.auth };
  }

  it('a forged payment notification: the service’s warning names the request the answer names', async () => {
    const o = await unpaidOrder();
    const { transaction } = await sandbox.simulatePayment(o.orderNo, { notify: false });
    const forged = sandbox.pay.buildNotification({
      eventType: 'TRANSACTION.SUCCESS',
      resource: transaction,
      forgery: 'bad_signature',
    });
    const incoming = `nginx-${randomUUID()}`;
    const res = await t.http
      .post('/api/v1/payments/wechat/notify')
      .set(forged.headers)
      .set('x-request-id', incoming)
      .set('content-type', 'application/json')
      .send(forged.body)
      .expect(401);
    expect(res.headers['x-request-id']).toBe(incoming);
    const line = await lineOf('PaymentNotifyService', 'rejected transaction notification: bad_signature');
    expect(line.requestId).toBe(incoming);
  });

  it('a signed notification with a wrong amount: the ledger’s warning carries the request id and WeChat’s notification id', async () => {
    const o = await unpaidOrder();
    const { transaction } = await sandbox.simulatePayment(o.orderNo, { notify: false });
    const n = sandbox.pay.buildNotification({
      eventType: 'TRANSACTION.SUCCESS',
      resource: { ...transaction, amount: { ...(transaction.amount as object), total: 1 } },
    });
    const res = await t.http
      .post('/api/v1/payments/wechat/notify')
      .set(n.headers)
      .set('content-type', 'application/json')
      .send(n.body)
      .expect(400);
    const requestId = res.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = await lineOf('PaymentLedgerService', `payment for ${o.orderNo} reports 1 fen`);
    expect(line).toMatchObject({
      requestId,
      correlationId: `wxpay-transaction:${(JSON.parse(n.body) as { id: string }).id}`,
    });
  });

  it('the shipping-upload pass a ship request starts: its own correlation id, and the request’s id', async () => {
    const o = await unpaidOrder();
    expect((await sandbox.simulatePayment(o.orderNo)).deliveries[0].delivered).toBe(true);
    const ship = await t.http
      .post(`/api/v1/admin/orders/${o.orderId}/ship`)
      .set(admin.auth)
      .send({ carrierCode: 'yuantong', trackingNo: `YT${Date.now()}` })
      .expect(200);
    const line = await lineOf('ShippingUploadService', `shipping info of order ${o.orderNo} uploaded to WeChat`);
    expect(line).toMatchObject({
      requestId: ship.headers['x-request-id'],
      correlationId: expect.stringMatching(/^outbox:shipping-upload:[0-9a-f]{8}$/),
    });
  });
});
