import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { randomBytes } from 'node:crypto';
import { metrics } from '../../observability/metrics';

/**
 * The one cache every feature uses. Values are prepared strings (usually JSON bodies) so a
 * hit is sent as bytes without re-serialising. Every store failure degrades to the loader:
 * losing Redis slows the shop down, it never breaks it.
 */
@Injectable()
export class CacheService {
  private readonly logger = new Logger(CacheService.name);
  /** Single flight: concurrent misses on one key share one load (stampede protection). */
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}

  async getOrLoad(metricName: string, key: string, ttlMs: number, load: () => Promise<string>): Promise<string> {
    const cached = await this.safeGet(key);
    if (cached !== undefined) {
      metrics.cacheHits.inc({ cache: metricName });
      return cached;
    }
    metrics.cacheMisses.inc({ cache: metricName });
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const promise = (async () => {
      try {
        const value = await load();
        await this.safeSet(key, value, ttlMs);
        return value;
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, promise);
    return promise;
  }

  async get(key: string): Promise<string | undefined> {
    return this.safeGet(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.safeSet(key, value, ttlMs);
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.cache.mdel(keys);
    } catch (err) {
      metrics.cacheErrors.inc({ operation: 'delete' });
      this.logger.warn(`cache delete failed: ${(err as Error).message}`);
    }
  }

  /**
   * Generation stamps let one write invalidate a whole family of keys (every list page)
   * without scanning: keys embed the current stamp, and bumping it orphans the old ones,
   * which then expire by TTL. Random stamps never repeat after a cache restart.
   */
  async generation(family: string): Promise<string> {
    const key = `gen:${family}`;
    const existing = await this.safeGet(key);
    if (existing) return existing;
    const stamp = randomBytes(6).toString('base64url');
    await this.safeSet(key, stamp, 0);
    return stamp;
  }

  async bumpGeneration(family: string): Promise<void> {
    await this.safeSet(`gen:${family}`, randomBytes(6).toString('base64url'), 0);
  }

  private async safeGet(key: string): Promise<string | undefined> {
    try {
      const value = await this.cache.get<string>(key);
      return value ?? undefined;
    } catch (err) {
      metrics.cacheErrors.inc({ operation: 'get' });
      this.logger.warn(`cache read failed: ${(err as Error).message}`);
      return undefined;
    }
  }

  private async safeSet(key: string, value: string, ttlMs: number): Promise<void> {
    try {
      await this.cache.set(key, value, ttlMs > 0 ? ttlMs : undefined);
    } catch (err) {
      metrics.cacheErrors.inc({ operation: 'set' });
      this.logger.warn(`cache write failed: ${(err as Error).message}`);
    }
  }
}
