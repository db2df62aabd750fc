import { randomBytes } from 'node:crypto';
import { MessageCrypto, sha1Signature } from '@sutwxapp/wechat';
import type { SandboxContext } from '../context';
import { json, parseJsonObject, type Route, type SandboxRequest, type SandboxResponse } from '../http-util';
import type { Lifecycle } from '../lifecycle';
import { checkAccessToken, err, type TokenState } from '../login/login.routes';
import type { PayLedger } from '../pay/ledger';

/*
 * The mini-program platform services a shop uses after login: shipping-info upload (交易管理),
 * content security (msg_sec_check v2, media_check_async), subscribe messages, and the message
 * push WeChat sends to the shop's server (safe mode: AES-256-CBC + msg_signature). Same paths,
 * bodies and errcodes as WeChat; sources are cited in libs/wechat/src/platform/open-api.ts.
 */

export interface RecordedUpload {
  transactionId: string;
  body: Record<string, unknown>;
  at: number;
}

export interface RecordedSubscribeMessage {
  openid: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export interface PushConfig {
  url: string;
  token: string;
  encodingAesKey: string;
}

export interface PushResult {
  status: number;
  body: string;
  /** the query string sent, so tests can replay the exact same push */
  query: Record<string, string>;
  payload: string;
}

/** Words the fake content check calls risky / sends to review (the real model is WeChat's). */
export const SANDBOX_RISKY_WORDS = ['违禁词', 'forbidden-word'];
export const SANDBOX_REVIEW_WORDS = ['待人工审核', 'needs-review'];

export class PlatformSandbox {
  readonly uploads: RecordedUpload[] = [];
  readonly subscribeMessages: RecordedSubscribeMessage[] = [];
  /** the verdict the next media checks will push, per trace id */
  readonly mediaChecks = new Map<string, { openid: string; url: string; verdict: 'pass' | 'risky' | 'review' }>();
  private readonly faults = new Map<string, Array<{ errcode: number; errmsg: string }>>();
  /** one-time quotas per openid + template id, granted by wx.requestSubscribeMessage "accept" */
  private readonly quotas = new Map<string, number>();
  private push: PushConfig | null = null;

  constructor(
    private readonly ctx: SandboxContext,
    private readonly tokens: TokenState,
    private readonly ledger: PayLedger,
    private readonly lifecycle: Lifecycle,
  ) {}

  /** The next `times` calls to `endpoint` (e.g. 'upload_shipping_info') answer this errcode. */
  failNext(endpoint: string, times: number, errcode = -1, errmsg = 'system error'): void {
    const list = this.faults.get(endpoint) ?? [];
    for (let i = 0; i < times; i++) list.push({ errcode, errmsg });
    this.faults.set(endpoint, list);
  }

  /** The next media_check_async calls get these verdicts (otherwise decided from the URL). */
  verdictNextMediaChecks(...verdicts: Array<'pass' | 'risky' | 'review'>): void {
    this.nextMediaVerdicts.push(...verdicts);
  }
  private readonly nextMediaVerdicts: Array<'pass' | 'risky' | 'review'> = [];

  /** What WeChat records when the shopper taps "allow" in wx.requestSubscribeMessage: one send each. */
  acceptSubscription(openid: string, templateId: string): void {
    const key = `${openid}\u0000${templateId}`;
    this.quotas.set(key, (this.quotas.get(key) ?? 0) + 1);
  }

  /** Revokes an access token as a forced refresh elsewhere would (the next call answers 40001). */
  revokeAccessToken(): void {
    this.tokens.current = undefined;
    this.tokens.previous = undefined;
    this.tokens.lastForcedAt = undefined;
  }

  /** Where and how WeChat pushes messages to the shop (the admin console's 消息推送配置). */
  configurePush(config: PushConfig): void {
    this.push = config;
  }

  get pushConfig(): PushConfig | null {
    return this.push;
  }

  /**
   * Sends one event the way WeChat's message push does in safe mode with JSON data: the URL has
   * signature, timestamp, nonce, openid, encrypt_type=aes and msg_signature; the body is
   * {ToUserName, Encrypt}. `event` gets ToUserName/FromUserName/CreateTime/MsgType defaults.
   */
  async sendPush(
    event: Record<string, unknown>,
    opts: { timestamp?: number; nonce?: string; forge?: 'msg_signature' | 'appid' } = {},
  ): Promise<PushResult> {
    const config = this.push;
    if (!config) throw new Error('configurePush() first: the sandbox does not know where to push');
    const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = opts.nonce ?? String(randomBytes(4).readUInt32BE(0));
    const payload = JSON.stringify({
      ToUserName: 'gh_sandbox000000',
      FromUserName: typeof event.openid === 'string' ? event.openid : 'o_sandbox_system',
      CreateTime: Number(timestamp),
      MsgType: 'event',
      ...event,
    });
    const appId = opts.forge === 'appid' ? 'wx0000000000000000' : this.ctx.miniProgram.appId;
    const crypto = new MessageCrypto({ token: config.token, encodingAesKey: config.encodingAesKey, appId });
    const encrypt = crypto.encrypt(payload);
    const query: Record<string, string> = {
      signature: sha1Signature(config.token, timestamp, nonce),
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: opts.forge === 'msg_signature' ? '0'.repeat(40) : crypto.msgSignature(timestamp, nonce, encrypt),
    };
    const body = JSON.stringify({ ToUserName: 'gh_sandbox000000', Encrypt: encrypt });
    return this.deliver(query, body, payload);
  }

