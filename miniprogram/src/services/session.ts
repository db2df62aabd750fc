import type { LoginResponse, UserProfile } from '../contracts/auth';
import { ApiError, ClientErrorCode } from '../utils/errors';
import { apiRoot, isDevelop } from './env';
import { send } from './http';

const SESSION_KEY = 'sut.session';
/** Log in again a minute before the token would expire rather than collect a 401. */
const EXPIRY_MARGIN_MS = 60_000;

interface StoredSession {
  token: string;
  expiresAt: number;
  user: UserProfile;
}

function read(): StoredSession | null {
  const value: unknown = wx.getStorageSync(SESSION_KEY);
  if (!value || typeof value !== 'object') return null;
  const session = value as Partial<StoredSession>;
  return typeof session.token === 'string' && typeof session.expiresAt === 'number' ? (session as StoredSession) : null;
}

/** The stored token while it is still good, else null. */
export function currentToken(): string | null {
  const session = read();
  return session && session.expiresAt - EXPIRY_MARGIN_MS > Date.now() ? session.token : null;
}

export function rememberUser(user: UserProfile): void {
  const session = read();
  if (session) wx.setStorageSync(SESSION_KEY, { ...session, user });
}

export function clearSession(): void {
  wx.removeStorageSync(SESSION_KEY);
}

function wxLogin(): Promise<string> {
  return new Promise((resolve, reject) =>
    wx.login({
      success: (res) =>
        res.code ? resolve(res.code) : reject(new ApiError(0, ClientErrorCode.LOGIN_FAILED, res.errMsg)),
      fail: (err) => reject(new ApiError(0, ClientErrorCode.LOGIN_FAILED, err.errMsg)),
    }),
  );
}

/**
 * One line telling the shopper (or, in DevTools, the developer) what to do when the silent login
 * fails. The API's own text is for logs; the generic table said "check what you entered" for a
 * refused code, which nobody had entered.
 */
export function loginFailureMessage(code: string, status: number, develop: boolean, api: string): string {
  if (code === ClientErrorCode.LOGIN_FAILED) return '微信登录失败：请检查网络后重新打开小程序';
  if (code === ClientErrorCode.NETWORK_ERROR) {
    return develop ? `连不上 ${api}：请先在项目根目录运行 npm start` : '网络不给力，请检查网络后重试';
  }
  if (code === 'WECHAT_RATE_LIMITED' || code === 'TOO_MANY_REQUESTS') return '登录太频繁：请一分钟后再试';
  if (code === 'WECHAT_LOGIN_BLOCKED') return '该微信账号暂时无法登录：请联系客服';
  if (code === 'INVALID_LOGIN_CODE' || code === 'VALIDATION_FAILED') {
    // In DevTools this is the tourist placeholder code reaching an API without the sandbox.
    return develop
      ? '登录码被拒：请用 npm start 启动 API（WECHAT_SANDBOX 开启），或配置 WECHAT_APP_ID'
      : '微信登录失败：请关闭小程序后重新打开';
  }
  if (status === 404) return develop ? `${api} 不是 SutWxApp API：请检查接口地址` : '服务暂不可用：请稍后再试';
  return '登录服务繁忙：请稍后重试';
}

function loginError(err: unknown): ApiError {
  const failure = err instanceof ApiError ? err : new ApiError(0, ClientErrorCode.LOGIN_FAILED, String(err));
  failure.message = loginFailureMessage(failure.code, failure.status, isDevelop(), apiRoot());
  return failure;
}

let pending: Promise<string> | null = null;

/**
 * Silent WeChat login: wx.login's one-time code → POST /auth/wechat-login → token in storage.
 * Concurrent callers share one login, so a page firing four requests at once logs in once.
 */
export function login(): Promise<string> {
  pending ??= (async () => {
    try {
      const code = await wxLogin();
      const res = await send(`${apiRoot()}/auth/wechat-login`, 'POST', { code }, {}, 1);
      const body = (res.data ?? {}) as Partial<LoginResponse> & { code?: string; message?: string; requestId?: string };
      if (res.statusCode !== 200 || typeof body.accessToken !== 'string' || !body.user) {
        const code = typeof body.code === 'string' ? body.code : `HTTP_${res.statusCode}`;
        throw new ApiError(res.statusCode, code, body.message ?? '', body.requestId);
      }
      const session: StoredSession = {
        token: body.accessToken,
        expiresAt: Date.now() + (body.expiresIn ?? 0) * 1000,
        user: body.user,
      };
      wx.setStorageSync(SESSION_KEY, session);
      return session.token;
    } catch (err) {
      throw loginError(err);
    } finally {
      pending = null;
    }
  })();
  return pending;
}
