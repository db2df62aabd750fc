import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthCheckAttempt } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { InjectRedis } from '../../infra/redis.module';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @InjectRedis() private readonly redis: Redis | null,
  ) {}

  pingCheck(key: 'redis'): HealthCheckAttempt<'redis'> {
    return this.indicators.check(key).attempt(async () => {
      if (!this.redis) throw new Error('Redis is not configured');
      if (this.redis.status !== 'ready') throw new Error(`Redis connection is ${this.redis.status}`);
      await this.redis.ping();
    });
  }
}
