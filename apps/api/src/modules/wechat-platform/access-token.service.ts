import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type AccessTokenSource, StableTokenClient, WechatOpenApiError } from '@sutwxapp/wechat';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { platformMetrics } from './platform-metrics';
import { PlatformSharedStore } from './shared-store';

const TOKEN_KEY = 'access_token';
const LOCK_KEY = 'access_token:lock';
const LOCK_TTL_MS = 10_000;
const WAIT_STEP_MS = 50;

interface CachedToken {
  token: string;
  /** ms since epoch */
  expiresAt: number;
}

/**
 * The mini-program access token (stable_token), shared by every replica through the shared
 * store. Exactly one caller refreshes at a time: in-process callers share one promise, replicas
 * take a lock and the others wait for the token it writes (no thundering herd at WeChat, whose
 * forced refresh would revoke the token the other replicas just got). The token is refreshed
 * in the background once it is within WECHAT_TOKEN_REFRESH_AHEAD_SECONDS of expiry.
 */
@Injectable()
export class AccessTokenService implements AccessTokenSource {
  private readonly logger = new Logger(AccessTokenService.name);
  private inFlight: Promise<string> | null = null;
  private readonly aheadMs: number;

  constructor(
    private readonly client: StableTokenClient,
    private readonly store: PlatformSharedStore,
    @InjectConfig() config: AppConfig,
  ) {
    this.aheadMs = config.wechatPlatform.tokenRefreshAheadSeconds * 1000;
  }

  async get(): Promise<string> {
    const cached = await this.read();
    const now = Date.now();
    if (cached && cached.expiresAt > now) {
      if (cached.expiresAt - now <= this.aheadMs) {
        // still valid: answer with it and refresh behind the caller's back, once
        void this.refresh('ahead', cached.token).catch(() => undefined);
      }
      return cached.token;
    }
    return this.refresh('expired', cached?.token ?? null);
  }

  /** WeChat answered 40001/42001 for `rejected`: force a new token, unless another caller already did. */
  refreshAfterRejection(rejected: string): Promise<string> {
    return this.refresh('rejected', rejected);
  }

  private refresh(reason: 'expired' | 'ahead' | 'rejected', stale: string | null): Promise<string> {
    this.inFlight ??= this.refreshAcrossReplicas(reason, stale).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async refreshAcrossReplicas(reason: 'expired' | 'ahead' | 'rejected', stale: string | null): Promise<string> {
    const owner = randomBytes(8).toString('hex');
    const deadline = Date.now() + LOCK_TTL_MS;
    for (;;) {
      if (await this.store.setIfAbsent(LOCK_KEY, owner, LOCK_TTL_MS)) {
        try {
          // Someone may have refreshed between our read and the lock.
          const current = await this.read();
          if (current && current.token !== stale && this.usable(current, reason)) return current.token;
          return await this.fetch(reason);
        } finally {
          await this.store.deleteIfValue(LOCK_KEY, owner);
        }
      }
      // Another replica is refreshing: wait for the token it writes.
      await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
      const current = await this.read();
      if (current && current.token !== stale && current.expiresAt > Date.now()) return current.token;
      if (Date.now() > deadline) {
        if (reason === 'ahead' && current && current.expiresAt > Date.now()) return current.token;
        throw new WechatOpenApiError(null, 'access token refresh by another replica did not finish in time');
      }
    }
  }

  private usable(t: CachedToken, reason: string): boolean {
    const left = t.expiresAt - Date.now();
    return reason === 'ahead' ? left > this.aheadMs : left > 0;
  }

  private async fetch(reason: 'expired' | 'ahead' | 'rejected'): Promise<string> {
    try {
      // Only a rejected token needs force_refresh (it revokes the old one everywhere).
      const { accessToken, expiresIn } = await this.client.fetch(reason === 'rejected');
      const ttlMs = expiresIn * 1000;
      await this.store.set(TOKEN_KEY, JSON.stringify({ token: accessToken, expiresAt: Date.now() + ttlMs }), ttlMs);
      platformMetrics.tokenRefreshes.inc({ reason, result: 'ok' });
      this.logger.log(`WeChat access token refreshed (${reason}), valid ${expiresIn} s`);
      return accessToken;
    } catch (err) {
      platformMetrics.tokenRefreshes.inc({ reason, result: 'error' });
      this.logger.warn(`WeChat access token refresh failed (${reason}): ${(err as Error).message}`);
      throw err;
    }
  }

  private async read(): Promise<CachedToken | null> {
    try {
      const raw = await this.store.get(TOKEN_KEY);
      return raw ? (JSON.parse(raw) as CachedToken) : null;
    } catch {
      return null;
    }
  }
}
