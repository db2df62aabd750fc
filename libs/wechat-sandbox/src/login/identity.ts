import { createHmac } from 'node:crypto';

/** Deterministic per (appid, code): the same dev code logs in as the same user across restarts. */
export function derive(salt: string, ...parts: string[]): Buffer {
  return createHmac('sha256', salt).update(parts.join('\u0000')).digest();
}

/** 28 chars like real openids ('o' + 27 base64url chars). */
export function openidFor(salt: string, appId: string, code: string): string {
  return 'o' + derive(salt, 'openid', appId, code).toString('base64url').slice(0, 27);
}

export function unionidFor(salt: string, appId: string, code: string): string {
  return 'oU' + derive(salt, 'unionid', appId, code).toString('base64url').slice(0, 26);
}

/** An 11-digit mainland mobile number; a code containing one (e.g. `phone13912345678`) returns it. */
export function phoneFor(salt: string, code: string): string {
  const explicit = /1[3-9]\d{9}/.exec(code);
  if (explicit) return explicit[0];
  const n = derive(salt, 'phone', code).readUInt32BE(0) % 100_000_000;
  return '138' + String(n).padStart(8, '0');
}
