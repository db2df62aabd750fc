import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import {
  AUTH_SCHEME,
  buildRequestSignMessage,
  buildResponseSignMessage,
  normaliseSerial,
  parseAuthorization,
  randomNonce,
  signSha256WithRsa,
  verifySha256WithRsa,
  type AuthorizationParts,
} from '@sutwxapp/wechat';
import { headerValue, type SandboxRequest, type SandboxResponse } from '../http-util';
import { strangerKey, type SandboxPayCredentials } from './credentials';

/** One-shot faults for the next API response, to exercise the client's response verification. */
export type ResponseFault =
  'unsigned' | 'bad_signature' | 'stale_timestamp' | 'unknown_serial' | 'signtest_probe' | 'tampered_body';

const MAX_SKEW_S = 300;

/** WeChat Pay's numeric codes for unambiguous error codes, carried as the Request-ID suffix (spec §2.7). */
const NUMERIC_CODE: Record<string, number> = {
  SIGN_ERROR: 268443699,
  ORDER_NOT_EXIST: 268512771,
  ORDER_PAID: 268449538,
  APPID_MCHID_NOT_MATCH: 268445527,
};

export class PayWire {
  readonly merchantPublicKey: KeyObject;
  readonly platformPrivateKey: KeyObject;
  private readonly faults: ResponseFault[] = [];

  constructor(readonly credentials: SandboxPayCredentials) {
    this.merchantPublicKey = createPublicKey(credentials.merchantPublicKeyPem);
    this.platformPrivateKey = createPrivateKey(credentials.platformPrivateKeyPem);
  }

  injectResponseFault(fault: ResponseFault): void {
    this.faults.push(fault);
  }

  /**
   * Checks the merchant's Authorization like WeChat: scheme, mchid, merchant serial, ±300 s,
   * and SHA256withRSA over METHOD, the request target exactly as sent, ts, nonce and raw body.
   */
  authenticate(req: SandboxRequest): { ok: true; auth: AuthorizationParts } | { ok: false; response: SandboxResponse } {
    const header = headerValue(req.headers, 'authorization');
    const auth = parseAuthorization(header);
    const fail = (message: string) => ({ ok: false as const, response: this.error(401, 'SIGN_ERROR', message) });
    if (!auth) return fail(header ? `Authorization 不是合法的 ${AUTH_SCHEME} 格式` : '缺少Authorization');
    if (auth.mchId !== this.credentials.mchId) return fail('商户号与签名不匹配');
    if (normaliseSerial(auth.serialNo) !== this.credentials.merchantSerialNo) return fail('商户证书序列号有误');
    const ts = Number(auth.timestamp);
    if (!/^\d{1,12}$/.test(String(auth.timestamp)) || Math.abs(Date.now() / 1000 - ts) > MAX_SKEW_S) {
      return fail('时间戳与服务器时间相差过大（应为秒级 Unix 时间）');
    }
    const message = buildRequestSignMessage(
      req.method,
      req.rawUrl,
      auth.timestamp,
      auth.nonce,
      req.body.toString('utf8'),
    );
    if (!verifySha256WithRsa(message, auth.signature, this.merchantPublicKey)) {
      return fail('签名错误，请检查签名串（方法、URL、时间戳、随机串、报文主体）');
    }
    return { ok: true, auth };
  }

  /** Every answer, error or not, carries a platform signature and a Request-ID, like WeChat. */
  respond(status: number, body?: object, numericCode?: number): SandboxResponse {
    const text = body === undefined ? '' : JSON.stringify(body);
    const requestId = randomBytes(16).toString('hex').toUpperCase() + (numericCode ? `-${numericCode}` : '');
    const headers: Record<string, string> = { 'Request-ID': requestId };
    const fault = this.faults.shift();
    if (fault !== 'unsigned') Object.assign(headers, this.signatureHeaders(text, fault));
    // a trailing space keeps the JSON valid but changes the signed bytes
    const sent = fault === 'tampered_body' ? `${text} ` : text;
    if (sent) headers['Content-Type'] = 'application/json; charset=utf-8';
    return { status, headers, body: sent };
  }

  error(status: number, code: string, message: string, detail?: object, numericCode?: number): SandboxResponse {
    const body = detail ? { code, message, detail } : { code, message };
    return this.respond(status, body, numericCode ?? NUMERIC_CODE[code]);
  }

  private signatureHeaders(text: string, fault?: ResponseFault): Record<string, string> {
    const now = Math.floor(Date.now() / 1000);
    const timestamp = fault === 'stale_timestamp' ? now - 3600 : now;
    const nonce = randomNonce();
    const key = fault === 'bad_signature' ? strangerKey() : this.platformPrivateKey;
    let signature = signSha256WithRsa(buildResponseSignMessage(timestamp, nonce, text), key);
    if (fault === 'signtest_probe') signature = `WECHATPAY/SIGNTEST/${signature}`;
    return {
      'Wechatpay-Timestamp': String(timestamp),
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial':
        fault === 'unknown_serial' ? 'PUB_KEY_ID_0000000000000000000000000000000000' : this.credentials.platformSerial,
      'Wechatpay-Signature-Type': AUTH_SCHEME,
    };
  }
}
