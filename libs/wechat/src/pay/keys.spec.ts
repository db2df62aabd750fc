import { generateKeyPairSync, KeyObject, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPrivateKey, loadPublicKey, PlatformKeyStore } from './keys';

// WeChat's published sample key (spec §5), copied from shared/specs: public, test-only.
const FIXTURES = join(__dirname, '__fixtures__');
const keyPem = readFileSync(join(FIXTURES, 'wechatpay-sample-key.pem'), 'utf8');
const pubPem = readFileSync(join(FIXTURES, 'wechatpay-sample-pub.pem'), 'utf8');

describe('loadPrivateKey / loadPublicKey', () => {
  it('loads PEM text, file paths and file:// URLs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxkeys-'));
    const path = join(dir, 'apiclient_key.pem');
    writeFileSync(path, keyPem);
    for (const input of [keyPem, path, pathToFileURL(path).href]) {
      expect(loadPrivateKey(input).type).toBe('private');
    }
    expect(loadPublicKey(pubPem).type).toBe('public');
    expect(loadPublicKey(join(FIXTURES, 'wechatpay-sample-pub.pem')).type).toBe('public');
  });

  it('accepts KeyObjects, reduces a private key to its public half, refuses a public key as private', () => {
    const priv = loadPrivateKey(keyPem);
    expect(loadPrivateKey(priv)).toBe(priv);
    const pub = loadPublicKey(priv);
    expect(pub.type).toBe('public');
    expect(pub.export({ type: 'spki', format: 'pem' })).toBe(
      loadPublicKey(pubPem).export({ type: 'spki', format: 'pem' }),
    );
    expect(() => loadPrivateKey(pub)).toThrow(TypeError);
  });

  it('accepts an X.509 platform certificate', () => {
    // A certificate generated with openssl for the sample key (self-signed, test only).
    const certPem = readFileSync(join(__dirname, '__fixtures__', 'sample-cert.pem'), 'utf8');
    const pub = loadPublicKey(certPem);
    expect(pub).toBeInstanceOf(KeyObject);
    expect(new X509Certificate(certPem).checkPrivateKey(loadPrivateKey(keyPem))).toBe(true);
  });
});

describe('PlatformKeyStore', () => {
  const a = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;

  it('holds PUB_KEY_ID_ ids verbatim and hex serials case-insensitively', () => {
    const store = new PlatformKeyStore({
      PUB_KEY_ID_0000000000000024101100397200000006: a,
      '5157f09efdc096de15ebe78a8aee01d87640b1ac': pubPem,
    });
    expect(store.get('PUB_KEY_ID_0000000000000024101100397200000006')).toBe(a);
    expect(store.has('pub_key_id_0000000000000024101100397200000006')).toBe(false);
    expect(store.get('5157F09EFDC096DE15EBE78A8AEE01D87640B1AC')?.type).toBe('public');
    expect(store.has('5157f09efdc096de15ebe78a8aee01d87640b1ac')).toBe(true);
    expect(store.size).toBe(2);
    expect(PlatformKeyStore.from(store)).toBe(store);
    expect([...store].map(([s]) => s)).toContain('5157F09EFDC096DE15EBE78A8AEE01D87640B1AC');
    expect(store.delete('5157f09efdc096de15ebe78a8aee01d87640b1ac')).toBe(true);
    expect(store.size).toBe(1);
  });
});
