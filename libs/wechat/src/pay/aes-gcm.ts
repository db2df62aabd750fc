import { createCipheriv, createDecipheriv } from 'node:crypto';

const TAG_BYTES = 16;

export interface AesGcmDecryptInput {
  ciphertextB64: string;
  /** the 32-character APIv3 key, used as its 32 raw UTF-8 bytes (not hex/base64 decoded) */
  apiV3Key: string;
  /** resource.nonce, UTF-8 bytes (12 in practice) */
  nonce: string;
  /** resource.associated_data; may be empty for some event types */
  associatedData?: string;
}

function keyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new RangeError('APIv3 key must be exactly 32 bytes');
  return key;
}

/**
 * AEAD_AES_256_GCM as WeChat Pay uses it: base64(ciphertext ‖ 16-byte tag). final() is what
 * checks the tag; skipping it (as wechatpay-node-v3 does) turns a wrong key or tampered data into
 * silent garbage. Throws on any authentication failure.
 */
export function decryptAesGcm(input: AesGcmDecryptInput): string {
  const data = Buffer.from(input.ciphertextB64, 'base64');
  if (data.length < TAG_BYTES) throw new Error('AES-GCM ciphertext shorter than its tag');
  if (!input.nonce) throw new Error('AES-GCM nonce is empty');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(input.apiV3Key), Buffer.from(input.nonce, 'utf8'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  decipher.setAAD(Buffer.from(input.associatedData ?? '', 'utf8'));
  const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]);
  return plain.toString('utf8');
}

export interface AesGcmEncryptInput {
  plaintext: string | Buffer;
  apiV3Key: string;
  nonce: string;
  associatedData?: string;
}

/** The inverse of decryptAesGcm (used by the sandbox to build notifications). */
export function encryptAesGcm(input: AesGcmEncryptInput): string {
  const cipher = createCipheriv('aes-256-gcm', keyBytes(input.apiV3Key), Buffer.from(input.nonce, 'utf8'), {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(Buffer.from(input.associatedData ?? '', 'utf8'));
  const data = Buffer.concat([cipher.update(input.plaintext), cipher.final(), cipher.getAuthTag()]);
  return data.toString('base64');
}
