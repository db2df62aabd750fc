import { randomUUID, type KeyObject } from 'node:crypto';
import {
  AUTH_SCHEME,
  buildResponseSignMessage,
  encryptAesGcm,
  formatRfc3339Beijing,
  randomNonce,
  signSha256WithRsa,
} from '@sutwxapp/wechat';
import { strangerKey, type SandboxPayCredentials } from './credentials';

/** Ready-made forgeries; each must be refused by a correct receiver with the matching reason. */
export type NotificationForgery =
  | 'stale_timestamp' // Wechatpay-Timestamp an hour old
  | 'bad_signature' // signed with a key WeChat never had
  | 'unknown_serial' // Wechatpay-Serial nobody configured
  | 'signtest_probe' // WeChat's own `WECHATPAY/SIGNTEST/` probe traffic
  | 'tampered_ciphertext' // validly signed, but a ciphertext byte flipped → GCM tag fails
  | 'wrong_api_v3_key' // validly signed, encrypted with another APIv3 key
  | 'missing_headers'; // no Wechatpay-Signature

export interface NotificationOverrides {
  forgery?: NotificationForgery;
  id?: string;
  createTime?: string;
  summary?: string;
  resourceType?: string;
  originalType?: string;
  /** default: the original type ('transaction' / 'refund'); may be '' */
  associatedData?: string;
  /** resource.nonce, 12 chars */
  resourceNonce?: string;
  algorithm?: string;
  /** header timestamp in seconds */
  timestamp?: number;
  serial?: string;
  /** sign with this private key instead of the platform key */
  signWith?: KeyObject | string;
  /** verbatim Wechatpay-Signature */
  signature?: string;
  /** encrypt with this key instead of the sandbox APIv3 key */
  apiV3Key?: string;
  tamperCiphertext?: boolean;
  omitHeaders?: string[];
}

export interface BuildNotificationOptions extends NotificationOverrides {
  credentials: SandboxPayCredentials;
  /** e.g. 'TRANSACTION.SUCCESS', 'REFUND.SUCCESS' */
  eventType: string;
  /** the plaintext resource (object → JSON) */
  resource: object | string;
}

export interface BuiltNotification {
  id: string;
  headers: Record<string, string>;
  body: string;
}

const SUMMARY: Record<string, string> = {
  'TRANSACTION.SUCCESS': '支付成功',
  'REFUND.SUCCESS': '退款成功',
  'REFUND.ABNORMAL': '退款异常',
  'REFUND.CLOSED': '退款关闭',
};

function withForgery(o: NotificationOverrides): NotificationOverrides {
  switch (o.forgery) {
    case 'stale_timestamp':
      return { timestamp: Math.floor(Date.now() / 1000) - 3600, ...o };
    case 'bad_signature':
      return { signWith: strangerKey(), ...o };
    case 'unknown_serial':
      return { serial: 'PUB_KEY_ID_0000000000000000000000000000000000', ...o };
    case 'signtest_probe':
      return { signature: `WECHATPAY/SIGNTEST/${randomNonce(64)}`, ...o };
    case 'tampered_ciphertext':
      return { tamperCiphertext: true, ...o };
    case 'wrong_api_v3_key':
      return { apiV3Key: randomNonce(32), ...o };
    case 'missing_headers':
      return { omitHeaders: ['Wechatpay-Signature'], ...o };
    default:
      return o;
  }
}

/** The JSON envelope of §2.5, resource encrypted with AEAD_AES_256_GCM. */
export function buildNotificationBody(opts: BuildNotificationOptions): { id: string; body: string } {
  const o = withForgery(opts);
  const originalType = o.originalType ?? (opts.eventType.startsWith('REFUND.') ? 'refund' : 'transaction');
  const associatedData = o.associatedData ?? originalType;
  const nonce = o.resourceNonce ?? randomNonce(12);
  const plaintext = typeof opts.resource === 'string' ? opts.resource : JSON.stringify(opts.resource);
  let ciphertext = encryptAesGcm({
    plaintext,
    apiV3Key: o.apiV3Key ?? opts.credentials.apiV3Key,
    nonce,
    associatedData,
  });
  if (o.tamperCiphertext) {
    const bytes = Buffer.from(ciphertext, 'base64');
    bytes[0] ^= 0x01;
    ciphertext = bytes.toString('base64');
  }
  const id = o.id ?? randomUUID();
  const body = JSON.stringify({
    id,
    create_time: o.createTime ?? formatRfc3339Beijing(Date.now()),
    resource_type: o.resourceType ?? 'encrypt-resource',
    event_type: opts.eventType,
    summary: o.summary ?? SUMMARY[opts.eventType] ?? opts.eventType,
    resource: {
      original_type: originalType,
      algorithm: o.algorithm ?? 'AEAD_AES_256_GCM',
      ciphertext,
      associated_data: associatedData,
      nonce,
    },
  });
  return { id, body };
}

/** Fresh Wechatpay-* headers over `body` (WeChat re-signs every retry of the same event). */
export function signNotificationBody(
  credentials: SandboxPayCredentials,
  body: string,
  overrides: NotificationOverrides = {},
): Record<string, string> {
  const o = withForgery(overrides);
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = randomNonce();
  const signature =
    o.signature ??
    signSha256WithRsa(
      buildResponseSignMessage(timestamp, nonce, body),
      o.signWith ?? credentials.platformPrivateKeyPem,
    );
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'Mozilla/4.0',
    'Wechatpay-Timestamp': String(timestamp),
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': o.serial ?? credentials.platformSerial,
    'Wechatpay-Signature-Type': AUTH_SCHEME,
  };
  for (const h of o.omitHeaders ?? []) delete headers[h];
  return headers;
}

/** A complete, signed notification: POST `body` with `headers` to a notify_url. */
export function buildNotification(opts: BuildNotificationOptions): BuiltNotification {
  const { id, body } = buildNotificationBody(opts);
  return { id, body, headers: signNotificationBody(opts.credentials, body, opts) };
}

export interface DeliveryAttempt {
  at: string;
  /** HTTP status, or 0 when there was no answer */
  status: number;
  ok: boolean;
  error?: string;
  responseBody?: string;
}

/** One POST, as WeChat does: only a 2xx within 5 s counts as received. */
export async function deliver(
  url: string,
  notification: { headers: Record<string, string>; body: string },
  timeoutMs = 5000,
): Promise<DeliveryAttempt> {
  const at = new Date().toISOString();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: notification.headers,
      body: notification.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const responseBody = await res.text();
    return { at, status: res.status, ok: res.status >= 200 && res.status < 300, responseBody };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { at, status: 0, ok: false, error: e.cause?.code ?? e.message };
  }
}
