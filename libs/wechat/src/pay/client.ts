import type { KeyObject } from 'node:crypto';
import { fetchText, TransportError } from '../http';
import { WechatPayApiError, WechatPayVerificationError } from './errors';
import { formatRfc3339Beijing, sanitizeDescription } from './format';
import { loadPrivateKey, normaliseSerial, PlatformKeyStore } from './keys';
import { verifyNotification } from './notification';
import { buildAuthorization, buildPaySign, buildRequestSignMessage, randomNonce, signSha256WithRsa } from './sign';
import type {
  CreateRefundInput,
  JsapiPrepayInput,
  RequestPaymentParams,
  WechatPayNotification,
  WechatPayRefund,
  WechatPayRefundNotice,
  WechatPayTransaction,
} from './types';
import { checkWechatpaySignature, type HeaderBag } from './verify-signature';

export interface WechatPayClientOptions {
  /** default https://api.mch.weixin.qq.com (backup host: https://api2.mch.weixin.qq.com) */
  baseUrl?: string;
  mchId: string;
  /** the mini-program appid bound to mchId; openids must come from it */
  appId: string;
  /** serial of the merchant API certificate (40 hex) */
  merchantSerialNo: string;
  /** apiclient_key.pem: KeyObject, PEM text or a file path */
  merchantPrivateKey: KeyObject | string;
  /** 32 characters */
  apiV3Key: string;
  /** WeChat's keys by serial: `PUB_KEY_ID_…` and/or legacy platform certificate serials */
  platformKeys: PlatformKeyStore | Record<string, KeyObject | string>;
  /** default 300 */
  maxClockSkewSeconds?: number;
  /** per request; default 10000 */
  timeoutMs?: number;
  userAgent?: string;
  /** clock override for tests (ms) */
  now?: () => number;
}

interface Raw {
  status: number;
  text: string;
  requestId?: string;
}

/** WeChat Pay API v3 for a direct merchant, JSAPI / mini-program payments (spec §2). */
export class WechatPayClient {
  readonly mchId: string;
  readonly appId: string;
  private readonly baseUrl: string;
  private readonly serialNo: string;
  private readonly privateKey: KeyObject;
  private readonly apiV3Key: string;
  private readonly keys: PlatformKeyStore;
  private readonly skew: number;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly now: () => number;

  constructor(options: WechatPayClientOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://api.mch.weixin.qq.com').replace(/\/+$/, '');
    this.mchId = options.mchId;
    this.appId = options.appId;
    this.serialNo = options.merchantSerialNo;
    this.privateKey = loadPrivateKey(options.merchantPrivateKey);
    if (Buffer.byteLength(options.apiV3Key, 'utf8') !== 32) throw new RangeError('apiV3Key must be 32 bytes');
    this.apiV3Key = options.apiV3Key;
    this.keys = PlatformKeyStore.from(options.platformKeys);
    if (this.keys.size === 0) throw new RangeError('platformKeys is empty: responses could never be verified');
    // The merchant's own serial among WeChat's keys means the config mixed up the two sides.
    if (this.keys.has(normaliseSerial(this.serialNo))) {
      throw new RangeError('platformKeys must not contain the merchant serial');
    }
    this.skew = options.maxClockSkewSeconds ?? 300;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.userAgent = options.userAgent ?? 'sutwxapp-wechatpay/1.0';
    this.now = options.now ?? Date.now;
  }

  async jsapiPrepay(input: JsapiPrepayInput): Promise<{ prepayId: string }> {
    if (!Number.isSafeInteger(input.totalFen) || input.totalFen < 1) {
      throw new RangeError('totalFen must be an integer ≥ 1 (fen)');
    }
    // null is not allowed by WeChat: optional keys are omitted, never sent as null.
    const body: Record<string, unknown> = {
      appid: this.appId,
      mchid: this.mchId,
      description: sanitizeDescription(input.description),
      out_trade_no: input.outTradeNo,
      ...(input.timeExpire ? { time_expire: formatRfc3339Beijing(input.timeExpire) } : {}),
      ...(input.attach !== undefined ? { attach: input.attach } : {}),
      notify_url: input.notifyUrl,
      amount: { total: input.totalFen, currency: 'CNY' },
      payer: { openid: input.payerOpenid },
    };
    const res = await this.call('POST', '/v3/pay/transactions/jsapi', body);
    const data = this.parse<{ prepay_id?: string }>(res);
    if (!data.prepay_id) throw new WechatPayApiError(res.status, 'INVALID_RESPONSE', 'no prepay_id', res.requestId);
    return { prepayId: data.prepay_id };
  }

