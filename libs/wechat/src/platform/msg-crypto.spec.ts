import { MessageCrypto, MessageCryptoError, sha1Signature } from './msg-crypto';

/*
 * Vectors published by WeChat on the message-push page:
 * https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
 * (发起验证; 消息解密方式为明文模式; 消息解密方式为安全模式, including the encrypted reply).
 */
const official = {
  token: 'AAAAA',
  encodingAesKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  appId: 'wxba5fad812f8e6fb9',
};
const ENCRYPT =
  '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=';
const MESSAGE =
  '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}';

describe('MessageCrypto with WeChat’s published example', () => {
  const crypto = new MessageCrypto(official);

  it('verifies the URL-verification and plaintext-mode signatures', () => {
    expect(crypto.verifyUrlSignature('f464b24fc39322e44b38aa78f5edd27bd1441696', '1714036504', '1514711492')).toBe(
      true,
    );
    expect(crypto.verifyUrlSignature('899cf89e464efb63f54ddac96b0a0a235f53aa78', '1714037059', '486452656')).toBe(true);
    expect(crypto.verifyUrlSignature('899cf89e464efb63f54ddac96b0a0a235f53aa78', '1714036504', '1514711492')).toBe(
      false,
    );
    expect(crypto.verifyUrlSignature(undefined, '1714036504', '1514711492')).toBe(false);
  });

  it('checks msg_signature and decrypts the safe-mode push', () => {
    expect(crypto.msgSignature('1714112445', '415670741', ENCRYPT)).toBe('046e02f8204d34f8ba5fa3b1db94908f3df2e9b3');
    expect(crypto.decrypt('046e02f8204d34f8ba5fa3b1db94908f3df2e9b3', '1714112445', '415670741', ENCRYPT)).toBe(
      MESSAGE,
    );
  });

  it('reproduces the encrypted reply byte for byte (random 707722b803182950)', () => {
    const encrypt = crypto.encrypt('{"demo_resp":"good luck"}', Buffer.from('707722b803182950', 'utf8'));
    expect(encrypt).toBe('ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==');
    expect(sha1Signature('AAAAA', '1713424427', '415670741', encrypt)).toBe('1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1');
  });

  it('refuses a forged signature, a tampered body and another appid', () => {
    const fail = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as MessageCryptoError).reason;
      }
      return 'ok';
    };
    expect(fail(() => crypto.decrypt('0'.repeat(40), '1714112445', '415670741', ENCRYPT))).toBe('bad_signature');
    const tampered = `A${ENCRYPT.slice(1)}`;
    expect(fail(() => crypto.decryptPayload(tampered))).not.toBe('ok');
    const other = new MessageCrypto({ ...official, appId: 'wx0000000000000000' });
    expect(
      fail(() => other.decrypt('046e02f8204d34f8ba5fa3b1db94908f3df2e9b3', '1714112445', '415670741', ENCRYPT)),
    ).toBe('wrong_appid');
  });

  it('round-trips Chinese text of every length around the block size', () => {
    for (let n = 0; n < 70; n++) {
      const msg = '订'.repeat(n);
      expect(crypto.decryptPayload(crypto.encrypt(msg))).toBe(msg);
    }
  });

  it('refuses an EncodingAESKey that is not 43 base62 characters', () => {
    expect(() => new MessageCrypto({ ...official, encodingAesKey: 'short' })).toThrow(MessageCryptoError);
  });
});
