import { CacheModule as NestCacheModule } from '@nestjs/cache-manager';
import { Global, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import Keyv from 'keyv';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS } from '../redis.module';
import { CacheService } from './cache.service';
import { BoundedMap } from './bounded-map';
import { IoredisKeyvStore } from './ioredis-keyv-store';

const MEMORY_CACHE_MAX_KEYS = 20_000;

/*
 * The design card named cache-manager-ioredis-yet; it implements the cache-manager ≤5 store
 * API, which @nestjs/cache-manager 12 no longer accepts. Nest 12's CacheModule takes Keyv
 * stores, so Redis is reached through a Keyv store over our own ioredis client.
 */
@Global()
@Module({
  imports: [
    NestCacheModule.registerAsync({
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): { stores?: Keyv[] } => {
        if (!redis) return { stores: [new Keyv({ store: new BoundedMap<string, unknown>(MEMORY_CACHE_MAX_KEYS) })] };
        const keyv = new Keyv({ store: new IoredisKeyvStore(redis, config.redisKeyPrefix), namespace: 'cache' });
        // Errors are counted and logged by the store and CacheService; an unheard 'error' event would crash.
        keyv.on('error', () => undefined);
        return { stores: [keyv] };
      },
    }),
  ],
  providers: [CacheService],
  exports: [CacheService],
})
export class CacheModule {}
