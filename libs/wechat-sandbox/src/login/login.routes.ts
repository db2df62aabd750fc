import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../context';
import { json, parseJsonObject, type Route, type SandboxRequest, type SandboxResponse } from '../http-util';
import { openidFor, phoneFor, unionidFor } from './identity';

/** Every open-API error is HTTP 200 with errcode/errmsg, as WeChat does. */
export function err(errcode: number, errmsg: string): SandboxResponse {
  return json(200, { errcode, errmsg: `${errmsg} rid: ${randomBytes(12).toString('hex')}` });
}

const TOKEN_TTL_S = 7200;

/** The one valid access token (stable_token), shared with the other open-API routes. */
export interface TokenState {
  current?: { value: string; expiresAt: number };
  /** the token replaced in normal mode during its last 5 minutes: still valid until it expires */
  previous?: { value: string; expiresAt: number };
  /** real time of the last forced refresh (WeChat ignores another one within 30 s) */
  lastForcedAt?: number;
}

/** The errcode answer for a missing, revoked or expired access_token, or undefined when it is valid. */
export function checkAccessToken(
  ctx: SandboxContext,
  tokens: TokenState,
  req: SandboxRequest,
): SandboxResponse | undefined {
  const accessToken = req.url.searchParams.get('access_token');
  if (!accessToken) return err(41001, 'access_token missing');
  const token = [tokens.current, tokens.previous].find((t) => t?.value === accessToken);
  if (!token) return err(40001, 'invalid credential, access_token is invalid or not latest');
  if (token.expiresAt <= ctx.clock.now()) return err(42001, 'access_token expired');
  return undefined;
}

/** jscode2session, stable_token and getuserphonenumber (spec §1). */
export function loginRoutes(ctx: SandboxContext, tokens: TokenState = {}): Route[] {
  const busyOnceSeen = new Set<string>();

  function checkApp(appid: unknown, secret: unknown): SandboxResponse | undefined {
    if (appid !== ctx.miniProgram.appId) return err(40013, 'invalid appid');
    if (secret !== ctx.miniProgram.appSecret) return err(40125, 'invalid appsecret');
    return undefined;
  }

  function code2Session(req: SandboxRequest): SandboxResponse {
    ctx.stats.hit('jscode2session');
    const q = req.url.searchParams;
    const appErr = checkApp(q.get('appid'), q.get('secret'));
    if (appErr) return appErr;
    if (q.get('grant_type') !== 'authorization_code') return err(40002, 'invalid grant_type');
    const code = q.get('js_code');
    if (!code) return err(41008, 'missing code');
    if (code.startsWith('invalid')) return err(40029, 'invalid code');
    if (code.startsWith('used')) return err(40163, 'code been used');
    if (code.startsWith('ratelimit')) return err(45011, 'api minute-quota reach limit  mustslower  retry next minute');
    if (code.startsWith('blocked')) return err(40226, 'code blocked');
    if (code.startsWith('busyonce')) {
      // -1 only the first time this code is seen: exercises the client's single retry.
      if (!busyOnceSeen.has(code)) {
        busyOnceSeen.add(code);
        return err(-1, 'system error');
      }
    } else if (code.startsWith('busy')) {
      return err(-1, 'system error');
    }
    const body: Record<string, unknown> = {
      openid: openidFor(ctx.identitySalt, ctx.miniProgram.appId, code),
      session_key: randomBytes(16).toString('base64'),
    };
    if (code.startsWith('union')) body.unionid = unionidFor(ctx.identitySalt, ctx.miniProgram.appId, code);
    return json(200, body);
  }

  function stableToken(req: SandboxRequest): SandboxResponse {
    ctx.stats.hit('stable_token');
    const b = parseJsonObject(req.body);
    if (!b) return err(47001, 'data format error');
    if (b.grant_type !== 'client_credential') return err(40002, 'invalid grant_type');
    const appErr = checkApp(b.appid, b.secret);
    if (appErr) return appErr;
    const now = ctx.clock.now();
    // getStableAccessToken (https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/access-token/auth.getStableAccessToken.html):
    // normal mode returns the same token, except in its last 5 minutes, when a new one is issued
    // and both stay valid until the old one expires; force_refresh revokes the old token at once
    // (but a second forced refresh within 30 s changes nothing).
    const fresh = () => ({ value: randomBytes(48).toString('base64url'), expiresAt: now + TOKEN_TTL_S * 1000 });
    const current = tokens.current;
    if (b.force_refresh === true) {
      const recent = tokens.lastForcedAt !== undefined && Date.now() - tokens.lastForcedAt < 30_000;
      if (!recent || !current || current.expiresAt <= now) {
        tokens.current = fresh();
        tokens.previous = undefined;
        tokens.lastForcedAt = Date.now();
      }
    } else if (!current || current.expiresAt <= now) {
      tokens.current = fresh();
      tokens.previous = undefined;
    } else if (current.expiresAt - now <= 5 * 60_000) {
      tokens.previous = current;
      tokens.current = fresh();
    }
    const token = tokens.current as { value: string; expiresAt: number };
    return json(200, { access_token: token.value, expires_in: Math.floor((token.expiresAt - now) / 1000) });
  }

  function phoneNumber(req: SandboxRequest): SandboxResponse {
    ctx.stats.hit('getuserphonenumber');
    const tokenErr = checkAccessToken(ctx, tokens, req);
    if (tokenErr) return tokenErr;
    const b = parseJsonObject(req.body);
    if (!b) return err(47001, 'data format error');
    const code = b.code;
    if (typeof code !== 'string' || !code) return err(41008, 'missing code');
    if (code.startsWith('invalid')) return err(40029, 'invalid code');
    const phone = phoneFor(ctx.identitySalt, code);
    return json(200, {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: phone,
        purePhoneNumber: phone,
        countryCode: '86',
        watermark: { timestamp: Math.floor(ctx.clock.now() / 1000), appid: ctx.miniProgram.appId },
      },
    });
  }

  return [
    { method: 'GET', path: '/sns/jscode2session', handler: code2Session },
    { method: 'POST', path: '/cgi-bin/stable_token', handler: stableToken },
    { method: 'POST', path: '/wxa/business/getuserphonenumber', handler: phoneNumber },
  ];
}

/** WeChat answers unknown paths (including wrong case, e.g. jsCode2Session) with 40066. */
export function invalidUrl(): SandboxResponse {
  return err(40066, 'invalid url');
}
