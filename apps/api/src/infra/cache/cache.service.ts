import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit, Optional } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { metrics } from '../../observability/metrics';
import { REDIS } from '../redis.module';
import { LocalCache } from './local-cache';
import { preparedValue } from './prepared-json';

/**
 * L1 (in-process) bounds. Prepared answers live under keys that embed a generation or stamp, so
 * they never change under one key: the TTL only bounds TTL-governed staleness (sales counts) and
 * memory. Stamps are invalidated at once through Redis pub/sub on every replica; the TTL is the
 * ceiling if a message is lost (subscriber reconnecting), and L1 stamps are not used at all
 * while the subscriber is down.
 */
const L1_TTL_MS = 2_000;
const L1_MAX_PREPARED_ENTRIES = 1_000;
const L1_MAX_STAMPS = 10_000;
/** Redis null answers are remembered too, so a product without a stamp costs no round trip. */
const NO_STAMP = '';

/**
 * The one cache every feature uses. Values are stored as strings (JSON for answers, which
 * getOrLoadPrepared sends as the bytes stored). Every store failure degrades to the loader:
 * losing Redis slows the shop down, it never breaks it.
 */
@Injectable()
export class CacheService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CacheService.name);
  /** Single flight: concurrent misses on one key share one load (stampede protection). */
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly prepared = new LocalCache<unknown>(L1_MAX_PREPARED_ENTRIES, L1_TTL_MS);
  private readonly stamps = new LocalCache<string>(L1_MAX_STAMPS, L1_TTL_MS);
  /** Without Redis there is no other replica to hear from: local writes keep L1 exact. */
  private stampsL1 = false;
  private subscriber: Redis | null = null;
  private readonly instanceId = randomBytes(8).toString('base64url');
  private readonly channel: string;

  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Optional() @Inject(REDIS) private readonly redis: Redis | null = null,
    @Optional() @Inject(APP_CONFIG) config: AppConfig | null = null,
  ) {
    this.channel = `${config?.redisKeyPrefix ?? ''}cache:invalidate`;
    this.stampsL1 = !redis;
  }

  /**
   * Listens for other replicas' stamp changes. L1 stamps are trusted only while subscribed;
   * every (re)subscription starts from an empty L1, since messages may have been missed.
   */
  onModuleInit(): void {
    if (!this.redis) return;
    const sub = this.redis.duplicate({ lazyConnect: true });
    this.subscriber = sub;
    const down = (): void => {
      this.stampsL1 = false;
      this.stamps.invalidate();
    };
    sub.on('error', () => undefined); // the shared client already reports Redis outages
    sub.on('close', down);
    sub.on('ready', () => {
      sub
        .subscribe(this.channel)
        .then(() => {
          this.stamps.invalidate();
          this.stampsL1 = true;
        })
        .catch(down);
    });
    sub.on('message', (_channel: string, message: string) => {
      const at = message.indexOf(' ');
      if (message.slice(0, at) !== this.instanceId) this.stamps.invalidate(message.slice(at + 1));
    });
    sub.connect().catch(down);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stampsL1 = false;
    this.subscriber?.disconnect();
  }

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

  /**
   * getOrLoad for JSON answers, kept in L1 as the parsed value with its bytes beside it
   * (prepared-json.ts), so a hit costs no Redis round trip, no parsing, and no serialising when
   * it is sent. Keys must be immutable (embed a generation or stamp): L1 entries are not
   * invalidated across replicas, only superseded by new keys.
   */
  async getOrLoadPrepared<T>(metricName: string, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const local = this.prepared.get(key);
    if (local !== undefined) {
      metrics.cacheHits.inc({ cache: metricName });
      return local as T;
    }
    const epoch = this.prepared.epoch;
    const json = await this.getOrLoad(metricName, key, ttlMs, async () => JSON.stringify(await load()));
    const value = preparedValue<T>(json);
    this.prepared.set(key, value, ttlMs, epoch);
    return value;
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
    const existing = await this.getStamp(key);
    if (existing) return existing;
    const stamp = randomBytes(6).toString('base64url');
    await this.safeSet(key, stamp, 0);
    if (this.stampsL1) this.stamps.set(key, stamp);
    return stamp;
  }

  async bumpGeneration(family: string): Promise<void> {
    await this.setStamp(`gen:${family}`, randomBytes(6).toString('base64url'), 0);
  }

  /** A generation or per-key stamp: from L1 when it can be trusted, else from the store. */
  async getStamp(key: string): Promise<string | undefined> {
    if (this.stampsL1) {
      const local = this.stamps.get(key);
      if (local !== undefined) return local === NO_STAMP ? undefined : local;
    }
    const epoch = this.stamps.epoch;
    const value = await this.safeGet(key);
    if (this.stampsL1) this.stamps.set(key, value ?? NO_STAMP, L1_TTL_MS, epoch);
    return value;
  }

  /**
   * Changes a stamp: the store first, then this replica's L1 (so its very next read sees it),
   * then every other replica's L1 through pub/sub. Call after the write it stands for commits.
   */
  async setStamp(key: string, value: string, ttlMs: number): Promise<void> {
    await this.safeSet(key, value, ttlMs);
    this.stamps.invalidate(key);
    if (this.stampsL1) this.stamps.set(key, value, ttlMs > 0 ? ttlMs : L1_TTL_MS);
    if (!this.redis) return;
    try {
      await this.redis.publish(this.channel, `${this.instanceId} ${key}`);
    } catch (err) {
      // other replicas then see the change within L1_TTL_MS instead of at once
      metrics.cacheErrors.inc({ operation: 'publish' });
      this.logger.warn(`cache invalidation publish failed: ${(err as Error).message}`);
    }
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
