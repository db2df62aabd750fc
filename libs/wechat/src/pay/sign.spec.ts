import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { loadPrivateKey, loadPublicKey } from './keys';
import {
  buildAuthorization,
  buildPaySign,
  buildRequestSignMessage,
  buildResponseSignMessage,
  parseAuthorization,
  randomNonce,
  signSha256WithRsa,
  verifySha256WithRsa,
} from './sign';

// Spec §5: WeChat's published sample key (merchant serial 408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB).
// (copied beside the tests from shared/specs so a clean clone runs them)
const FIXTURES = join(__dirname, '__fixtures__');
const sampleKey = loadPrivateKey(join(FIXTURES, 'wechatpay-sample-key.pem'));
const samplePub = loadPublicKey(join(FIXTURES, 'wechatpay-sample-pub.pem'));
const TS = 1554208460;
const NONCE = '593BEC0C930BF1AFEB40B4A08C8FB242';

const V2_SIGNATURE =
  'JNEITrKv8DWEtBJGZtxG9ARa+eIZDIn1Ht3MQM5j9jP77TtHdfCqLjpwevfWftBuaGMfEdiu2sWYtLvnZIoLW3FH10OVCBzKncid5xClTwav8JX+uDeGBBX8w64iHvFyuQj8ukZT+F1AFJii8hmXLD8Os90thnL0bfJYLo/4K237TH4dEd44NTH9ElFb/ykrvv9RBs+mCNpy5IUe2Qxhba3d3RiMqhWK2sSr3tsVzQihJ0TPMnjWqoU2W5Y/v3rBFDmLhqe0ZW6A4vyvjmiR0v/8XEI25Py4PNyZXszsdl4j0zLqelUJxGEMUBhYg1LIoDPjYMlA9HV1yKD6+JYZJA==';
const V3_BODY =
  '{"appid":"wxd678efh567hg6787","mchid":"1900007291","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}';
const V3_SIGNATURE =
  'jnks4dlrPw3ZX+ozVvSK39oa0t7OMBsg83BHAwd8BRdUFiVaQNTLTvci+wURgP1OQBbKYhFGvt7iqYpDSTQkp7Uq1sltaQKyncCyrA1g88m5bsKERQfPyT0ahSwKTYJ1CAn9QiJuSJRq1QsQs07eehbU/k9BCS51jTyc1Jpsi2H77HF9f/BnjXAOP3/sPObg6V5Ee4EzwLox684hhuMuIwHo7D8KFk3LIHOKDcNI4It1aCXydFWNpNK+SG86VUDe5kwoDpw4Ulqfu9z8OFDGbDs9TCxEv8iqQzbpxOlEVoOe2kalSYM5kApQb3nZcxdUtoE0liJGW3RGUNE0t4v01A==';

describe('request signing (spec §2.1)', () => {
  it('V2: GET message ends in an empty body line and signs to the vector', () => {
    const message = buildRequestSignMessage('get', '/v3/certificates', TS, NONCE, '');
    expect(message).toBe(`GET\n/v3/certificates\n${TS}\n${NONCE}\n\n`);
    expect(signSha256WithRsa(message, sampleKey)).toBe(V2_SIGNATURE);
    expect(verifySha256WithRsa(message, V2_SIGNATURE, samplePub)).toBe(true);
  });

  it('V3: JSAPI POST over the exact compact UTF-8 body', () => {
    const message = buildRequestSignMessage('POST', '/v3/pay/transactions/jsapi', TS, NONCE, V3_BODY);
    expect(message).toBe(`POST\n/v3/pay/transactions/jsapi\n${TS}\n${NONCE}\n${V3_BODY}\n`);
    expect(signSha256WithRsa(message, sampleKey)).toBe(V3_SIGNATURE);
    // a pretty-printed body is a different message: sign what you send
    const pretty = JSON.stringify(JSON.parse(V3_BODY), null, 2);
    const other = buildRequestSignMessage('POST', '/v3/pay/transactions/jsapi', TS, NONCE, pretty);
    expect(verifySha256WithRsa(other, V3_SIGNATURE, samplePub)).toBe(false);
  });

  it('builds the response message with a trailing newline even for an empty body', () => {
    expect(buildResponseSignMessage(1722850421, 'n', '')).toBe('1722850421\nn\n\n');
  });
});

