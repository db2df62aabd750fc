import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS } from '../../infra/redis.module';

const WINDOW_MS = 60_000;
/** INCRBY, and start the window's expiry on its first increment; answers [count, ms left]. */
const TAKE = `local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if v == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {v, redis.call('PTTL', KEYS[1])}`;

export interface Taken {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed one-minute windows counting behaviour events (not requests: a batch of 50 costs 50) per
 * key. Shared by every replica through Redis when configured; in memory otherwise, and while
 * Redis is away (each replica then limits on its own, which is still a bound).
 */
@Injectable()
export class EventRateLimiter {
  private readonly logger = new Logger(EventRateLimiter.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();
  private lastWarn = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async take(key: string, amount: number, limit: number): Promise<Taken> {
    let count: number;
    let msLeft: number;
    try {
      if (!this.redis) throw new Error('no redis');
      const [c, ttl] = (await this.redis.eval(
        TAKE,
        1,
        `${this.config.redisKeyPrefix}events-rate:${key}`,
        amount,
        WINDOW_MS,
      )) as [number, number];
      [count, msLeft] = [c, ttl > 0 ? ttl : WINDOW_MS];
    } catch (err) {
      if (this.redis && Date.now() - this.lastWarn > 10_000) {
        this.lastWarn = Date.now();
        this.logger.warn(`event rate limit falls back to memory: ${(err as Error).message}`);
      }
      [count, msLeft] = this.takeLocally(key, amount);
    }
    return { allowed: count <= limit, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  }

  private takeLocally(key: string, amount: number): [number, number] {
    const now = Date.now();
    let entry = this.local.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + WINDOW_MS };
      this.local.set(key, entry);
      // old windows go when the map grows (one entry per active shopper and IP)
      if (this.local.size > 50_000) for (const [k, e] of this.local) if (e.resetAt <= now) this.local.delete(k);
    }
    entry.count += amount;
    return [entry.count, entry.resetAt - now];
  }
}
