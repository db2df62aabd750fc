import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * Mini-program message push ("消息推送"), safe mode: the URL carries signature/timestamp/nonce and,
 * in safe mode, msg_signature; the JSON body is {"ToUserName","Encrypt"}.
 * Source: https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
 * (开发者服务器接收消息推送 → 发起验证 / 消息解密方式为安全模式). Its worked example is the vector in
 * msg-crypto.spec.ts.
 *
 * - signature     = sha1(sort([token, timestamp, nonce]).join(''))            (URL verification)
 * - msg_signature = sha1(sort([token, timestamp, nonce, Encrypt]).join(''))   (every safe-mode push)
 * - AESKey = base64decode(EncodingAESKey + '='), 32 bytes; IV = its first 16 bytes; AES-256-CBC
 *   with PKCS#7 padding to a multiple of 32 (not 16: WeChat pads to the key size).
 * - FullStr = random(16) ‖ msg_len (4 bytes, big-endian) ‖ msg ‖ appid; the appid must be ours.
 */

export class MessageCryptoError extends Error {
  constructor(
    readonly reason: 'bad_signature' | 'bad_ciphertext' | 'wrong_appid' | 'bad_key',
    message: string,
  ) {
    super(message);
    this.name = 'MessageCryptoError';
  }
}

const BLOCK = 32;

export function sha1Signature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Constant-time comparison of two hex signatures (length mismatch is simply false). */
export function signatureEquals(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function aesKeyFrom(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) {
    throw new MessageCryptoError('bad_key', 'EncodingAESKey must be 43 characters from a-z, A-Z, 0-9');
  }
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

export interface MessageCryptoOptions {
  token: string;
  encodingAesKey: string;
  appId: string;
}

export class MessageCrypto {
  private readonly key: Buffer;

  constructor(private readonly options: MessageCryptoOptions) {
    this.key = aesKeyFrom(options.encodingAesKey);
  }

  /** GET URL verification and plaintext pushes. */
  verifyUrlSignature(signature: string | undefined, timestamp: string, nonce: string): boolean {
    return signatureEquals(sha1Signature(this.options.token, timestamp, nonce), signature);
  }

  msgSignature(timestamp: string, nonce: string, encrypt: string): string {
    return sha1Signature(this.options.token, timestamp, nonce, encrypt);
  }

  /** Checks msg_signature, decrypts and checks the appid; answers the plaintext message. */
  decrypt(msgSignature: string | undefined, timestamp: string, nonce: string, encrypt: string): string {
    if (!signatureEquals(this.msgSignature(timestamp, nonce, encrypt), msgSignature)) {
      throw new MessageCryptoError('bad_signature', 'msg_signature does not match');
    }
    return this.decryptPayload(encrypt);
  }

  decryptPayload(encrypt: string): string {
    let full: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));
      decipher.setAutoPadding(false);
      full = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
    } catch {
      throw new MessageCryptoError('bad_ciphertext', 'ciphertext is not a whole number of AES blocks');
    }
    const pad = full[full.length - 1];
    if (!pad || pad > BLOCK || full.length < 20 + pad) {
      throw new MessageCryptoError('bad_ciphertext', 'bad PKCS#7 padding');
    }
    const body = full.subarray(0, full.length - pad);
    const len = body.readUInt32BE(16);
    if (20 + len > body.length) throw new MessageCryptoError('bad_ciphertext', 'message length out of range');
    const appId = body.subarray(20 + len).toString('utf8');
    if (appId !== this.options.appId) {
      throw new MessageCryptoError('wrong_appid', 'the message was encrypted for another appid');
    }
    return body.subarray(20, 20 + len).toString('utf8');
  }

  /** The other direction (the sandbox pushes with it; replies use it too). `random16` is for vectors. */
  encrypt(message: string, random16: Buffer = randomBytes(16)): string {
    const msg = Buffer.from(message, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(msg.length, 0);
    const body = Buffer.concat([random16, len, msg, Buffer.from(this.options.appId, 'utf8')]);
    const pad = BLOCK - (body.length % BLOCK);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])), cipher.final()]).toString(
      'base64',
    );
  }
}
