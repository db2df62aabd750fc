import type { SignatureFailureReason } from './errors';
import type { PlatformKeyStore } from './keys';
import { AUTH_SCHEME, verifySha256WithRsa } from './sign';

export type HeaderBag = Record<string, string | string[] | undefined> | Headers;

/** Case-insensitive header read; frameworks differ in how they case header names. */
export function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === lower) return Array.isArray(v) ? v[0] : v;
  }
  return undefined;
}

export interface SignatureCheck {
  keys: PlatformKeyStore;
  maxClockSkewSeconds: number;
  nowMs: number;
}

/**
 * Checks WeChat's signature headers over the exact body bytes (spec §2.4). Answers the first
 * failure reason in the order WeChat's own guidance implies (cheap checks first), or undefined.
 */
export function checkWechatpaySignature(
  headers: HeaderBag,
  body: string | Buffer,
  check: SignatureCheck,
): { reason: SignatureFailureReason; detail: string } | undefined {
  const timestamp = readHeader(headers, 'Wechatpay-Timestamp');
  const nonce = readHeader(headers, 'Wechatpay-Nonce');
  const signature = readHeader(headers, 'Wechatpay-Signature');
  const serial = readHeader(headers, 'Wechatpay-Serial');
  if (!timestamp || !nonce || !signature || !serial) {
    return { reason: 'missing_headers', detail: 'Wechatpay-Timestamp/Nonce/Signature/Serial required' };
  }
  const type = readHeader(headers, 'Wechatpay-Signature-Type');
  if (type && type !== AUTH_SCHEME) return { reason: 'unsupported_signature_type', detail: type };
  // WeChat's probe traffic: it must be refused (non-2xx) and is not even valid Base64.
  if (signature.startsWith('WECHATPAY/SIGNTEST/')) return { reason: 'signtest_probe', detail: 'signature probe' };
  const ts = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!(Math.abs(check.nowMs / 1000 - ts) <= check.maxClockSkewSeconds)) {
    return { reason: 'stale_timestamp', detail: `timestamp ${timestamp} outside ±${check.maxClockSkewSeconds}s` };
  }
  const key = check.keys.get(serial);
  if (!key) return { reason: 'unknown_serial', detail: `serial ${serial} is not configured` };
  // The exact bytes: a re-serialised body (framework JSON parsing) breaks the signature.
  const bodyBytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const message = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), bodyBytes, Buffer.from('\n')]);
  if (!verifySha256WithRsa(message, signature, key)) return { reason: 'bad_signature', detail: 'signature mismatch' };
  return undefined;
}
