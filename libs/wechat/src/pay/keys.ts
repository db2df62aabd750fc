import { createPrivateKey, createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type KeyInput = KeyObject | string | Buffer;

/** PEM text as-is; anything else is a file path (or file:// URL) holding PEM. */
function pemText(input: string | Buffer): string {
  const s = typeof input === 'string' ? input : input.toString('utf8');
  if (s.includes('-----BEGIN ')) return s;
  return readFileSync(s.startsWith('file://') ? fileURLToPath(s) : s, 'utf8');
}

/** The merchant API private key (apiclient_key.pem, PKCS#8 or PKCS#1), as PEM text or a path. */
export function loadPrivateKey(pemOrPath: KeyInput): KeyObject {
  if (pemOrPath instanceof KeyObject) {
    if (pemOrPath.type !== 'private') throw new TypeError('expected a private key');
    return pemOrPath;
  }
  return createPrivateKey(pemText(pemOrPath));
}

/**
 * A WeChat Pay public key (pub_key.pem, SPKI or PKCS#1) or a platform certificate (X.509),
 * as PEM text, a path, or a KeyObject. A private key is reduced to its public half.
 */
export function loadPublicKey(pemOrPathOrCert: KeyInput): KeyObject {
  if (pemOrPathOrCert instanceof KeyObject) {
    return pemOrPathOrCert.type === 'public' ? pemOrPathOrCert : createPublicKey(pemOrPathOrCert);
  }
  const pem = pemText(pemOrPathOrCert);
  if (pem.includes('-----BEGIN CERTIFICATE-----')) return new X509Certificate(pem).publicKey;
  return createPublicKey(pem);
}

/** `PUB_KEY_ID_…` ids are kept verbatim; 40-hex certificate serials compare case-insensitively. */
export function normaliseSerial(serial: string): string {
  const s = serial.trim();
  return /^[0-9A-Fa-f]+$/.test(s) ? s.toUpperCase() : s;
}

/**
 * WeChat's verification keys by `Wechatpay-Serial`: public-key ids (`PUB_KEY_ID_…`) and legacy
 * platform certificate serials side by side, as needed while a merchant migrates between modes.
 */
export class PlatformKeyStore implements Iterable<[string, KeyObject]> {
  private readonly keys = new Map<string, KeyObject>();

  constructor(entries?: Record<string, KeyInput> | Iterable<readonly [string, KeyInput]>) {
    if (!entries) return;
    const list = Symbol.iterator in entries ? entries : Object.entries(entries);
    for (const [serial, key] of list as Iterable<readonly [string, KeyInput]>) this.set(serial, key);
  }

  static from(input: PlatformKeyStore | Record<string, KeyInput>): PlatformKeyStore {
    return input instanceof PlatformKeyStore ? input : new PlatformKeyStore(input);
  }

  set(serial: string, key: KeyInput): this {
    this.keys.set(normaliseSerial(serial), loadPublicKey(key));
    return this;
  }

  get(serial: string): KeyObject | undefined {
    return this.keys.get(normaliseSerial(serial));
  }

  has(serial: string): boolean {
    return this.keys.has(normaliseSerial(serial));
  }

  delete(serial: string): boolean {
    return this.keys.delete(normaliseSerial(serial));
  }

  get size(): number {
    return this.keys.size;
  }

  serials(): string[] {
    return [...this.keys.keys()];
  }

  [Symbol.iterator](): Iterator<[string, KeyObject]> {
    return this.keys.entries();
  }
}
