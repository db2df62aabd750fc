import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildAuthorization,
  buildRequestSignMessage,
  checkWechatpaySignature,
  PlatformKeyStore,
  randomNonce,
  signSha256WithRsa,
  WechatPayClient,
} from '@sutwxapp/wechat';
import { startWechatSandbox, type WechatSandbox } from '../sandbox';

describe('sandbox: WeChat Pay v3 wire protocol', () => {
  let sandbox: WechatSandbox;
  let client: WechatPayClient;
  const notifyUrl = 'https://shop.example.com/api/v1/payments/wechat/notify';

  beforeAll(async () => {
    sandbox = await startWechatSandbox({ autoCompleteRefunds: false });
    client = new WechatPayClient(sandbox.clientOptions().pay);
  });
  afterAll(() => sandbox.close());

  /** A hand-signed request, so tests can get the signature subtly wrong. */
  async function signedFetch(
    method: string,
    target: string,
    body: string,
    tweak: { timestamp?: number; signedTarget?: string; serialNo?: string } = {},
  ) {
    const c = sandbox.credentials.pay;
    const timestamp = tweak.timestamp ?? Math.floor(Date.now() / 1000);
    const nonce = randomNonce();
    const message = buildRequestSignMessage(method, tweak.signedTarget ?? target, timestamp, nonce, body);
    const signature = signSha256WithRsa(message, c.merchantPrivateKeyPem);
    const res = await fetch(sandbox.url + target, {
      method,
      headers: {
        Authorization: buildAuthorization({
          mchId: c.mchId,
          serialNo: tweak.serialNo ?? c.merchantSerialNo,
          timestamp,
          nonce,
          signature,
        }),
        'Content-Type': 'application/json',
      },
      body: method === 'GET' ? undefined : body,
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  }

  const order = (over: Record<string, unknown> = {}) => {
    const c = sandbox.credentials.pay;
    return JSON.stringify({
      appid: c.appId,
      mchid: c.mchId,
      description: 'desc',
      out_trade_no: `W${Date.now()}${randomNonce(6)}`,
      notify_url: notifyUrl,
      amount: { total: 100, currency: 'CNY' },
      payer: { openid: 'oX' },
      ...over,
    });
  };

  it('refuses unsigned and mis-signed requests with a signed 401 SIGN_ERROR', async () => {
    const unsigned = await fetch(`${sandbox.url}/v3/pay/transactions/jsapi`, { method: 'POST', body: order() });
    const text = await unsigned.text();
    expect(unsigned.status).toBe(401);
    expect(JSON.parse(text)).toMatchObject({ code: 'SIGN_ERROR' });
    const keys = new PlatformKeyStore({
      [sandbox.credentials.pay.platformSerial]: sandbox.credentials.pay.platformPublicKeyPem,
    });
    expect(
      checkWechatpaySignature(unsigned.headers, text, { keys, maxClockSkewSeconds: 300, nowMs: Date.now() }),
    ).toBeUndefined();
    expect(unsigned.headers.get('request-id')).toMatch(/-268443699$/);

    const ms = await signedFetch('POST', '/v3/pay/transactions/jsapi', order(), { timestamp: Date.now() });
    expect(ms).toMatchObject({ status: 401, json: { code: 'SIGN_ERROR' } });
    const wrongSerial = await signedFetch('POST', '/v3/pay/transactions/jsapi', order(), { serialNo: '0'.repeat(40) });
    expect(wrongSerial).toMatchObject({ status: 401, json: { message: '商户证书序列号有误' } });
    // the query string is part of the signed URL
    const target = '/v3/pay/transactions/out-trade-no/NOPE000001?mchid=' + sandbox.credentials.pay.mchId;
    const noQuery = await signedFetch('GET', target, '', {
      signedTarget: '/v3/pay/transactions/out-trade-no/NOPE000001',
    });
    expect(noQuery.status).toBe(401);
    expect((await signedFetch('GET', target, '')).status).toBe(404);
    // lower-case hex serial is the same merchant certificate
    const lower = await signedFetch('POST', '/v3/pay/transactions/jsapi', order(), {
      serialNo: sandbox.credentials.pay.merchantSerialNo.toLowerCase(),
    });
    expect(lower.status).toBe(200);
  });

  it.each([
    ['amount.total 0', { amount: { total: 0, currency: 'CNY' } }, '/amount/total'],
    ['fractional fen', { amount: { total: 1.5, currency: 'CNY' } }, '/amount/total'],
    ['currency USD', { amount: { total: 1, currency: 'USD' } }, '/amount/currency'],
    ['short out_trade_no', { out_trade_no: 'abc' }, '/out_trade_no'],
    ['out_trade_no with a dot', { out_trade_no: 'abc.def.ghi' }, '/out_trade_no'],
    ['plain http notify_url', { notify_url: 'http://shop.example.com/notify' }, '/notify_url'],
    ['notify_url with a query', { notify_url: `${notifyUrl}?id=1` }, '/notify_url'],
    ['emoji in description', { description: '礼物🎁' }, '/description'],
    ['description of 128 chars', { description: 'x'.repeat(128) }, '/description'],
    ['time_expire without offset', { time_expire: '2030-01-01T00:00:00' }, '/time_expire'],
  ])('answers 400 PARAM_ERROR for %s', async (_label, over, field) => {
    const res = await signedFetch('POST', '/v3/pay/transactions/jsapi', order(over));
    expect(res).toMatchObject({ status: 400, json: { code: 'PARAM_ERROR', detail: { field } } });
  });

  it('answers APPID_MCHID_NOT_MATCH for a foreign appid and PARAM_ERROR for a missing openid', async () => {
    const foreign = await signedFetch('POST', '/v3/pay/transactions/jsapi', order({ appid: 'wx0000000000000000' }));
    expect(foreign).toMatchObject({ status: 400, json: { code: 'APPID_MCHID_NOT_MATCH' } });
    const noPayer = await signedFetch('POST', '/v3/pay/transactions/jsapi', order({ payer: {} }));
    expect(noPayer).toMatchObject({ status: 400, json: { code: 'PARAM_ERROR', message: 'JSAPI支付必须传openid' } });
    expect(noPayer.headers.get('request-id')).toMatch(/-268501013$/);
  });

  it('lets an unpaid order expire on the sandbox clock', async () => {
    const no = `E${Date.now()}`;
    await client.jsapiPrepay({
      description: 'x',
      outTradeNo: no,
      totalFen: 1,
      payerOpenid: 'o',
      notifyUrl,
      timeExpire: new Date(Date.now() + 5 * 60_000),
    });
    sandbox.advanceClock(6 * 60_000);
    await expect(sandbox.simulatePayment(no, { notify: false })).rejects.toMatchObject({ code: 'ORDER_EXPIRED' });
  });

  it('keeps refunds PROCESSING until completed when autoCompleteRefunds is false, and checks refunds', async () => {
    const no = `F${Date.now()}`;
    await client.jsapiPrepay({ description: 'x', outTradeNo: no, totalFen: 500, payerOpenid: 'o', notifyUrl });
    const early = client.createRefund({ outTradeNo: no, outRefundNo: `RF${no}`, refundFen: 100, totalFen: 500 });
    await expect(early).rejects.toMatchObject({ httpStatus: 400, code: 'INVALID_REQUEST' });
    await sandbox.simulatePayment(no, { notify: false });
    await expect(
      client.createRefund({ outTradeNo: no, outRefundNo: `RF${no}`, refundFen: 100, totalFen: 400 }),
    ).rejects.toMatchObject({ code: 'PARAM_ERROR' });
    await expect(
      client.createRefund({ outTradeNo: 'UNKNOWN0001', outRefundNo: 'RX1', refundFen: 1, totalFen: 1 }),
    ).rejects.toMatchObject({ httpStatus: 404, code: 'RESOURCE_NOT_EXISTS' });

    const r1 = await client.createRefund({ outTradeNo: no, outRefundNo: `RF${no}`, refundFen: 400, totalFen: 500 });
    expect(r1.status).toBe('PROCESSING');
    // PROCESSING refunds already hold their money back
    await expect(
      client.createRefund({ outTradeNo: no, outRefundNo: `RG${no}`, refundFen: 101, totalFen: 500 }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(
      client.createRefund({ outTradeNo: no, outRefundNo: `RF${no}`, refundFen: 300, totalFen: 500 }),
    ).rejects.toMatchObject({ message: '请求重入时，参数与首次请求时不一致' });
    expect((await client.queryRefund(`RF${no}`)).status).toBe('PROCESSING');
    const done = await sandbox.completeRefund(`RF${no}`, { status: 'ABNORMAL' });
    expect(done.refund.status).toBe('ABNORMAL');
    expect((await client.queryByOutTradeNo(no)).trade_state).toBe('SUCCESS');
    await expect(client.queryRefund('NOPE')).rejects.toMatchObject({ httpStatus: 404 });
  });

  it('serves the control endpoints over HTTP and counts calls', async () => {
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      req.on('data', (c: Buffer) => received.push(c.toString()));
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const no = `H${Date.now()}`;
      const before = sandbox.stats.count('pay.jsapi');
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`;
      await client.jsapiPrepay({ description: 'x', outTradeNo: no, totalFen: 1, payerOpenid: 'o', notifyUrl: url });
      expect(sandbox.stats.count('pay.jsapi')).toBe(before + 1);

      const sim = await fetch(`${sandbox.url}/sandbox/pay/simulate`, {
        method: 'POST',
        body: JSON.stringify({ out_trade_no: no }),
      });
      expect(sim.status).toBe(200);
      expect(await sim.json()).toMatchObject({
        transaction: { trade_state: 'SUCCESS' },
        deliveries: [{ delivered: true }],
      });
      expect(JSON.parse(received.join(''))).toMatchObject({ event_type: 'TRANSACTION.SUCCESS' });

      const refund = await client.createRefund({ outTradeNo: no, outRefundNo: `R${no}`, refundFen: 1, totalFen: 1 });
      const done = await fetch(`${sandbox.url}/sandbox/pay/refunds/complete`, {
        method: 'POST',
        body: JSON.stringify({ out_refund_no: refund.out_refund_no }),
      });
      expect(await done.json()).toMatchObject({ refund: { status: 'SUCCESS' }, deliveries: [] });
    } finally {
      receiver.close();
    }
  });

  it('lists orders and answers 404 for unknown ones', async () => {
    const list = (await (await fetch(`${sandbox.url}/sandbox/pay/orders`)).json()) as {
      orders: Array<{ out_trade_no: string }>;
    };
    expect(list.orders.length).toBeGreaterThan(0);
    const res = await fetch(`${sandbox.url}/sandbox/pay/simulate`, {
      method: 'POST',
      body: JSON.stringify({ out_trade_no: 'NOPE000001' }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'ORDER_NOT_EXIST' });
  });
});

describe('sandbox close()', () => {
  it('cancels pending notification retries', async () => {
    const sandbox = await startWechatSandbox({ notifyRetryScheduleMs: [60_000] });
    const client = new WechatPayClient(sandbox.clientOptions().pay);
    await client.jsapiPrepay({
      description: 'x',
      outTradeNo: 'CLOSE0001',
      totalFen: 1,
      payerOpenid: 'o',
      notifyUrl: 'http://127.0.0.1:9/n',
    });
    const sim = sandbox.simulatePayment('CLOSE0001');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await sandbox.close();
    const result = await sim;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.deliveries[0]).toMatchObject({ delivered: false });
    expect(result.deliveries[0].attempts).toHaveLength(1);
  });
});
