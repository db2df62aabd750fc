import { FakeWx, type ScriptedServer } from '../support/fake-wx';
import { api } from '../../src/services/request';
import { ApiError } from '../../src/utils/errors';

/**
 * When the silent login fails, the shopper (or the developer in DevTools) reads one line saying
 * what to do, never the form-validation text "填写的信息有误" for a code nobody typed.
 */
const BASE = 'http://api.test';
let wx: FakeWx;

beforeEach(() => {
  wx = new FakeWx('the code is a mock one');
  (globalThis as unknown as { wx: unknown }).wx = wx.api({});
  wx.storage.set('sut.apiBaseUrl', JSON.stringify(BASE));
});

function loginAnswers(answer: ReturnType<ScriptedServer>): void {
  wx.server = (req) => (req.url.endsWith('/auth/wechat-login') ? answer : { statusCode: 200, data: {} });
}

async function failedWrite(): Promise<ApiError> {
  const err = (await api.post('/cart/items', { skuId: 1, quantity: 1 }).catch((e: unknown) => e)) as ApiError;
  expect(err).toBeInstanceOf(ApiError);
  expect(wx.takeToasts()).toEqual([err.message]);
  expect(err.message).not.toContain('\n');
  expect(err.message).not.toBe('填写的信息有误，请检查后重试');
  return err;
}

const refused = (status: number, code: string) => ({
  statusCode: status,
  data: { statusCode: status, code, message: 'refused', requestId: 'r-1' },
});

describe('login failure messages', () => {
  it('in DevTools, a refused code says how to start the API so the tourist code logs in', async () => {
    for (const answer of [refused(400, 'VALIDATION_FAILED'), refused(401, 'INVALID_LOGIN_CODE')]) {
      loginAnswers(answer);
      const err = await failedWrite();
      expect(err.message).toBe('登录码被拒：请用 npm start 启动 API（WECHAT_SANDBOX 开启），或配置 WECHAT_APP_ID');
      expect(err.requestId).toBe('r-1');
    }
  });

  it('on a phone, a refused code asks the shopper to reopen the mini-program', async () => {
    wx.envVersion = 'release';
    wx.storage.clear();
    loginAnswers(refused(401, 'INVALID_LOGIN_CODE'));
    expect((await failedWrite()).message).toBe('微信登录失败：请关闭小程序后重新打开');
  });

  it('in DevTools, an unreachable API names the address and npm start', async () => {
    loginAnswers(null);
    const err = await failedWrite();
    expect(err.message).toBe(`连不上 ${BASE}/api/v1：请先在项目根目录运行 npm start`);
  });

  it('says what to do for a failed wx.login, rate limits, blocked accounts and a WeChat outage', async () => {
    wx.loginFailure = 'login:fail network error';
    expect((await failedWrite()).message).toBe('微信登录失败：请检查网络后重新打开小程序');
    wx.loginFailure = null;
    loginAnswers(refused(429, 'WECHAT_RATE_LIMITED'));
    expect((await failedWrite()).message).toBe('登录太频繁：请一分钟后再试');
    loginAnswers(refused(403, 'WECHAT_LOGIN_BLOCKED'));
    expect((await failedWrite()).message).toBe('该微信账号暂时无法登录：请联系客服');
    loginAnswers(refused(503, 'WECHAT_UNAVAILABLE'));
    expect((await failedWrite()).message).toBe('登录服务繁忙：请稍后重试');
    loginAnswers({ statusCode: 404, data: 'Not Found' });
    expect((await failedWrite()).message).toBe(`${BASE}/api/v1 不是 SutWxApp API：请检查接口地址`);
  });
});
