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
/** A stamp write that failed is retried (with a new stamp) after this, doubling up to the cap. */
const RESTAMP_FIRST_MS = 250;
const RESTAMP_MAX_MS = 5_000;
const freshStamp = (): string => randomBytes(6).toString('base64url');

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
  private readonly stampPrefix: string;
  /** Stamps whose write failed (key → TTL): rewritten with a new stamp until the store takes it. */
  private readonly unwrittenStamps = new Map<string, number>();
  private restampTimer: NodeJS.Timeout | null = null;
  private restampDelayMs = RESTAMP_FIRST_MS;

  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Optional() @Inject(REDIS) private readonly redis: Redis | null = null,
    @Optional() @Inject(APP_CONFIG) config: AppConfig | null = null,
  ) {
    this.channel = `${config?.redisKeyPrefix ?? ''}cache:invalidate`;
    this.stampPrefix = `${config?.redisKeyPrefix ?? ''}stamp:`;
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
    if (this.restampTimer) clearTimeout(this.restampTimer);
    this.restampTimer = null;
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
    const stamp = freshStamp();
    await this.writeStamp(key, stamp, 0);
    if (this.stampsL1) this.stamps.set(key, stamp);
    return stamp;
  }

  async bumpGeneration(family: string): Promise<void> {
    await this.setStamp(`gen:${family}`, freshStamp(), 0);
  }

  /**
   * A generation or per-key stamp: from L1 when it can be trusted, else from the store. When the
   * store can't be read the stamp is unknown: a one-off stamp is returned (its keys are misses,
   * loaded from the database) and nothing is remembered, since the real one may have moved. So is
   * a stamp whose last write the store did not take: the store's value is the stale one.
   */
  async getStamp(key: string): Promise<string | undefined> {
    if (this.unwrittenStamps.has(key)) return `unknown-${freshStamp()}`;
    if (this.stampsL1) {
      const local = this.stamps.get(key);
      if (local !== undefined) return local === NO_STAMP ? undefined : local;
    }
    const epoch = this.stamps.epoch;
    const read = await this.readStamp(key);
    if (!read.ok) return `unknown-${freshStamp()}`;
    if (this.stampsL1) this.stamps.set(key, read.value ?? NO_STAMP, L1_TTL_MS, epoch);
    return read.value;
  }

  /**
   * Changes a stamp: the store first, then this replica's L1 (so its very next read sees it),
   * then every other replica's L1 through pub/sub. Call after the write it stands for commits.
   */
  async setStamp(key: string, value: string, ttlMs: number): Promise<void> {
    const written = await this.writeStamp(key, value, ttlMs);
    this.stamps.invalidate(key);
    if (this.stampsL1) this.stamps.set(key, value, ttlMs > 0 ? ttlMs : L1_TTL_MS);
    if (written) this.unwrittenStamps.delete(key);
    else this.restampLater(key, ttlMs);
    await this.publish(key);
  }

  /**
   * A stamp the store did not take leaves the old stamp there, and with it the entries cached
   * before the write: they would be served again once the store answers. So the stamp is
   * rewritten, with a new value (any new stamp is newer than the write), until the store takes it.
   */
  private restampLater(key: string, ttlMs: number): void {
    this.unwrittenStamps.set(key, ttlMs);
    if (this.restampTimer) return;
    this.restampTimer = setTimeout(() => void this.restamp(), this.restampDelayMs);
    this.restampTimer.unref();
  }

  private async restamp(): Promise<void> {
    this.restampTimer = null;
    const pending = [...this.unwrittenStamps];
    let failed = false;
    for (const [key, ttlMs] of pending) {
      if (this.unwrittenStamps.get(key) !== ttlMs) continue; // written meanwhile
      if (!(await this.writeStamp(key, freshStamp(), ttlMs))) {
        failed = true;
        break;
      }
      if (this.unwrittenStamps.get(key) === ttlMs) this.unwrittenStamps.delete(key);
      this.stamps.invalidate(key);
      await this.publish(key);
    }
    this.restampDelayMs = failed ? Math.min(this.restampDelayMs * 2, RESTAMP_MAX_MS) : RESTAMP_FIRST_MS;
    if (this.unwrittenStamps.size > 0 && !this.restampTimer) {
      this.restampTimer = setTimeout(() => void this.restamp(), this.restampDelayMs);
      this.restampTimer.unref();
    }
  }

  private async publish(key: string): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.publish(this.channel, `${this.instanceId} ${key}`);
    } catch (err) {
      // other replicas then see the change within L1_TTL_MS instead of at once
      metrics.cacheErrors.inc({ operation: 'publish' });
      this.logger.warn(`cache invalidation publish failed: ${(err as Error).message}`);
    }
  }

  /**
   * Stamps are read and written on the Redis client itself: the cache store reports a failed
   * read as a miss, and a stamp that could not be read must not pass for "no stamp".
   */
  private async readStamp(key: string): Promise<{ ok: true; value: string | undefined } | { ok: false }> {
    if (!this.redis) return { ok: true, value: await this.safeGet(key) };
    try {
      return { ok: true, value: (await this.redis.get(this.stampPrefix + key)) ?? undefined };
    } catch (err) {
      metrics.cacheErrors.inc({ operation: 'get' });
      this.logger.warn(`cache stamp read failed: ${(err as Error).message}`);
      return { ok: false };
    }
  }

  /** False when the store did not take the stamp. */
  private async writeStamp(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (!this.redis) return this.safeSet(key, value, ttlMs);
    try {
      if (ttlMs > 0) await this.redis.set(this.stampPrefix + key, value, 'PX', ttlMs);
      else await this.redis.set(this.stampPrefix + key, value);
      return true;
    } catch (err) {
      metrics.cacheErrors.inc({ operation: 'set' });
      this.logger.warn(`cache stamp write failed: ${(err as Error).message}`);
      return false;
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

  /** False when the store did not take the value. */
  private async safeSet(key: string, value: string, ttlMs: number): Promise<boolean> {
    try {
      await this.cache.set(key, value, ttlMs > 0 ? ttlMs : undefined);
      return true;
    } catch (err) {
      metrics.cacheErrors.inc({ operation: 'set' });
      this.logger.warn(`cache write failed: ${(err as Error).message}`);
      return false;
    }
  }
}
