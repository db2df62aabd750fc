import { startWechatSandbox, type WechatSandbox } from '@sutwxapp/wechat-sandbox';
import { Code2SessionClient } from './code2session';
import { rejection, tinyServer } from '../__fixtures__/test-utils';
import { WechatApiError } from './errors';

const failure = (p: Promise<unknown>) => rejection(p, WechatApiError);

describe('Code2SessionClient against the sandbox', () => {
  let sandbox: WechatSandbox;
  let client: Code2SessionClient;

  beforeAll(async () => {
    sandbox = await startWechatSandbox();
    client = new Code2SessionClient({ ...sandbox.clientOptions().login, retryDelayMs: 1 });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.stats.reset());

  it('returns a stable openid per code and a session key, without unionid by default', async () => {
    const a = await client.code2Session('code-alice');
    const b = await client.code2Session('code-alice');
    const c = await client.code2Session('code-bob');
    expect(a.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(b.openid).toBe(a.openid);
    expect(c.openid).not.toBe(a.openid);
    expect(Buffer.from(a.sessionKey, 'base64')).toHaveLength(16);
    expect(a).not.toHaveProperty('unionid');
    expect(sandbox.stats.count('jscode2session')).toBe(3);
  });

  it('returns unionid for codes starting with union', async () => {
    const r = await client.code2Session('union-1');
    expect(r.unionid).toMatch(/^oU/);
  });

  it('URL-encodes the code', async () => {
    const weird = await client.code2Session('a+b&c=d/é');
    const plain = await client.code2Session('a b&c=d/é');
    expect(weird.openid).not.toBe(plain.openid); // '+' was not turned into a space
  });

  it.each([
    ['invalid-123', 40029, 'INVALID_CODE', 401],
    ['used-123', 40163, 'INVALID_CODE', 401],
    ['ratelimit-1', 45011, 'RATE_LIMITED', 429],
    ['blocked-1', 40226, 'BLOCKED', 403],
  ])('%s → errcode %i, %s, HTTP %i, without retry', async (code, errcode, kind, httpStatus) => {
    const e = await failure(client.code2Session(code));
    expect(e).toMatchObject({ errcode, kind, httpStatus });
    expect(sandbox.stats.count('jscode2session')).toBe(1);
  });

  it('retries once on -1 and then gives up as UNAVAILABLE', async () => {
    const e = await failure(client.code2Session('busy-1'));
    expect(e).toMatchObject({ errcode: -1, kind: 'UNAVAILABLE', httpStatus: 503, code: 'WECHAT_UNAVAILABLE' });
    expect(sandbox.stats.count('jscode2session')).toBe(2);
  });

  it('succeeds when -1 happens only once', async () => {
    const r = await client.code2Session('busyonce-1');
    expect(r.openid).toMatch(/^o/);
    expect(sandbox.stats.count('jscode2session')).toBe(2);
  });

  it('maps a wrong appid or secret to CONFIG / 503, without leaking the secret', async () => {
    const { appId, appSecret } = sandbox.credentials.miniProgram;
    const badId = new Code2SessionClient({ baseUrl: sandbox.url, appId: 'wx0000000000000000', appSecret });
    const badSecret = new Code2SessionClient({ baseUrl: sandbox.url, appId, appSecret: 'not-the-secret' });
    expect(await failure(badId.code2Session('c'))).toMatchObject({ errcode: 40013, kind: 'CONFIG', httpStatus: 503 });
    const e = await failure(badSecret.code2Session('c'));
    expect(e).toMatchObject({ errcode: 40125, kind: 'CONFIG', httpStatus: 503 });
    expect(e.message).not.toContain('not-the-secret');
  });
});

describe('Code2SessionClient transport failures', () => {
  it('maps connection refused to UNAVAILABLE', async () => {
    const client = new Code2SessionClient({ baseUrl: 'http://127.0.0.1:9', appId: 'a', appSecret: 's3cret' });
    const e = await failure(client.code2Session('c'));
    expect(e).toMatchObject({ errcode: null, kind: 'UNAVAILABLE', httpStatus: 503 });
    expect(e.message).not.toContain('s3cret');
  });

  it('maps a timeout to UNAVAILABLE', async () => {
    const { url, stop } = await tinyServer(() => undefined); // never answers
    try {
      const client = new Code2SessionClient({ baseUrl: url, appId: 'a', appSecret: 's', timeoutMs: 100 });
      const e = await failure(client.code2Session('c'));
      expect(e).toMatchObject({ errcode: null, kind: 'UNAVAILABLE' });
      expect(e.message).toContain('timed out');
    } finally {
      stop();
    }
  });

  it('maps a non-JSON answer to UNAVAILABLE', async () => {
    const { url, stop } = await tinyServer((_req, res) => res.end('<html>502 Bad Gateway</html>'));
    try {
      const client = new Code2SessionClient({ baseUrl: url, appId: 'a', appSecret: 's' });
      expect(await failure(client.code2Session('c'))).toMatchObject({ errcode: null, kind: 'UNAVAILABLE' });
    } finally {
      stop();
    }
  });

  it('treats errcode 0 next to openid as success and never echoes session_key in errors', async () => {
    let answer = '{"errcode":0,"errmsg":"ok","openid":"oX","session_key":"SECRETKEY=="}';
    const { url, stop } = await tinyServer((_req, res) => res.end(answer));
    try {
      const client = new Code2SessionClient({ baseUrl: url, appId: 'a', appSecret: 's' });
      expect(await client.code2Session('c')).toEqual({ openid: 'oX', sessionKey: 'SECRETKEY==' });
      answer = '{"session_key":"SECRETKEY=="}'; // no openid: malformed
      const e = await failure(client.code2Session('c'));
      expect(e.kind).toBe('UNAVAILABLE');
      expect(e.message).not.toContain('SECRETKEY');
    } finally {
      stop();
    }
  });
});
