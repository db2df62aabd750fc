import { startWechatSandbox, type WechatSandbox } from '@sutwxapp/wechat-sandbox';
import { rejection, tinyServer } from '../__fixtures__/test-utils';
import { maskPhone, wechatDeliveryId } from './delivery-companies';
import { type AccessTokenSource, MiniProgramOpenApi, StableTokenClient, WechatOpenApiError } from './open-api';

/** A token source that asks stable_token directly and counts its calls. */
class CountingTokens implements AccessTokenSource {
  fetches = 0;
  forced = 0;
  private token: string | null = null;
  constructor(private readonly client: StableTokenClient) {}
  async get(): Promise<string> {
    if (!this.token) {
      this.fetches++;
      this.token = (await this.client.fetch(false)).accessToken;
    }
    return this.token;
  }
  async refreshAfterRejection(): Promise<string> {
    this.forced++;
    this.token = (await this.client.fetch(true)).accessToken;
    return this.token;
  }
}

describe('MiniProgramOpenApi against the sandbox', () => {
  let sandbox: WechatSandbox;
  let tokens: CountingTokens;
  let api: MiniProgramOpenApi;
  let openid: string;
  let transactionId: string;

  beforeAll(async () => {
    sandbox = await startWechatSandbox();
    tokens = new CountingTokens(new StableTokenClient(sandbox.clientOptions().login));
    api = new MiniProgramOpenApi({ baseUrl: sandbox.url, tokens });
    // a paid WeChat Pay order in the sandbox, as the shop's payment flow makes one
    const { WechatPayClient } = await import('../pay');
    const { Code2SessionClient } = await import('../login');
    openid = (await new Code2SessionClient(sandbox.clientOptions().login).code2Session('c-1')).openid;
    const pay = new WechatPayClient(sandbox.clientOptions().pay);
    await pay.jsapiPrepay({
      description: '测试商品',
      outTradeNo: 'T20250101000001',
      notifyUrl: 'https://shop.example.com/notify',
      totalFen: 100,
      payerOpenid: openid,
    });
    const paid = await sandbox.simulatePayment('T20250101000001', { notify: false });
    transactionId = paid.transaction.transaction_id as string;
  });
  afterAll(() => sandbox.close());

  it('maps our carriers to WeChat delivery ids and masks phones', () => {
    expect(wechatDeliveryId(' ShunFeng ')).toBe('SF');
    expect(wechatDeliveryId('dhl')).toBeUndefined();
    expect(maskPhone('13912345678')).toBe('139****5678');
  });

  it('uploads one parcel as unified delivery and several as split delivery', async () => {
    const base = {
      transactionId,
      logisticsType: 1 as const,
      payerOpenid: openid,
      uploadTime: '2025-01-01T10:00:00.000+08:00',
    };
    await api.uploadShippingInfo({
      ...base,
      shippingList: [{ trackingNo: 'YT1', expressCompany: 'YTO', itemDesc: '商品×1' }],
    });
    await api.uploadShippingInfo({
      ...base,
      shippingList: [
        { trackingNo: 'YT1', expressCompany: 'YTO', itemDesc: '商品×1' },
        { trackingNo: 'SF2', expressCompany: 'SF', itemDesc: '商品×1', receiverContact: '139****5678' },
      ],
    });
    const [one, two] = sandbox.platform.uploads.slice(-2).map((u) => u.body);
    expect(one).toMatchObject({ delivery_mode: 1, order_key: { order_number_type: 2, transaction_id: transactionId } });
    expect(one).not.toHaveProperty('is_all_delivered');
    expect(two).toMatchObject({ delivery_mode: 2, is_all_delivered: true });
  });

  it('answers WeChat’s errcodes: unknown transaction, SF without contact, busy is transient', async () => {
    const base = { logisticsType: 1 as const, payerOpenid: openid, uploadTime: '2025-01-01T10:00:00.000+08:00' };
    const unknown = await rejection(
      api.uploadShippingInfo({
        ...base,
        transactionId: '4200000000000000000000000000',
        shippingList: [{ trackingNo: 'Y', expressCompany: 'YTO', itemDesc: 'x' }],
      }),
      WechatOpenApiError,
    );
    expect(unknown).toMatchObject({ errcode: 10060001, transient: false });
    const sf = await rejection(
      api.uploadShippingInfo({
        ...base,
        transactionId,
        shippingList: [{ trackingNo: 'S', expressCompany: 'SF', itemDesc: 'x' }],
      }),
      WechatOpenApiError,
    );
    expect(sf).toMatchObject({ errcode: 47001, transient: false });
    sandbox.platform.failNext('upload_shipping_info', 1);
    const busy = await rejection(
      api.uploadShippingInfo({
        ...base,
        transactionId,
        shippingList: [{ trackingNo: 'Y', expressCompany: 'YTO', itemDesc: 'x' }],
      }),
      WechatOpenApiError,
    );
    expect(busy).toMatchObject({ errcode: -1, transient: true });
  });

  it('refreshes the token once and retries once on 40001, and gives up after that', async () => {
    await api.msgSecCheck({ openid, scene: 2, content: '你好' });
    sandbox.platform.revokeAccessToken();
    const forcedBefore = tokens.forced;
    await expect(api.msgSecCheck({ openid, scene: 2, content: '你好' })).resolves.toMatchObject({
      suggest: 'pass',
      label: 100,
    });
    expect(tokens.forced - forcedBefore).toBe(1);
    // a token rejected again right after the refresh is not refreshed in a loop
    sandbox.platform.failNext('msg_sec_check', 2, 40001, 'invalid credential');
    const err = await rejection(api.msgSecCheck({ openid, scene: 2, content: '你好' }), WechatOpenApiError);
    expect(err.errcode).toBe(40001);
    expect(tokens.forced - forcedBefore).toBe(2);
  });

  it('returns the content verdicts and checks scene and openid', async () => {
    await expect(api.msgSecCheck({ openid, scene: 1, content: '含违禁词的签名' })).resolves.toMatchObject({
      suggest: 'risky',
    });
    await expect(api.msgSecCheck({ openid, scene: 3, content: 'x', title: '待人工审核' })).resolves.toMatchObject({
      suggest: 'review',
    });
    expect((await rejection(api.msgSecCheck({ openid, scene: 9, content: 'x' }), WechatOpenApiError)).errcode).toBe(
      40129,
    );
    expect(
      (await rejection(api.msgSecCheck({ openid: 'bad', scene: 1, content: 'x' }), WechatOpenApiError)).errcode,
    ).toBe(40003);
    await expect(
      api.mediaCheckAsync({ openid, scene: 2, mediaUrl: 'https://cdn.example.com/a.jpg' }),
    ).resolves.toMatchObject({ traceId: expect.any(String) });
  });

  it('sends a subscribe message only within the accepted quota (43101 otherwise)', async () => {
    sandbox.platform.acceptSubscription(openid, 'tpl-1');
    await api.sendSubscribeMessage({ openid, templateId: 'tpl-1', data: { thing1: '已发货' } });
    const refused = await rejection(
      api.sendSubscribeMessage({ openid, templateId: 'tpl-1', data: { thing1: '已发货' } }),
      WechatOpenApiError,
    );
    expect(refused).toMatchObject({ errcode: 43101, transient: false });
    expect(sandbox.platform.subscribeMessages.at(-1)).toMatchObject({
      templateId: 'tpl-1',
      data: { thing1: { value: '已发货' } },
    });
  });

  it('exchanges a phone code and checks the watermark appid', async () => {
    const appId = sandbox.credentials.miniProgram.appId;
    await expect(api.getPhoneNumber('phone13912345678', appId)).resolves.toMatchObject({
      purePhoneNumber: '13912345678',
      countryCode: '86',
    });
    expect((await rejection(api.getPhoneNumber('invalid-1', appId), WechatOpenApiError)).errcode).toBe(40029);
    const other = await rejection(api.getPhoneNumber('phone13912345678', 'wx0000000000000000'), WechatOpenApiError);
    expect(other.message).toContain('watermark');
  });

  it('treats an unreachable WeChat as transient', async () => {
    const dead = await tinyServer((_req, res) => res.destroy());
    const client = new MiniProgramOpenApi({
      baseUrl: dead.url,
      tokens: { get: async () => 't', refreshAfterRejection: async () => 't' },
    });
    const err = await rejection(
      client.mediaCheckAsync({ openid, scene: 1, mediaUrl: 'https://x/y.jpg' }),
      WechatOpenApiError,
    );
    expect(err).toMatchObject({ errcode: null, transient: true });
    dead.stop();
  });
});
