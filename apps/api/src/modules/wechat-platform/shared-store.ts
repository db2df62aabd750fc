import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { InjectRedis } from '../../infra/redis.module';

/**
 * The little shared state the WeChat platform needs across replicas: the access token, a lock
 * so one replica refreshes it, and "seen once" marks against replayed pushes. Redis when
 * configured (all replicas see it); otherwise this process's memory (the embedded default runs
 * one process).
 */
@Injectable()
export class PlatformSharedStore {
  private readonly memory = new Map<string, { value: string; expiresAt: number }>();
  private readonly prefix: string;

  constructor(
    @InjectRedis() private readonly redis: Redis | null,
    @InjectConfig() config: AppConfig,
  ) {
    this.prefix = `${config.redisKeyPrefix}wechat:`;
  }

  get shared(): boolean {
    return this.redis !== null;
  }

  async get(key: string): Promise<string | undefined> {
    if (this.redis) return (await this.redis.get(this.prefix + key)) ?? undefined;
    const hit = this.memory.get(key);
    if (!hit || hit.expiresAt <= Date.now()) return undefined;
    return hit.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (this.redis) {
      await this.redis.set(this.prefix + key, value, 'PX', ttlMs);
      return;
    }
    this.memory.set(key, { value, expiresAt: Date.now() + ttlMs });
  }

  /** SET NX: true for the one caller that created the key (a lock, or a first sighting). */
  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.redis) return (await this.redis.set(this.prefix + key, value, 'PX', ttlMs, 'NX')) === 'OK';
    const now = Date.now();
    const hit = this.memory.get(key);
    if (hit && hit.expiresAt > now) return false;
    // seen-once marks are written per push and never read again: drop the expired ones now and then
    if (this.memory.size > 1000) {
      for (const [k, v] of this.memory) if (v.expiresAt <= now) this.memory.delete(k);
    }
    this.memory.set(key, { value, expiresAt: now + ttlMs });
    return true;
  }

  /** Deletes the key only if it still holds `value` (a lock we own, not one that expired and moved on). */
  async deleteIfValue(key: string, value: string): Promise<void> {
    if (this.redis) {
      await this.redis.eval(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
        1,
        this.prefix + key,
        value,
      );
      return;
    }
    if (this.memory.get(key)?.value === value) this.memory.delete(key);
  }
}
