import type { LoginResponse, UserProfile } from '../contracts/auth';
import { ApiError, ClientErrorCode, userMessage } from '../utils/errors';
import { apiRoot } from './env';
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
      const body = res.data as Partial<LoginResponse> & { code?: string; message?: string };
      if (res.statusCode !== 200 || typeof body.accessToken !== 'string' || !body.user) {
        const code = body.code ?? ClientErrorCode.LOGIN_FAILED;
        throw new ApiError(res.statusCode, code, body.message ?? userMessage(code, res.statusCode));
      }
      const session: StoredSession = {
        token: body.accessToken,
        expiresAt: Date.now() + (body.expiresIn ?? 0) * 1000,
        user: body.user,
      };
      wx.setStorageSync(SESSION_KEY, session);
      return session.token;
    } finally {
      pending = null;
    }
  })();
  return pending;
}
