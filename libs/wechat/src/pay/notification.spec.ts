import { generateKeyPairSync } from 'node:crypto';
import { buildNotification, type NotificationOverrides, type SandboxPayCredentials } from '@sutwxapp/wechat-sandbox';
import { WechatPayNotificationError } from './errors';
import { PlatformKeyStore } from './keys';
import { verifyNotification } from './notification';

const pem = (k: ReturnType<typeof generateKeyPairSync>['privateKey']) =>
  k.export({ type: 'pkcs8', format: 'pem' }) as string;
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const credentials = {
  mchId: '1900000109',
  appId: 'wx5a4db0c5a4db0c01',
  apiV3Key: '0123456789abcdef0123456789abcdef',
  platformSerial: 'PUB_KEY_ID_TEST0001',
  platformPrivateKeyPem: pem(platform.privateKey),
} as SandboxPayCredentials;
const check = {
  keys: new PlatformKeyStore({ PUB_KEY_ID_TEST0001: platform.publicKey }),
  maxClockSkewSeconds: 300,
  nowMs: Date.now(),
  apiV3Key: credentials.apiV3Key,
  mchId: credentials.mchId,
  appId: credentials.appId,
};
const resource = {
  mchid: credentials.mchId,
  appid: credentials.appId,
  out_trade_no: 'T000001',
  trade_state: 'SUCCESS',
  amount: { total: 1 },
};

/** A notification of event type 'E' about `resource`, forged or altered as `overrides` say. */
const notice = (overrides: NotificationOverrides = {}) =>
  buildNotification({ credentials, eventType: 'E', resource, ...overrides });

function reason(n: { headers: Record<string, string>; body: string }): string {
  try {
    verifyNotification(n.headers, n.body, check);
    return 'accepted';
  } catch (err) {
    return (err as WechatPayNotificationError).reason;
  }
}

describe('verifyNotification', () => {
  const stale = Math.floor(Date.now() / 1000) - 301;

  it('accepts a genuine notification, with headers in any case and the body as Buffer', () => {
    const n = buildNotification({ credentials, eventType: 'TRANSACTION.SUCCESS', resource });
    const lower = Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const out = verifyNotification(lower, Buffer.from(n.body), check);
    expect(out).toMatchObject({ eventType: 'TRANSACTION.SUCCESS', resource, raw: n.body });
  });

  it('checks in order: headers, probe, timestamp, serial, signature, JSON, decryption', () => {
    const probeAndStale = notice({ forgery: 'signtest_probe', timestamp: stale });
    expect(reason(probeAndStale)).toBe('signtest_probe');
    const staleAndUnknown = notice({ timestamp: stale, serial: 'PUB_KEY_ID_OTHER' });
    expect(reason(staleAndUnknown)).toBe('stale_timestamp');
    const unknownAndForged = notice({ forgery: 'bad_signature', serial: 'PUB_KEY_ID_OTHER' });
    expect(reason(unknownAndForged)).toBe('unknown_serial');
    const probeWithoutHeader = notice({ forgery: 'signtest_probe', omitHeaders: ['Wechatpay-Nonce'] });
    expect(reason(probeWithoutHeader)).toBe('missing_headers');
    expect(reason(notice({ timestamp: stale + 2 }))).toBe('accepted');
  });

  it('refuses other signature types and algorithms', () => {
    const n = notice();
    expect(reason({ ...n, headers: { ...n.headers, 'Wechatpay-Signature-Type': 'WECHATPAY2-SM2-WITH-SM3' } })).toBe(
      'unsupported_signature_type',
    );
    expect(reason(notice({ algorithm: 'AEAD_SM4_GCM' }))).toBe('malformed');
  });
});
