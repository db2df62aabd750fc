import { FakeWx, type ScriptedServer } from '../support/fake-wx';
import { bindPhoneNumber } from '../../src/services/phone';
import { askOrderSubscriptions } from '../../src/services/subscribe';

/** subscribe.ts and phone.ts against a scripted API: what they send, and that they never throw. */
const BASE = 'http://api.test';
let wx: FakeWx;
let dialog: ((tmplIds: string[]) => Record<string, string> | 'fail') | null;
const asked: string[][] = [];

beforeEach(() => {
  wx = new FakeWx('code-1');
  dialog = null;
  asked.length = 0;
  (globalThis as unknown as { wx: unknown }).wx = wx.api({
    requestSubscribeMessage: (o: {
      tmplIds: string[];
      success?: (r: Record<string, string>) => void;
      fail?: (e: { errMsg: string }) => void;
    }) => {
      asked.push(o.tmplIds);
      const answer = dialog ? dialog(o.tmplIds) : 'fail';
      setTimeout(
        () =>
          answer === 'fail'
            ? o.fail?.({ errMsg: 'requestSubscribeMessage:fail cancel' })
            : o.success?.({ ...answer, errMsg: 'requestSubscribeMessage:ok' }),
        0,
      );
    },
  });
  wx.storage.set('sut.apiBaseUrl', JSON.stringify(BASE));
});

const login = {
  statusCode: 200,
  data: {
    accessToken: 't',
    expiresIn: 3600,
    user: { id: 1, nickname: null, avatarUrl: null, createdAt: '2025-01-01T00:00:00Z' },
  },
};
function serve(
  routes: Record<string, (body: unknown) => { statusCode: number; data: unknown }>,
): Array<{ path: string; body: unknown }> {
  const seen: Array<{ path: string; body: unknown }> = [];
  const server: ScriptedServer = (req) => {
    if (req.url.endsWith('/auth/wechat-login')) return login;
    const path = `${req.method} ${req.url.replace(/^.*\/api\/v1/, '').split('?')[0]}`;
    seen.push({ path, body: req.body });
    const route = routes[path];
    return route ? route(req.body) : { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: 'no' } };
  };
  wx.server = server;
  return seen;
}

describe('askOrderSubscriptions', () => {
  it('asks for the API’s templates and reports the answers', async () => {
    const seen = serve({
      'GET /wechat/subscriptions/templates': () => ({
        statusCode: 200,
        data: { moment: 'pay', templateIds: ['a', 'b', 'c'] },
      }),
      'POST /wechat/subscriptions': () => ({ statusCode: 200, data: { accepted: ['a'] } }),
    });
    dialog = () => ({ a: 'accept', b: 'reject', c: 'ban' });
    await askOrderSubscriptions('pay');
    expect(asked).toEqual([['a', 'b', 'c']]);
    expect(seen.at(-1)).toEqual({
      path: 'POST /wechat/subscriptions',
      body: { results: { a: 'accept', b: 'reject', c: 'ban' } },
    });
  });

  it('reports nothing when the shopper refuses everything or closes the dialog', async () => {
    const seen = serve({
      'GET /wechat/subscriptions/templates': () => ({
        statusCode: 200,
        data: { moment: 'aftersale', templateIds: ['x'] },
      }),
    });
    dialog = () => ({ x: 'reject' });
    await askOrderSubscriptions('aftersale');
    dialog = () => 'fail';
    await askOrderSubscriptions('aftersale');
    expect(seen.map((s) => s.path)).toEqual([
      'GET /wechat/subscriptions/templates',
      'GET /wechat/subscriptions/templates',
    ]);
  });

  it('never throws, whatever the API or WeChat does', async () => {
    serve({
      'GET /wechat/subscriptions/templates': () => ({
        statusCode: 500,
        data: { code: 'INTERNAL_ERROR', message: 'x' },
      }),
    });
    await expect(askOrderSubscriptions('pay')).resolves.toBeUndefined();
    expect(asked).toEqual([]);
    serve({
      'GET /wechat/subscriptions/templates': () => ({ statusCode: 200, data: { moment: 'pay', templateIds: ['a'] } }),
      'POST /wechat/subscriptions': () => ({ statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: 'x' } }),
    });
    dialog = () => ({ a: 'accept' });
    await expect(askOrderSubscriptions('pay')).resolves.toBeUndefined();
  });
});

describe('bindPhoneNumber', () => {
  it('sends the button’s code and returns the masked number', async () => {
    const seen = serve({ 'POST /wechat/phone': () => ({ statusCode: 200, data: { phoneMasked: '139****5678' } }) });
    await expect(bindPhoneNumber('code-xyz')).resolves.toEqual({ phoneMasked: '139****5678' });
    expect(seen).toEqual([{ path: 'POST /wechat/phone', body: { code: 'code-xyz' } }]);
  });

  it('answers null when the shopper declined or the code is refused', async () => {
    const seen = serve({
      'POST /wechat/phone': () => ({ statusCode: 400, data: { code: 'PHONE_CODE_INVALID', message: '请重新点击' } }),
    });
    await expect(bindPhoneNumber('')).resolves.toBeNull();
    expect(seen).toEqual([]);
    await expect(bindPhoneNumber('bad')).resolves.toBeNull();
    expect(wx.toasts.length).toBeGreaterThan(0);
  });
});