  async queryByOutTradeNo(outTradeNo: string): Promise<WechatPayTransaction> {
    // Path-escaped, and ?mchid= is part of the signed canonical URL.
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.mchId)}`;
    return this.parse<WechatPayTransaction>(await this.call('GET', path));
  }

  /** 204 on success; repeatable. Closing a paid order throws WechatPayApiError 'ORDER_PAID'. */
  async closeOrder(outTradeNo: string): Promise<void> {
    await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
      mchid: this.mchId,
    });
  }

  async createRefund(input: CreateRefundInput): Promise<WechatPayRefund> {
    const body: Record<string, unknown> = {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.notifyUrl ? { notify_url: input.notifyUrl } : {}),
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    };
    return this.parse<WechatPayRefund>(await this.call('POST', '/v3/refund/domestic/refunds', body));
  }

  async queryRefund(outRefundNo: string): Promise<WechatPayRefund> {
    return this.parse<WechatPayRefund>(
      await this.call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`),
    );
  }

  /** Parameters for wx.requestPayment; paySign covers appId, timeStamp, nonceStr and package. */
  buildRequestPaymentParams(prepayId: string): RequestPaymentParams {
    const timeStamp = String(Math.floor(this.now() / 1000));
    const nonceStr = randomNonce();
    const pkg = `prepay_id=${prepayId}`;
    const paySign = buildPaySign(this.appId, timeStamp, nonceStr, pkg, this.privateKey);
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
  }

  /**
   * Verifies and decrypts a payment or refund notification. Pass the raw body bytes (Nest:
   * `rawBody: true`, `req.rawBody`), never a re-serialised object. Throws
   * WechatPayNotificationError: answer 4xx/5xx so that WeChat retries.
   */
  verifyAndDecryptNotification<R = WechatPayTransaction | WechatPayRefundNotice>(
    headers: HeaderBag,
    rawBody: Buffer | string,
  ): WechatPayNotification<R> {
    return verifyNotification<R>(headers, rawBody, {
      keys: this.keys,
      maxClockSkewSeconds: this.skew,
      nowMs: this.now(),
      apiV3Key: this.apiV3Key,
      mchId: this.mchId,
      appId: this.appId,
    });
  }

  private async call(method: 'GET' | 'POST', pathAndQuery: string, body?: object): Promise<Raw> {
    // Serialise once: these exact bytes are both signed and sent.
    const bodyText = body === undefined ? '' : JSON.stringify(body);
    const url = new URL(this.baseUrl + pathAndQuery);
    const canonicalUrl = url.pathname + url.search;
    const timestamp = Math.floor(this.now() / 1000);
    const nonce = randomNonce();
    const signature = signSha256WithRsa(
      buildRequestSignMessage(method, canonicalUrl, timestamp, nonce, bodyText),
      this.privateKey,
    );
    const headers: Record<string, string> = {
      Authorization: buildAuthorization({ mchId: this.mchId, serialNo: this.serialNo, timestamp, nonce, signature }),
      Accept: 'application/json',
      'User-Agent': this.userAgent,
      'Wechatpay-Serial': this.keys.serials()[0],
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res;
    try {
      res = await fetchText(
        url.toString(),
        { method, headers, body: body === undefined ? undefined : bodyText },
        this.timeoutMs,
      );
    } catch (err) {
      if (err instanceof TransportError) throw new WechatPayApiError(0, 'NETWORK_ERROR', err.message);
      throw err;
    }
    const requestId = res.headers.get('request-id') ?? undefined;
    if (res.status < 200 || res.status >= 300) throw apiError(res.status, res.text, requestId);
    // Only 2xx answers are verified (as the official SDKs do); an unsigned 2xx is forged.
    const failure = checkWechatpaySignature(res.headers, res.text, {
      keys: this.keys,
      maxClockSkewSeconds: this.skew,
      nowMs: this.now(),
    });
    if (failure) {
      throw new WechatPayVerificationError(
        failure.reason,
        `WeChat Pay response to ${method} ${url.pathname} failed verification: ${failure.detail}`,
        requestId,
      );
    }
    return { status: res.status, text: res.text, requestId };
  }

  private parse<T>(res: Raw): T {
    try {
      return JSON.parse(res.text) as T;
    } catch {
      throw new WechatPayApiError(res.status, 'INVALID_RESPONSE', 'response body is not JSON', res.requestId);
    }
  }
}

function apiError(status: number, text: string, requestId?: string): WechatPayApiError {
  let code = `HTTP_${status}`;
  let message = `WeChat Pay answered HTTP ${status}`;
  let detail: unknown;
  try {
    const b = JSON.parse(text) as { code?: unknown; message?: unknown; detail?: unknown };
    if (typeof b.code === 'string' && b.code) code = b.code;
    if (typeof b.message === 'string' && b.message) message = b.message;
    detail = b.detail;
  } catch {
    // keep the generic code: an HTML error page from a proxy, for instance
  }
  return new WechatPayApiError(status, code, message, requestId, detail);
}