  /** Replays a push exactly as it was sent before (same query, same body). */
  async replay(previous: PushResult, encryptedBody: string): Promise<PushResult> {
    return this.deliver(previous.query, encryptedBody, previous.payload);
  }

  private async deliver(query: Record<string, string>, body: string, payload: string): Promise<PushResult> {
    const config = this.push as PushConfig;
    const res = await fetch(`${config.url}?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      signal: AbortSignal.timeout(5000),
    });
    const result = { status: res.status, body: await res.text(), query, payload };
    this.lastPushBody = body;
    return result;
  }

  /** the encrypted body of the last push, for replay tests */
  lastPushBody = '';

  /** Pushes the wxa_media_check verdict for a trace id (done automatically after media_check_async). */
  async completeMediaCheck(traceId: string): Promise<PushResult | null> {
    const check = this.mediaChecks.get(traceId);
    if (!check || !this.push) return null;
    const label = check.verdict === 'pass' ? 100 : 20002;
    return this.sendPush({
      Event: 'wxa_media_check',
      appid: this.ctx.miniProgram.appId,
      trace_id: traceId,
      version: 2,
      openid: check.openid,
      errcode: 0,
      errmsg: 'ok',
      detail: [{ strategy: 'content_model', errcode: 0, suggest: check.verdict, label, prob: 90 }],
      result: { suggest: check.verdict, label },
    });
  }

  private fault(endpoint: string): SandboxResponse | undefined {
    const list = this.faults.get(endpoint);
    const next = list?.shift();
    return next ? err(next.errcode, next.errmsg) : undefined;
  }

  private guard(endpoint: string, req: SandboxRequest): SandboxResponse | Record<string, unknown> {
    this.ctx.stats.hit(endpoint);
    const tokenErr = checkAccessToken(this.ctx, this.tokens, req);
    if (tokenErr) return tokenErr;
    const injected = this.fault(endpoint);
    if (injected) return injected;
    const b = parseJsonObject(req.body);
    return b ?? err(47001, 'data format error');
  }

  routes(): Route[] {
    const isResponse = (v: SandboxResponse | Record<string, unknown>): v is SandboxResponse =>
      typeof (v as SandboxResponse).status === 'number' && 'body' in v;
    const wrap =
      (endpoint: string, handler: (b: Record<string, unknown>) => SandboxResponse) =>
      (req: SandboxRequest): SandboxResponse => {
        const g = this.guard(endpoint, req);
        return isResponse(g) ? g : handler(g);
      };
    return [
      {
        method: 'POST',
        path: '/wxa/sec/order/upload_shipping_info',
        handler: wrap('upload_shipping_info', (b) => this.upload(b)),
      },
      { method: 'POST', path: '/wxa/msg_sec_check', handler: wrap('msg_sec_check', (b) => this.msgSecCheck(b)) },
      { method: 'POST', path: '/wxa/media_check_async', handler: wrap('media_check_async', (b) => this.mediaCheck(b)) },
      {
        method: 'POST',
        path: '/cgi-bin/message/subscribe/send',
        handler: wrap('subscribe_send', (b) => this.subscribe(b)),
      },
    ];
  }

  private upload(b: Record<string, unknown>): SandboxResponse {
    const key = b.order_key as { order_number_type?: unknown; transaction_id?: unknown } | undefined;
    const list = b.shipping_list;
    const payer = b.payer as { openid?: unknown } | undefined;
    if (!key || key.order_number_type !== 2 || typeof key.transaction_id !== 'string') {
      return err(47001, 'data format error: order_key');
    }
    if (!Array.isArray(list) || list.length < 1 || list.length > 15)
      return err(47001, 'data format error: shipping_list');
    if (![1, 2, 3, 4].includes(b.logistics_type as number) || ![1, 2].includes(b.delivery_mode as number)) {
      return err(47001, 'data format error: logistics_type/delivery_mode');
    }
    if (b.delivery_mode === 1 && list.length !== 1) return err(47001, 'unified delivery takes exactly one parcel');
    if (b.delivery_mode === 2 && typeof b.is_all_delivered !== 'boolean') {
      return err(47001, 'is_all_delivered is required for split delivery');
    }
    if (typeof b.upload_time !== 'string' || Number.isNaN(Date.parse(b.upload_time)))
      return err(47001, 'bad upload_time');
    const found = this.ledger.findByTransactionId(key.transaction_id);
    if (!found.ok || found.value.tradeState === 'NOTPAY') return err(10060001, '支付单不存在');
    if (payer?.openid !== found.value.openid) return err(10060002, '支付单与支付者不匹配');
    for (const item of list as Array<Record<string, unknown>>) {
      if (typeof item.item_desc !== 'string' || !item.item_desc) return err(47001, 'item_desc is required');
      if (b.logistics_type === 1) {
        if (typeof item.tracking_no !== 'string' || typeof item.express_company !== 'string') {
          return err(47001, 'tracking_no and express_company are required for express');
        }
        const contact = item.contact as { receiver_contact?: unknown } | undefined;
        // SF requires a (masked) phone of the sender or receiver
        if (item.express_company === 'SF' && typeof contact?.receiver_contact !== 'string') {
          return err(47001, 'contact is required for SF');
        }
      }
    }
    this.uploads.push({ transactionId: key.transaction_id, body: b, at: this.ctx.clock.now() });
    return json(200, { errcode: 0, errmsg: 'ok' });
  }

  private msgSecCheck(b: Record<string, unknown>): SandboxResponse {
    if (b.version !== 2) return err(47001, 'version must be 2');
    if (typeof b.openid !== 'string' || !/^o[A-Za-z0-9_-]{27}$/.test(b.openid)) return err(40003, 'invalid openid');
    if (![1, 2, 3, 4].includes(b.scene as number)) return err(40129, 'invalid scene');
    if (typeof b.content !== 'string' || !b.content) return err(44002, 'empty post data');
    const text = [b.content, b.title, b.nickname].filter((x) => typeof x === 'string').join(' ');
    let suggest = 'pass';
    let label = 100;
    if (SANDBOX_RISKY_WORDS.some((w) => text.includes(w))) {
      suggest = 'risky';
      label = 20006;
    } else if (SANDBOX_REVIEW_WORDS.some((w) => text.includes(w))) {
      suggest = 'review';
      label = 21000;
    }
    return json(200, {
      errcode: 0,
      errmsg: 'ok',
      trace_id: randomBytes(12).toString('hex'),
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
    });
  }

  private mediaCheck(b: Record<string, unknown>): SandboxResponse {
    if (b.version !== 2 || b.media_type !== 2) return err(47001, 'version 2 and media_type 2 (image) expected');
    if (typeof b.openid !== 'string' || !/^o[A-Za-z0-9_-]{27}$/.test(b.openid)) return err(40003, 'invalid openid');
    if (![1, 2, 3, 4].includes(b.scene as number)) return err(40129, 'invalid scene');
    if (typeof b.media_url !== 'string' || !/^https?:\/\//.test(b.media_url)) return err(47001, 'invalid media_url');
    const traceId = randomBytes(12).toString('hex');
    const verdict =
      this.nextMediaVerdicts.shift() ??
      (b.media_url.includes('risky') ? 'risky' : b.media_url.includes('review') ? 'review' : 'pass');
    this.mediaChecks.set(traceId, { openid: b.openid, url: b.media_url, verdict });
    // The verdict comes later through the message push, as at WeChat (within 30 minutes there).
    if (this.push) {
      void this.lifecycle.track(
        this.lifecycle.sleep(20).then((awake) => (awake ? this.completeMediaCheck(traceId).catch(() => null) : null)),
      );
    }
    return json(200, { errcode: 0, errmsg: 'ok', trace_id: traceId });
  }

  private subscribe(b: Record<string, unknown>): SandboxResponse {
    if (typeof b.touser !== 'string' || typeof b.template_id !== 'string') return err(47003, 'argument invalid');
    const data = b.data as Record<string, { value?: unknown }> | undefined;
    if (!data || typeof data !== 'object' || Object.values(data).some((v) => typeof v?.value !== 'string')) {
      return err(47003, 'argument invalid: data.*.value');
    }
    const key = `${b.touser}\u0000${b.template_id}`;
    const left = this.quotas.get(key) ?? 0;
    if (left <= 0) return err(43101, 'user refuse to accept the msg');
    this.quotas.set(key, left - 1);
    this.subscribeMessages.push({
      openid: b.touser,
      templateId: b.template_id,
      page: typeof b.page === 'string' ? b.page : undefined,
      data: data as Record<string, { value: string }>,
    });
    return json(200, { errcode: 0, errmsg: 'ok', msgid: Number(randomBytes(4).readUInt32BE(0)) });
  }
}