describe('verifySha256WithRsa never throws', () => {
  const message = 'hello\n';
  it.each([
    ['a SIGNTEST probe', 'WECHATPAY/SIGNTEST/9QTZvOg4VmD2oYn5bUkJm4Q1dL3G'],
    ['an empty string', ''],
    ['non-base64', '***'],
    ['bad padding', 'abc=='],
    ['valid base64 of the wrong length', 'AAAA'],
  ])('answers false for %s', (_label, signature) => {
    expect(verifySha256WithRsa(message, signature, samplePub)).toBe(false);
  });

  it('answers false for a signature by another key and for a non-RSA key', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const sig = signSha256WithRsa(message, other.privateKey);
    expect(verifySha256WithRsa(message, sig, samplePub)).toBe(false);
    expect(verifySha256WithRsa(message, sig, other.publicKey)).toBe(true);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(verifySha256WithRsa(message, sig, ec.publicKey)).toBe(false);
  });
});

describe('Authorization header', () => {
  const parts = {
    mchId: '1900007291',
    serialNo: '408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB',
    timestamp: TS,
    nonce: NONCE,
    signature: V3_SIGNATURE,
  };

  it('builds the WECHATPAY2-SHA256-RSA2048 header and parses it back', () => {
    const header = buildAuthorization(parts);
    expect(header).toBe(
      `WECHATPAY2-SHA256-RSA2048 mchid="1900007291",nonce_str="${NONCE}",timestamp="${TS}",serial_no="408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB",signature="${V3_SIGNATURE}"`,
    );
    expect(parseAuthorization(header)).toEqual({ ...parts, timestamp: String(TS) });
  });

  it('accepts any field order (axios-plugin order) and rejects broken headers', () => {
    const axiosOrder = `WECHATPAY2-SHA256-RSA2048 mchid="1",serial_no="S",timestamp="2",nonce_str="N",signature="X=="`;
    expect(parseAuthorization(axiosOrder)).toEqual({
      mchId: '1',
      serialNo: 'S',
      timestamp: '2',
      nonce: 'N',
      signature: 'X==',
    });
    expect(parseAuthorization(undefined)).toBeUndefined();
    expect(parseAuthorization(axiosOrder.replace('WECHATPAY2', 'WECHATPAY3'))).toBeUndefined();
    expect(parseAuthorization(axiosOrder.replace(',signature="X=="', ''))).toBeUndefined();
    expect(parseAuthorization(axiosOrder + ',mchid="2"')).toBeUndefined();
    expect(parseAuthorization(axiosOrder + ' junk')).toBeUndefined();
  });
});

describe('randomNonce', () => {
  it('gives 32 characters of [0-9A-Za-z], different each time', () => {
    const a = randomNonce();
    expect(a).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(randomNonce()).not.toBe(a);
  });
});

describe('buildPaySign (spec §2.3)', () => {
  it('signs the four lines appId, timeStamp, nonceStr, package', () => {
    const sig = buildPaySign(
      'wxd678efh567hg6787',
      '1554208460',
      NONCE,
      'prepay_id=wx201410272009395522657a690389285100',
      sampleKey,
    );
    const expected = `wxd678efh567hg6787\n1554208460\n${NONCE}\nprepay_id=wx201410272009395522657a690389285100\n`;
    expect(verifySha256WithRsa(expected, sig, samplePub)).toBe(true);
    // the APP-style bare prepay_id is a different message
    const bare = `wxd678efh567hg6787\n1554208460\n${NONCE}\nwx201410272009395522657a690389285100\n`;
    expect(verifySha256WithRsa(bare, sig, samplePub)).toBe(false);
  });
});
