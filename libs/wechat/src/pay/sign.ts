import { createSign, createVerify, randomInt, type KeyObject } from 'node:crypto';

/**
 * Every WeChat Pay v3 string-to-sign is its lines each followed by '\n', the last one
 * included (an empty GET body therefore ends in '\n\n'). Never '\r\n'.
 */
export function joinLines(...lines: Array<string | number>): string {
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * Request signature message (spec §2.1). `canonicalUrl` is path + '?query' exactly as sent;
 * `timestamp` is in seconds (milliseconds give SIGN_ERROR); `body` is the exact JSON string
 * that goes on the wire ('' for GET), so serialise once and send that same string.
 */
export function buildRequestSignMessage(
  method: string,
  canonicalUrl: string,
  timestamp: number | string,
  nonce: string,
  body: string,
): string {
  return joinLines(method.toUpperCase(), canonicalUrl, timestamp, nonce, body);
}

/** Response / notification message (spec §2.4): `ts\nnonce\nbody\n`, over the raw body. */
export function buildResponseSignMessage(timestamp: number | string, nonce: string, body: string): string {
  return joinLines(timestamp, nonce, body);
}

/** SHA256withRSA (RSASSA-PKCS1-v1_5), standard Base64. */
export function signSha256WithRsa(message: string | Buffer, privateKey: KeyObject | string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
}

// Strict standard Base64: WeChat's `WECHATPAY/SIGNTEST/…` probes (and other garbage) must
// fail verification as `false`, not as an exception from a lenient decoder.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Never throws: malformed signatures, probes and wrong key types all answer false. */
export function verifySha256WithRsa(
  message: string | Buffer,
  signatureB64: string,
  publicKey: KeyObject | string,
): boolean {
  if (typeof signatureB64 !== 'string' || !signatureB64 || !BASE64.test(signatureB64)) return false;
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKey, signatureB64, 'base64');
  } catch {
    return false;
  }
}

const NONCE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 32 characters of [0-9A-Za-z] from a CSPRNG (randomInt is unbiased), like the official SDKs. */
export function randomNonce(length = 32): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return out;
}

export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

export interface AuthorizationParts {
  mchId: string;
  /** serial of the MERCHANT certificate (40 hex), not the platform key */
  serialNo: string;
  timestamp: number | string;
  nonce: string;
  signature: string;
}

/** `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"` */
export function buildAuthorization(p: AuthorizationParts): string {
  return (
    `${AUTH_SCHEME} mchid="${p.mchId}",nonce_str="${p.nonce}",timestamp="${p.timestamp}",` +
    `serial_no="${p.serialNo}",signature="${p.signature}"`
  );
}

/**
 * Parses an Authorization header (the sandbox uses it to check our requests). Fields may come in
 * any order. Answers undefined for another scheme, a missing field or a duplicate field.
 */
export function parseAuthorization(
  header: string | undefined,
): (AuthorizationParts & { timestamp: string }) | undefined {
  if (!header) return undefined;
  const m = /^(\S+)\s+(.*)$/s.exec(header.trim());
  if (!m || m[1] !== AUTH_SCHEME) return undefined;
  const fields = new Map<string, string>();
  for (const [, key, value] of m[2].matchAll(/([a-z_]+)="([^"]*)"/g)) {
    if (fields.has(key)) return undefined;
    fields.set(key, value);
  }
  // only separators may remain between the key="value" pairs
  if (!/^[\s,]*$/.test(m[2].replace(/([a-z_]+)="([^"]*)"/g, ''))) return undefined;
  const get = (k: string) => fields.get(k);
  const [mchId, nonce, timestamp, serialNo, signature] = [
    'mchid',
    'nonce_str',
    'timestamp',
    'serial_no',
    'signature',
  ].map(get);
  if (!mchId || !nonce || !timestamp || !serialNo || !signature) return undefined;
  return { mchId, nonce, timestamp, serialNo, signature };
}

/**
 * paySign for wx.requestPayment (spec §2.3): four lines appId, timeStamp, nonceStr and the
 * full `prepay_id=…` package. Signing the bare prepay_id (APP style) fails in mini-programs.
 */
export function buildPaySign(
  appId: string,
  timeStamp: string,
  nonceStr: string,
  pkg: string,
  privateKey: KeyObject | string,
): string {
  return signSha256WithRsa(joinLines(appId, timeStamp, nonceStr, pkg), privateKey);
}
