import { EventEmitter } from 'node:events';
import type Redis from 'ioredis';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { metrics } from '../../observability/metrics';

/**
 * A Keyv store over the app's own ioredis client, so the cache, rate limits and health share
 * one Redis connection and one failure policy (fail fast, no offline queue). Keyv hands us
 * keys already namespaced and values already serialised.
 */
export class IoredisKeyvStore extends EventEmitter implements KeyvStoreAdapter {
  readonly opts: { dialect: string; url: string };
  namespace?: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    super();
    this.opts = { dialect: 'redis', url: 'ioredis' };
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    try {
      const value = await this.redis.get(this.prefix + key);
      return (value ?? undefined) as StoredData<Value> | undefined;
    } catch (err) {
      metrics.cacheErrors.inc({ operation: 'get' });
      throw err;
    }
  }

  async set(key: string, value: unknown, ttl?: number): Promise<void> {
    try {
      if (ttl && ttl > 0) await this.redis.set(this.prefix + key, value as string, 'PX', ttl);
      else await this.redis.set(this.prefix + key, value as string);
    } catch (err) {
      metrics.cacheErrors.inc({ operation: 'set' });
      throw err;
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch (err) {
      metrics.cacheErrors.inc({ operation: 'delete' });
      throw err;
    }
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    try {
      return (await this.redis.del(...keys.map((k) => this.prefix + k))) > 0;
    } catch (err) {
      metrics.cacheErrors.inc({ operation: 'delete' });
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + key)) === 1;
  }

  /** Clears only our prefix (SCAN, never KEYS, never FLUSHDB). */
  async clear(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await this.redis.del(...keys);
    } while (cursor !== '0');
  }
}
