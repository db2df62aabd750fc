import { generateKeyPair, generateKeyPairSync, randomBytes, randomInt, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { randomNonce } from '@sutwxapp/wechat';

/** Everything the app needs to configure its WechatPayClient against this sandbox (PEM strings). */
export interface SandboxPayCredentials {
  mchId: string;
  /** = the mini-program appid, so sandbox openids belong to it */
  appId: string;
  /** 32 characters */
  apiV3Key: string;
  /** 40 hex, upper case */
  merchantSerialNo: string;
  merchantPrivateKeyPem: string;
  merchantPublicKeyPem: string;
  /** `PUB_KEY_ID_TEST…` (WeChat Pay public-key mode) */
  platformSerial: string;
  platformPublicKeyPem: string;
  /** only the sandbox signs with it; exposed so tests can forge "genuine" notifications */
  platformPrivateKeyPem: string;
}

const generateRsa = promisify(generateKeyPair);

async function rsaPair(): Promise<{ privateKeyPem: string; publicKeyPem: string }> {
  const { privateKey, publicKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** New key pairs per sandbox start, so nothing here can be mistaken for a real credential. */
export async function generatePayCredentials(opts: {
  appId: string;
  mchId?: string;
  apiV3Key?: string;
}): Promise<SandboxPayCredentials> {
  const [merchant, platform] = await Promise.all([rsaPair(), rsaPair()]);
  let digits = '';
  while (digits.length < 30) digits += String(randomInt(10));
  return {
    mchId: opts.mchId ?? '1900000109',
    appId: opts.appId,
    apiV3Key: opts.apiV3Key ?? randomNonce(32),
    merchantSerialNo: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKeyPem: merchant.privateKeyPem,
    merchantPublicKeyPem: merchant.publicKeyPem,
    platformSerial: `PUB_KEY_ID_TEST${digits}`,
    platformPublicKeyPem: platform.publicKeyPem,
    platformPrivateKeyPem: platform.privateKeyPem,
  };
}

let stranger: KeyObject | undefined;
/** A key WeChat never had: signatures made with it are forgeries. */
export function strangerKey(): KeyObject {
  stranger ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return stranger;
}
