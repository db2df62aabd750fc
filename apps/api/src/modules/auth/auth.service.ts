import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { type LoginResponse, type Role, type UserProfile } from '@sutwxapp/contracts';
import { Code2SessionClient, isIssuableLoginCode, WechatApiError } from '@sutwxapp/wechat';
import { Repository } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import { publicUrl, type PublicUrlConfig } from '../../common/public-url';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UserEntity } from './entities/user.entity';
import type { TokenPayload } from './guards/auth.guard';

/** The avatar is stored as a WeChat URL or a media ref (`media:<id>/<hash>`), shown 240 px wide. */
export function toUserProfile(user: UserEntity, config: PublicUrlConfig): UserProfile {
  return {
    id: user.id,
    nickname: user.nickname,
    avatarUrl: publicUrl(config, user.avatarUrl, 240),
    createdAt: user.createdAt.toISOString(),
  };
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly code2Session: Code2SessionClient,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async wechatLogin(code: string): Promise<LoginResponse> {
    let session: { openid: string; sessionKey: string; unionid?: string };
    try {
      // The sandbox logs in any code wx.login can return (DevTools' tourist placeholder included);
      // real WeChat would only answer 40029 to a code it never issues, so we answer that ourselves.
      if (!this.config.wechatSandbox && !isIssuableLoginCode(code)) {
        throw new WechatApiError(40029, 'code2Session: not a code WeChat issues');
      }
      session = await this.code2Session.code2Session(code);
    } catch (err) {
      if (err instanceof WechatApiError) {
        if (err.kind === 'CONFIG') this.logger.error(`WeChat rejected our appid/secret (errcode ${err.errcode})`);
        throw Errors[err.code](loginMessage(err.kind));
      }
      throw err;
    }
    const user = await this.upsertByOpenid(session);
    return { ...this.sign(user.id, 'shopper'), user: toUserProfile(user, this.config) };
  }

  /** Insert-or-update by openid; a concurrent first login of the same user resolves to one row. */
  private async upsertByOpenid(session: { openid: string; sessionKey: string; unionid?: string }): Promise<UserEntity> {
    const now = new Date();
    const patch: Partial<UserEntity> = { sessionKey: session.sessionKey, lastLoginAt: now };
    if (session.unionid) patch.unionid = session.unionid;
    const updated = await this.users.update({ openid: session.openid }, patch);
    if (!updated.affected) {
      try {
        await this.users.insert({ openid: session.openid, unionid: session.unionid ?? null, ...patch });
      } catch (err) {
        // lost the race against a parallel first login: the row exists now
        const existing = await this.users.findOneBy({ openid: session.openid });
        if (!existing) throw err;
      }
    }
    return this.users.findOneByOrFail({ openid: session.openid });
  }

  sign(id: number, role: Role, tokenVersion?: number): { accessToken: string; expiresIn: number } {
    const payload: TokenPayload = { sub: id, role, ...(tokenVersion !== undefined ? { ver: tokenVersion } : {}) };
    return { accessToken: this.jwt.sign(payload), expiresIn: this.config.jwtExpiresInSeconds };
  }

  /**
   * The shopper a bearer token belongs to, or null (invalid, expired, not a shopper's). For work
   * done after the request (browsing history): the same checks as AuthGuard, never a throw.
   */
  shopperOfToken(token: string): number | null {
    try {
      const payload = this.jwt.verify<TokenPayload>(token, { algorithms: ['HS256'] });
      return payload.role === 'shopper' && Number.isInteger(payload.sub) && typeof payload.exp === 'number'
        ? payload.sub
        : null;
    } catch {
      return null;
    }
  }

  /** What others see of a reviewer: nickname and avatar as they are now. */
  async publicIdentity(userId: number): Promise<{ nickname: string | null; avatarUrl: string | null }> {
    const user = await this.users.findOne({
      where: { id: userId },
      select: { id: true, nickname: true, avatarUrl: true },
    });
    return { nickname: user?.nickname ?? null, avatarUrl: user?.avatarUrl ?? null };
  }

  /** The payer id WeChat Pay needs (it must come from the same appid). */
  async openidOf(userId: number): Promise<string> {
    const user = await this.users.findOne({ where: { id: userId }, select: { id: true, openid: true } });
    if (!user) throw Errors.UNAUTHORIZED('This account no longer exists; sign in again');
    return user.openid;
  }
}

function loginMessage(kind: WechatApiError['kind']): string {
  switch (kind) {
    case 'INVALID_CODE':
      return 'WeChat did not accept this login code (invalid, expired or already used); call wx.login() again for a new one';
    case 'RATE_LIMITED':
      return 'Too many logins for this WeChat user; wait a minute and retry';
    case 'BLOCKED':
      return 'WeChat has blocked login for this account (risk control)';
    default:
      return 'WeChat login is temporarily unavailable; please retry';
  }
}
