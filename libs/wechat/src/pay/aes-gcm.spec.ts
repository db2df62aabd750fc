import { createDecipheriv } from 'node:crypto';
import { decryptAesGcm, encryptAesGcm } from './aes-gcm';

// Spec §5 V4 inputs. The spec does not reproduce gcm.js's plaintext, only its length (398 bytes
// → 414 with the tag), so a 398-byte transaction JSON stands in for it.
const KEY = '0123456789abcdef0123456789abcdef';
const NONCE = '0123456789ab';
const AAD = 'transaction';
const base = {
  mchid: '1900000109',
  appid: 'wxd678efh567hg6787',
  out_trade_no: '1217752501201407033233368018',
  transaction_id: '4200000000000000000000000000',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  success_time: '2018-06-08T10:34:56+08:00',
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  amount: { total: 100, payer_total: 100, currency: 'CNY', payer_currency: 'CNY' },
  attach: '',
};
const unpadded = JSON.stringify(base);
const PLAINTEXT = JSON.stringify({ ...base, attach: 'x'.repeat(398 - Buffer.byteLength(unpadded)) });

describe('AEAD_AES_256_GCM (spec §2.5, V4)', () => {
  const ciphertextB64 = encryptAesGcm({ plaintext: PLAINTEXT, apiV3Key: KEY, nonce: NONCE, associatedData: AAD });

  it('V4: 398 plaintext bytes become 414 (ciphertext ‖ 16-byte tag) and decrypt back', () => {
    expect(Buffer.byteLength(PLAINTEXT)).toBe(398);
    expect(Buffer.from(ciphertextB64, 'base64')).toHaveLength(414);
    expect(decryptAesGcm({ ciphertextB64, apiV3Key: KEY, nonce: NONCE, associatedData: AAD })).toBe(PLAINTEXT);
  });

  it('V4: a wrong key yields garbage from update() alone, which is why final() must run', () => {
    const wrongKey = 'fedcba9876543210fedcba9876543210';
    const data = Buffer.from(ciphertextB64, 'base64');
    const d = createDecipheriv('aes-256-gcm', Buffer.from(wrongKey), Buffer.from(NONCE));
    d.setAuthTag(data.subarray(-16));
    d.setAAD(Buffer.from(AAD));
    expect(d.update(data.subarray(0, -16))).toHaveLength(398); // silent garbage
    expect(() => d.final()).toThrow(/unable to authenticate/);
    expect(() => decryptAesGcm({ ciphertextB64, apiV3Key: wrongKey, nonce: NONCE, associatedData: AAD })).toThrow();
  });

  it('rejects a tampered tag, tampered ciphertext, wrong AAD and wrong nonce', () => {
    const data = Buffer.from(ciphertextB64, 'base64');
    const flip = (i: number) => {
      const c = Buffer.from(data);
      c[i] ^= 0x01;
      return c.toString('base64');
    };
    const ok = { apiV3Key: KEY, nonce: NONCE, associatedData: AAD };
    expect(() => decryptAesGcm({ ...ok, ciphertextB64: flip(data.length - 1) })).toThrow(); // tag
    expect(() => decryptAesGcm({ ...ok, ciphertextB64: flip(0) })).toThrow(); // body
    expect(() => decryptAesGcm({ ...ok, ciphertextB64, associatedData: 'refund' })).toThrow();
    expect(() => decryptAesGcm({ ...ok, ciphertextB64, nonce: 'ba9876543210' })).toThrow();
    expect(() => decryptAesGcm({ ...ok, ciphertextB64: data.subarray(0, 10).toString('base64') })).toThrow(/shorter/);
  });

  it('supports an empty associated_data and refuses keys that are not 32 bytes', () => {
    const c = encryptAesGcm({ plaintext: '{}', apiV3Key: KEY, nonce: NONCE });
    expect(decryptAesGcm({ ciphertextB64: c, apiV3Key: KEY, nonce: NONCE, associatedData: '' })).toBe('{}');
    expect(() => encryptAesGcm({ plaintext: '{}', apiV3Key: 'short', nonce: NONCE })).toThrow(RangeError);
  });
});
