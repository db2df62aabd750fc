import { fetchText, TransportError } from '../http';
import { WechatApiError } from './errors';

export interface Code2SessionClientOptions {
  /** e.g. 'https://api.weixin.qq.com', or the sandbox url */
  baseUrl: string;
  appId: string;
  appSecret: string;
  /** per attempt; default 5000 */
  timeoutMs?: number;
  /** pause before the single retry on errcode -1; default 200 */
  retryDelayMs?: number;
}

export interface Code2SessionResult {
  openid: string;
  /** Server-side only: never send it to the mini-program, never log it. */
  sessionKey: string;
  /** Present only when the mini-program is bound to an Open Platform account. */
  unionid?: string;
}

interface Code2SessionBody {
  errcode?: number;
  errmsg?: string;
  openid?: string;
  session_key?: string;
  unionid?: string;
}

const SYSTEM_BUSY = -1;

/**
 * The shape of a code wx.login() gets from WeChat (32 letters and digits today; `-` and `_` kept
 * for safety). Anything else, such as DevTools' tourist placeholder "the code is a mock one",
 * WeChat answers with 40029, so it is refused without the round trip.
 */
const ISSUABLE_CODE = /^[\w-]{1,128}$/;

export function isIssuableLoginCode(code: string): boolean {
  return ISSUABLE_CODE.test(code);
}

export class Code2SessionClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: Code2SessionClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.retryDelayMs = options.retryDelayMs ?? 200;
  }

  async code2Session(code: string): Promise<Code2SessionResult> {
    try {
      return await this.attempt(code);
    } catch (err) {
      // WeChat documents -1 as "system busy, retry later": one retry, nothing else is retried
      // (an invalid or used code will not get better, and 45011 needs a minute).
      if (!(err instanceof WechatApiError) || err.errcode !== SYSTEM_BUSY) throw err;
      await new Promise((r) => setTimeout(r, this.retryDelayMs));
      return this.attempt(code);
    }
  }

  private async attempt(code: string): Promise<Code2SessionResult> {
    const query = new URLSearchParams({
      appid: this.options.appId,
      secret: this.options.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    let text: string;
    let status: number;
    try {
      ({ text, status } = await fetchText(
        `${this.baseUrl}/sns/jscode2session?${query}`,
        { method: 'GET', headers: { Accept: 'application/json' } },
        this.timeoutMs,
      ));
    } catch (err) {
      if (err instanceof TransportError) throw new WechatApiError(null, `code2Session: ${err.message}`);
      throw err;
    }
    const body = parseObject(text) as Code2SessionBody | undefined;
    if (!body) throw new WechatApiError(null, `code2Session: non-JSON answer (HTTP ${status})`);
    // The official example sends errcode 0 next to openid; others omit it. Both mean success.
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
    if (errcode !== 0) {
      throw new WechatApiError(errcode, `code2Session: errcode ${errcode} (${String(body.errmsg ?? '')})`);
    }
    if (typeof body.openid !== 'string' || !body.openid || typeof body.session_key !== 'string' || !body.session_key) {
      // Deliberately not echoing the body: it may hold the session_key.
      throw new WechatApiError(null, `code2Session: answer without openid/session_key (HTTP ${status})`);
    }
    const result: Code2SessionResult = { openid: body.openid, sessionKey: body.session_key };
    if (typeof body.unionid === 'string' && body.unionid) result.unionid = body.unionid;
    return result;
  }
}

function parseObject(text: string): object | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? v : undefined;
  } catch {
    return undefined;
  }
}
