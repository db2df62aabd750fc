import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  signNotificationBody,
  startWechatSandbox,
  type NotificationForgery,
  type WechatSandbox,
} from '@sutwxapp/wechat-sandbox';
import { rejection } from '../__fixtures__/test-utils';
import { WechatPayClient, type WechatPayClientOptions } from './client';
import { WechatPayApiError, WechatPayNotificationError, WechatPayVerificationError } from './errors';
import { verifySha256WithRsa } from './sign';
import type { WechatPayNotification } from './types';

/** What the app's notify controller does: raw body in, verify + decrypt, 204 or 4xx. */
interface Receiver {
  url: string;
  accepted: WechatPayNotification[];
  rejected: string[];
  /** answer these statuses first (then 204), to exercise the sandbox's retries */
  failFirst: number[];
  server: Server;
}

async function startReceiver(client: () => WechatPayClient): Promise<Receiver> {
  const r = { accepted: [], rejected: [], failFirst: [] } as unknown as Receiver;
  r.server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const forced = r.failFirst.shift();
      if (forced) return void res.writeHead(forced).end('{"code":"FAIL","message":"busy"}');
      try {
        r.accepted.push(client().verifyAndDecryptNotification(req.headers, Buffer.concat(chunks)));
        res.writeHead(204).end();
      } catch (err) {
        if (!(err instanceof WechatPayNotificationError)) throw err;
        r.rejected.push(err.reason);
        res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"code":"FAIL","message":"失败"}');
      }
    });
  });
  await new Promise<void>((ok) => r.server.listen(0, '127.0.0.1', ok));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/payments/wechat/notify`;
  return r;
}

describe('WechatPayClient against the sandbox', () => {
  let sandbox: WechatSandbox;
  let client: WechatPayClient;
  let options: WechatPayClientOptions;
  let receiver: Receiver;
  let seq = 0;
  const nextNo = () => `T${Date.now()}${++seq}`;

  beforeAll(async () => {
    sandbox = await startWechatSandbox({ notifyRetryScheduleMs: [20, 20], refundDelayMs: 10 });
    options = sandbox.clientOptions().pay;
    client = new WechatPayClient(options);
    receiver = await startReceiver(() => client);
  });
  afterAll(async () => {
    receiver.server.close();
    await sandbox.close();
  });
  beforeEach(() => {
    receiver.accepted.length = 0;
    receiver.rejected.length = 0;
  });

  const prepay = (outTradeNo: string, totalFen = 1990) =>
    client.jsapiPrepay({
      description: '🎁 SutWxApp 测试商品',
      outTradeNo,
      totalFen,
      payerOpenid: 'oSandboxOpenid000000000000001',
      notifyUrl: receiver.url,
      timeExpire: new Date(Date.now() + 30 * 60_000),
      attach: 'order:42',
    });

  it('runs the whole flow: prepay → paySign → payment notification → query → close refused → refund → refund notification', async () => {
    const no = nextNo();
    const { prepayId } = await prepay(no);
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{20}$/);

    const params = client.buildRequestPaymentParams(prepayId);
    expect(params).toMatchObject({ package: `prepay_id=${prepayId}`, signType: 'RSA' });
    expect(params.nonceStr).toMatch(/^[0-9A-Za-z]{32}$/);
    const merchantPub = createPublicKey(sandbox.credentials.pay.merchantPublicKeyPem);
    const paySignMessage = `${options.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    expect(verifySha256WithRsa(paySignMessage, params.paySign, merchantPub)).toBe(true);

    const listed = sandbox.pay.listOrders().find((o) => o.out_trade_no === no);
    expect(listed?.description).toBe(' SutWxApp 测试商品'); // emoji stripped before sending
    expect(listed?.time_expire).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect((await client.queryByOutTradeNo(no)).trade_state).toBe('NOTPAY');

    const sim = await sandbox.simulatePayment(no);
    expect(sim.deliveries[0]).toMatchObject({ delivered: true, eventType: 'TRANSACTION.SUCCESS' });
    expect(receiver.accepted).toHaveLength(1);
    const n = receiver.accepted[0];
    expect(n).toMatchObject({
      eventType: 'TRANSACTION.SUCCESS',
      originalType: 'transaction',
      resourceType: 'encrypt-resource',
      summary: '支付成功',
    });
    expect(n.id).toBe(sim.deliveries[0].notificationId);
    expect(n.resource).toMatchObject({
      out_trade_no: no,
      trade_state: 'SUCCESS',
      attach: 'order:42',
      amount: { total: 1990 },
    });
    expect(JSON.parse(n.raw)).toMatchObject({
      resource: { associated_data: 'transaction', algorithm: 'AEAD_AES_256_GCM' },
    });

    const paid = await client.queryByOutTradeNo(no);
    expect(paid).toMatchObject({
      trade_state: 'SUCCESS',
      amount: { total: 1990, payer_total: 1990, currency: 'CNY' },
      payer: { openid: 'oSandboxOpenid000000000000001' },
    });
    expect(paid.transaction_id).toMatch(/^\d{28}$/);
    expect(paid.success_time).toMatch(/\+08:00$/);

    const closeErr = await rejection(client.closeOrder(no), WechatPayApiError);
    expect(closeErr).toMatchObject({ httpStatus: 400, code: 'ORDER_PAID', message: '订单已支付' });
    expect(closeErr.requestId).toMatch(/-268449538$/);

    const refundInput = {
      outTradeNo: no,
      outRefundNo: `R${no}`,
      reason: '不想要了',
      refundFen: 990,
      totalFen: 1990,
      notifyUrl: receiver.url,
    };
    const refund = await client.createRefund(refundInput);
    expect(refund).toMatchObject({ status: 'PROCESSING', out_trade_no: no, amount: { refund: 990, total: 1990 } });
    await sandbox.whenIdle();
    const refundNote = receiver.accepted[1];
    expect(refundNote).toMatchObject({
      eventType: 'REFUND.SUCCESS',
      originalType: 'refund',
      resource: { out_refund_no: `R${no}`, refund_status: 'SUCCESS', amount: { refund: 990 } },
    });
    expect(JSON.parse(refundNote.raw).resource.associated_data).toBe('refund');
    expect((await client.queryRefund(`R${no}`)).status).toBe('SUCCESS');
    expect((await client.queryByOutTradeNo(no)).trade_state).toBe('REFUND');

    // the same refund again is the same refund; more than what is left is refused
    expect((await client.createRefund(refundInput)).refund_id).toBe(refund.refund_id);
    const tooMuch = await rejection(
      client.createRefund({ outTradeNo: no, outRefundNo: `R2${no}`, refundFen: 1001, totalFen: 1990 }),
      WechatPayApiError,
    );
    expect(tooMuch).toMatchObject({ httpStatus: 400, code: 'INVALID_REQUEST' });
  });

  it('re-orders with identical parameters for a fresh prepay_id and refuses changed ones', async () => {
    const no = nextNo();
    const base = { description: 'x', outTradeNo: no, totalFen: 100, payerOpenid: 'oA', notifyUrl: receiver.url };
    const a = await client.jsapiPrepay(base);
    const b = await client.jsapiPrepay(base);
    expect(b.prepayId).not.toBe(a.prepayId);
    const changed = await rejection(client.jsapiPrepay({ ...base, totalFen: 101 }), WechatPayApiError);
    expect(changed).toMatchObject({
      httpStatus: 400,
      code: 'INVALID_REQUEST',
      message: '请求重入时，参数与首次请求时不一致',
    });
    expect(changed.requestId).toMatch(/-268498688$/);
  });

  it('closes unpaid orders repeatably; a closed order cannot be paid or re-ordered', async () => {
    const no = nextNo();
    await prepay(no);
    await client.closeOrder(no);
    await client.closeOrder(no);
    expect((await client.queryByOutTradeNo(no)).trade_state).toBe('CLOSED');
    await expect(sandbox.simulatePayment(no)).rejects.toMatchObject({ code: 'ORDER_CLOSED' });
    expect(await rejection(prepay(no), WechatPayApiError)).toMatchObject({ code: 'ORDER_CLOSED' });
  });

  it('path-escapes out_trade_no (| and * are allowed characters)', async () => {
    const no = `A|B*${seq++}${Date.now()}`.slice(0, 32);
    await prepay(no);
    expect((await client.queryByOutTradeNo(no)).out_trade_no).toBe(no);
  });

  it('maps WeChat errors: unknown order, missing openid, notify_url with a query string', async () => {
    const missing = await rejection(client.queryByOutTradeNo('NOPE000001'), WechatPayApiError);
    expect(missing).toMatchObject({ httpStatus: 404, code: 'ORDER_NOT_EXIST' });
    expect(missing.requestId).toMatch(/^[0-9A-F]{32}-268512771$/);
    const noOpenid = await rejection(
      client.jsapiPrepay({
        description: 'x',
        outTradeNo: nextNo(),
        totalFen: 1,
        payerOpenid: '',
        notifyUrl: receiver.url,
      }),
      WechatPayApiError,
    );
    expect(noOpenid).toMatchObject({ httpStatus: 400, code: 'PARAM_ERROR', message: 'JSAPI支付必须传openid' });
    const query = await rejection(
      client.jsapiPrepay({
        description: 'x',
        outTradeNo: nextNo(),
        totalFen: 1,
        payerOpenid: 'o',
        notifyUrl: `${receiver.url}?a=1`,
      }),
      WechatPayApiError,
    );
    expect(query).toMatchObject({ code: 'PARAM_ERROR', detail: { field: '/notify_url' } });
    await expect(
      client.jsapiPrepay({
        description: 'x',
        outTradeNo: nextNo(),
        totalFen: 0.5,
        payerOpenid: 'o',
        notifyUrl: receiver.url,
      }),
    ).rejects.toThrow(RangeError);
  });

  it('gets 401 SIGN_ERROR for a wrong merchant key or a clock 10 minutes off', async () => {
    const wrongKey = new WechatPayClient({
      ...options,
      merchantPrivateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    });
    expect(await rejection(wrongKey.queryByOutTradeNo('NOPE000001'), WechatPayApiError)).toMatchObject({
      httpStatus: 401,
      code: 'SIGN_ERROR',
    });
    const skewed = new WechatPayClient({ ...options, now: () => Date.now() - 600_000 });
    expect(await rejection(skewed.queryByOutTradeNo('NOPE000001'), WechatPayApiError)).toMatchObject({
      httpStatus: 401,
      code: 'SIGN_ERROR',
    });
  });

  it.each([
    ['unsigned', 'missing_headers'],
    ['bad_signature', 'bad_signature'],
    ['stale_timestamp', 'stale_timestamp'],
    ['unknown_serial', 'unknown_serial'],
    ['signtest_probe', 'signtest_probe'],
    ['tampered_body', 'bad_signature'],
  ] as const)('treats a 2xx response with fault %s as forged (%s)', async (fault, reason) => {
    const no = nextNo();
    await prepay(no);
    sandbox.pay.injectResponseFault(fault);
    const err = await rejection(client.queryByOutTradeNo(no), WechatPayVerificationError);
    expect(err.reason).toBe(reason);
    expect(err.requestId).toMatch(/^[0-9A-F]{32}$/);
  });

  it('verifies the empty body of a 204 (close) and refuses a forged one', async () => {
    const no = nextNo();
    await prepay(no);
    sandbox.pay.injectResponseFault('bad_signature');
    expect((await rejection(client.closeOrder(no), WechatPayVerificationError)).reason).toBe('bad_signature');
  });

  it('answers NETWORK_ERROR (httpStatus 0) when nothing listens', async () => {
    const dead = new WechatPayClient({ ...options, baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    expect(await rejection(dead.queryByOutTradeNo('NOPE000001'), WechatPayApiError)).toMatchObject({
      httpStatus: 0,
      code: 'NETWORK_ERROR',
    });
  });

  describe('notifications', () => {
    let paidNo: string;
    beforeAll(async () => {
      paidNo = nextNo();
      await prepay(paidNo);
      await sandbox.simulatePayment(paidNo, { notify: false });
    });

    it.each<[NotificationForgery, string]>([
      ['missing_headers', 'missing_headers'],
      ['signtest_probe', 'signtest_probe'],
      ['stale_timestamp', 'stale_timestamp'],
      ['unknown_serial', 'unknown_serial'],
      ['bad_signature', 'bad_signature'],
      ['tampered_ciphertext', 'decrypt_failed'],
      ['wrong_api_v3_key', 'decrypt_failed'],
    ])('refuses the %s forgery with reason %s and a non-2xx answer', async (forgery, reason) => {
      const n = sandbox.pay.buildNotification({
        eventType: 'TRANSACTION.SUCCESS',
        resource: sandbox.pay.transaction(paidNo),
        forgery,
      });
      const attempt = await sandbox.pay.deliver(receiver.url, n);
      expect(attempt).toMatchObject({ ok: false, status: 400 });
      expect(receiver.rejected).toEqual([reason]);
    });

    it('refuses a body altered after signing, and a body that is not JSON', async () => {
      const n = sandbox.pay.buildNotification({
        eventType: 'TRANSACTION.SUCCESS',
        resource: sandbox.pay.transaction(paidNo),
      });
      // what a framework that re-serialises the parsed body would verify
      await sandbox.pay.deliver(receiver.url, {
        headers: n.headers,
        body: JSON.stringify(JSON.parse(n.body), null, 1),
      });
      expect(receiver.rejected).toEqual(['bad_signature']);
      const notJson = 'not json';
      await sandbox.pay.deliver(receiver.url, {
        headers: signNotificationBody(sandbox.credentials.pay, notJson),
        body: notJson,
      });
      expect(receiver.rejected).toEqual(['bad_signature', 'malformed']);
    });

    it('refuses a plaintext naming another mchid or appid; a wrong amount is left to the caller', async () => {
      const build = (resource: object) => sandbox.pay.buildNotification({ eventType: 'TRANSACTION.SUCCESS', resource });
      const tx = sandbox.pay.transaction(paidNo);
      await sandbox.pay.deliver(receiver.url, build({ ...tx, mchid: '1900000000' }));
      await sandbox.pay.deliver(receiver.url, build({ ...tx, appid: 'wx0000000000000000' }));
      expect(receiver.rejected).toEqual(['mchid_mismatch', 'appid_mismatch']);
      await sandbox.pay.deliver(receiver.url, build({ ...tx, amount: { ...tx.amount, total: 1 } }));
      expect(receiver.accepted[0].resource).toMatchObject({ amount: { total: 1 } });
    });

    it('accepts an empty associated_data', async () => {
      const n = sandbox.pay.buildNotification({
        eventType: 'TRANSACTION.SUCCESS',
        resource: sandbox.pay.transaction(paidNo),
        associatedData: '',
      });
      expect((await sandbox.pay.deliver(receiver.url, n)).ok).toBe(true);
    });

    it('delivers duplicates of one event under the same id', async () => {
      const no = nextNo();
      await prepay(no);
      const sim = await sandbox.simulatePayment(no, { duplicates: 2 });
      expect(sim.deliveries.map((d) => d.delivered)).toEqual([true, true, true]);
      expect(new Set(receiver.accepted.map((n) => n.id)).size).toBe(1);
      expect(receiver.accepted).toHaveLength(3);
      // paying again re-sends the same event
      await sandbox.simulatePayment(no);
      expect(receiver.accepted[3].id).toBe(receiver.accepted[0].id);
    });

    it('retries on non-2xx answers and network errors, then gives up', async () => {
      const no = nextNo();
      await prepay(no);
      receiver.failFirst.push(500, 503);
      const sim = await sandbox.simulatePayment(no);
      expect(sim.deliveries[0].attempts.map((a) => a.status)).toEqual([500, 503, 204]);
      expect(receiver.accepted).toHaveLength(1);

      const dead = nextNo();
      await client.jsapiPrepay({
        description: 'x',
        outTradeNo: dead,
        totalFen: 1,
        payerOpenid: 'o',
        notifyUrl: 'http://127.0.0.1:9/notify',
      });
      const lost = await sandbox.simulatePayment(dead);
      expect(lost.deliveries[0]).toMatchObject({ delivered: false });
      expect(lost.deliveries[0].attempts).toHaveLength(3);
      expect(lost.deliveries[0].attempts.every((a) => a.status === 0 && a.error)).toBe(true);
    });
  });
});
