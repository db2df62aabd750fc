import { createCache } from 'cache-manager';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import type Redis from 'ioredis';
import Keyv from 'keyv';
import type { AppConfig } from '../src/config/app-config';
import { CacheService } from '../src/infra/cache/cache.service';
import { IoredisKeyvStore } from '../src/infra/cache/ioredis-keyv-store';
import { createRedisClient } from '../src/infra/redis.module';
import { freePort } from './support/free-port';
import { waitFor } from './support/wait';

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

/**
 * Cache stamps while Redis is frozen (SIGSTOP: connection open, nothing answers), on a private
 * redis-server: a stamp that could not be read is not remembered as "no stamp", and a stamp
 * write the store did not take is retried, so no entry cached before the write is served again
 * once Redis answers (the resilience scenario redis-loss checks the same through the shop).
 */
(hasRedisServer ? describe : describe.skip)('cache stamps across a frozen Redis (requires redis-server)', () => {
  let server: ChildProcess;
  let redis: Redis;
  let cache: CacheService;
  let probe: Redis;

  beforeAll(async () => {
    const port = await freePort();
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    redis = createRedisClient(`redis://127.0.0.1:${port}`);
    probe = createRedisClient(`redis://127.0.0.1:${port}`);
    await waitFor(async () => {
      try {
        if (redis.status === 'wait') await redis.connect();
        if (probe.status === 'wait') await probe.connect();
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    });
    const keyv = new Keyv({ store: new IoredisKeyvStore(redis, 'outage:'), namespace: 'cache' });
    keyv.on('error', () => undefined);
    cache = new CacheService(createCache({ stores: [keyv] }), redis, { redisKeyPrefix: 'outage:' } as AppConfig);
    cache.onModuleInit();
  });

  afterAll(async () => {
    server?.kill('SIGCONT');
    await cache?.onApplicationShutdown();
    redis?.disconnect();
    probe?.disconnect();
    server?.kill('SIGKILL');
  });

  it('never serves the old stamp after a stamp write Redis did not take', async () => {
    const key = 'gen:catalog:product:7';
    await cache.setStamp(key, 'before', 60_000);
    expect(await cache.getStamp(key)).toBe('before');

    server.kill('SIGSTOP');
    try {
      await cache.setStamp(key, 'during', 60_000); // times out: Redis does not answer
      // unknown while the write is unconfirmed: a one-off stamp, never the old one
      const whileFrozen = await cache.getStamp(key);
      expect(whileFrozen).not.toBe('before');
      expect(await cache.getStamp(key)).not.toBe(whileFrozen);
    } finally {
      server.kill('SIGCONT');
    }

    // once Redis answers, the stamp is rewritten with a new value and read back from the store
    let stored: string | null = 'before';
    await waitFor(async () => {
      stored = await probe.get(`outage:stamp:${key}`).catch(() => 'before');
      return stored !== null && stored !== 'before';
    }, 15_000);
    await waitFor(async () => (await cache.getStamp(key)) === stored, 15_000);
  }, 30_000);

  it('does not remember a stamp it could not read as "no stamp"', async () => {
    const key = 'gen:catalog:product:8';
    await cache.setStamp(key, 'kept', 60_000);
    server.kill('SIGSTOP');
    let frozenRead: string | undefined;
    try {
      await new Promise((r) => setTimeout(r, 2_100)); // the in-process copy of the stamp expires
      frozenRead = await cache.getStamp(key);
    } finally {
      server.kill('SIGCONT');
    }
    expect(frozenRead).toMatch(/^unknown-/);
    await waitFor(async () => (await cache.getStamp(key)) === 'kept', 15_000);
  }, 30_000);
});
