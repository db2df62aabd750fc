import { FakeWx, type ScriptedServer } from '../support/fake-wx';
import { API_BASE_URLS } from '../../src/config';
import { api, request } from '../../src/services/request';
import { ApiError } from '../../src/utils/errors';

/**
 * request.ts against a scripted server: what goes over the wire, what the shopper is told.
 * (The same code runs against the real API in the page and journey tests.)
 */
const BASE = 'http://api.test';
let wx: FakeWx;

function serve(server: ScriptedServer): void {
  wx.server = server;
}

beforeEach(() => {
  wx = new FakeWx('code-1');
  (globalThis as unknown as { wx: unknown }).wx = wx.api({});
  wx.storage.set('sut.apiBaseUrl', JSON.stringify(BASE));
});

const login = (token: string) => ({
  statusCode: 200,
  data: {
    accessToken: token,
    expiresIn: 3600,
    user: { id: 7, nickname: null, avatarUrl: null, createdAt: '2025-01-01T00:00:00Z' },
  },
});

describe('request.ts', () => {
  it('logs in silently before the first authenticated call and sends the token', async () => {
    const seen: string[] = [];
    serve((req) => {
      if (req.url.endsWith('/auth/wechat-login')) {
        expect(req.body).toEqual({ code: 'code-1' });
        return login('t1');
      }
      seen.push(`${req.method} ${req.url} ${req.headers.Authorization}`);
      return { statusCode: 200, data: { items: [] } };
    });
    await expect(api.get('/cart/items')).resolves.toEqual({ items: [] });
    await api.get('/cart/items');
    expect(wx.logins).toBe(1);
    expect(seen).toEqual([`GET ${BASE}/api/v1/cart/items Bearer t1`, `GET ${BASE}/api/v1/cart/items Bearer t1`]);
  });

  it('shares one login between requests fired together', async () => {
    serve((req) => (req.url.endsWith('/auth/wechat-login') ? login('t1') : { statusCode: 200, data: {} }));
    await Promise.all([api.get('/me'), api.get('/cart/items'), api.get('/addresses')]);
    expect(wx.logins).toBe(1);
  });

  it('on 401 logs in again once and replays the request with the new token', async () => {
    const tokens = ['stale', 'fresh'];
    const auths: string[] = [];
    serve((req) => {
      if (req.url.endsWith('/auth/wechat-login')) return login(tokens.shift()!);
      auths.push(req.headers.Authorization);
      return req.headers.Authorization === 'Bearer fresh'
        ? { statusCode: 200, data: { ok: true } }
        : { statusCode: 401, data: { statusCode: 401, code: 'TOKEN_EXPIRED', message: 'expired' } };
    });
    await expect(api.post('/cart/items', { skuId: 1, quantity: 1 })).resolves.toEqual({ ok: true });
    expect(auths).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(wx.logins).toBe(2);
    expect(wx.toasts).toEqual([]);
  });

  it('does not loop when the API keeps answering 401: one re-login, then the error', async () => {
    let calls = 0;
    serve((req) => {
      if (req.url.endsWith('/auth/wechat-login')) return login(`t${wx.logins}`);
      calls += 1;
      return { statusCode: 401, data: { statusCode: 401, code: 'UNAUTHORIZED', message: 'no' } };
    });
    const err = (await api.post('/orders/1/cancel').catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'UNAUTHORIZED', message: '登录已失效，请重试' });
    expect(calls).toBe(2);
    expect(wx.logins).toBe(2);
    expect(wx.toasts).toEqual(['登录已失效，请重试']);
  });

  it('maps error codes to messages for the shopper and toasts them for writes', async () => {
    wx.storage.set('sut.session', JSON.stringify({ token: 't', expiresAt: Date.now() + 3_600_000, user: {} }));
    serve((req) => {
      if (req.url.endsWith('/orders')) {
        return {
          statusCode: 409,
          data: { statusCode: 409, code: 'OUT_OF_STOCK', message: 'SKU 3 has 1 left', requestId: 'r1' },
        };
      }
      if (req.url.endsWith('/weird'))
        return { statusCode: 418, data: { statusCode: 418, code: 'SOMETHING_NEW', message: 'x' } };
      return { statusCode: 502, data: '<html>Bad Gateway</html>' };
    });
    const stock = (await api.post('/orders', { fromCart: true, addressId: 1 }).catch((e: unknown) => e)) as ApiError;
    expect(stock).toMatchObject({
      code: 'OUT_OF_STOCK',
      message: '库存不足，请调整购买数量',
      detail: 'SKU 3 has 1 left',
      requestId: 'r1',
    });
    const unknown = (await api.post('/weird').catch((e: unknown) => e)) as ApiError;
    expect(unknown.message).toBe('操作失败，请稍后再试');
    // reads are not toasted: their pages show an error state instead
    const gateway = (await api.get('/catalog/home').catch((e: unknown) => e)) as ApiError;
    expect(gateway).toMatchObject({ status: 502, code: 'HTTP_502', message: '服务开小差了，请稍后再试' });
    expect(wx.takeToasts()).toEqual(['库存不足，请调整购买数量', '操作失败，请稍后再试']);
  });

  it('retries reads after a network failure, but never a plain write', async () => {
    wx.storage.set('sut.session', JSON.stringify({ token: 't', expiresAt: Date.now() + 3_600_000, user: {} }));
    let reads = 0;
    let writes = 0;
    serve((req) => {
      if (req.method === 'GET') return ++reads < 3 ? null : { statusCode: 200, data: { ok: 1 } };
      writes += 1;
      return null;
    });
    await expect(api.get('/catalog/home', { auth: false })).resolves.toEqual({ ok: 1 });
    expect(reads).toBe(3);
    const err = (await api.post('/cart/items', { skuId: 1, quantity: 1 }).catch((e: unknown) => e)) as ApiError;
    expect(err.isNetworkError).toBe(true);
    expect(writes).toBe(1);
    expect(wx.takeToasts()).toEqual(['网络不给力，请检查网络后重试']);
  });

  it('retries a write that opted in (an order with its Idempotency-Key) with the same key', async () => {
    wx.storage.set('sut.session', JSON.stringify({ token: 't', expiresAt: Date.now() + 3_600_000, user: {} }));
    const keys: string[] = [];
    serve((req) => {
      keys.push(req.headers['Idempotency-Key']);
      return keys.length < 2 ? null : { statusCode: 201, data: { id: 5 } };
    });
    await expect(
      request('/orders', { method: 'POST', data: {}, headers: { 'Idempotency-Key': 'mp-key-123' }, retries: 2 }),
    ).resolves.toEqual({ id: 5 });
    expect(keys).toEqual(['mp-key-123', 'mp-key-123']);
  });

  it('sends PATCH as POST with X-HTTP-Method-Override, since wx.request has no PATCH', async () => {
    wx.storage.set('sut.session', JSON.stringify({ token: 't', expiresAt: Date.now() + 3_600_000, user: {} }));
    const sent: Array<{ method: string; override?: string; body: unknown }> = [];
    serve((req) => {
      sent.push({ method: req.method, override: req.headers['X-HTTP-Method-Override'], body: req.body });
      return { statusCode: 200, data: {} };
    });
    await api.patch('/cart/items/3', { selected: false });
    expect(sent).toEqual([{ method: 'POST', override: 'PATCH', body: { selected: false } }]);
  });

  it('hides its loading mask before toasting, so the toast stays visible', async () => {
    wx.storage.set('sut.session', JSON.stringify({ token: 't', expiresAt: Date.now() + 3_600_000, user: {} }));
    const states: Array<string | null> = [];
    serve(() => {
      states.push(wx.loading);
      return { statusCode: 404, data: { statusCode: 404, code: 'ORDER_NOT_FOUND', message: 'x' } };
    });
    await api.post('/orders/9/cancel', {}, { loading: '取消中' }).catch(() => undefined);
    expect(states).toEqual(['取消中']);
    expect(wx.loading).toBeNull();
    expect(wx.toasts).toEqual(['订单不存在']);
  });

  it('uses the release API outside develop builds and ignores the develop override there', async () => {
    wx.envVersion = 'release';
    // what `npm run miniprogram:build` writes into config.ts from MINIPROGRAM_RELEASE_API_URL
    const shipped = API_BASE_URLS.release;
    API_BASE_URLS.release = 'https://api.shop.cn';
    const urls: string[] = [];
    serve((req) => {
      urls.push(req.url);
      return { statusCode: 200, data: [] };
    });
    try {
      await api.get('/catalog/categories', { auth: false });
    } finally {
      API_BASE_URLS.release = shipped;
    }
    expect(urls).toEqual(['https://api.shop.cn/api/v1/catalog/categories']);
  });
});
