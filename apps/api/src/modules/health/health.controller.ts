import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  DiskHealthIndicator,
  HealthCheckService,
  type HealthIndicatorFunction,
  MemoryHealthIndicator,
  MongooseHealthIndicator,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { ErrorCode } from '@sutwxapp/contracts';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { RedisHealthIndicator } from './redis.health';
import { shutdownState } from './shutdown-state';

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly checks: HealthIndicatorFunction[];

  constructor(
    private readonly health: HealthCheckService,
    db: TypeOrmHealthIndicator,
    redis: RedisHealthIndicator,
    memory: MemoryHealthIndicator,
    disk: DiskHealthIndicator,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() mongo?: MongooseHealthIndicator,
  ) {
    const heapLimit = Number(process.env.HEALTH_HEAP_LIMIT_MB ?? 1536) * 1024 * 1024;
    const diskThreshold = Number(process.env.HEALTH_DISK_THRESHOLD ?? 0.98);
    this.checks = [
      () => db.pingCheck('database').withTimeout(1500),
      ...(config.redisUrl ? [() => redis.pingCheck('redis').withTimeout(1000)] : []),
      ...(config.mongodbUri && mongo ? [() => mongo.pingCheck('mongodb').withTimeout(1500)] : []),
      () => memory.checkHeap('heap', heapLimit),
      () => disk.checkStorage('disk', { path: process.cwd(), thresholdPercent: diskThreshold }),
    ];
  }

  /** Readiness: every dependency this replica needs to serve traffic. */
  @Get()
  async readiness(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    if (shutdownState.shuttingDown) {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return {
        statusCode: 503,
        code: ErrorCode.HEALTH_CHECK_FAILED,
        message: 'shutting down',
        status: 'shutting_down',
      };
    }
    try {
      return await this.health.check(this.checks);
    } catch (err) {
      // Terminus throws a 503 whose body lists every check; keep it and name the failures.
      const body = (err as { getResponse?: () => unknown }).getResponse?.() as
        { error?: Record<string, unknown>; info?: unknown; details?: unknown; status?: string } | undefined;
      if (!body?.details) throw err;
      const failed = Object.keys(body.error ?? {});
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return {
        statusCode: 503,
        code: ErrorCode.HEALTH_CHECK_FAILED,
        message: `unhealthy: ${failed.join(', ')}`,
        ...body,
      };
    }
  }

  /** Liveness: the process answers. Never checks dependencies (a DB outage must not restart pods). */
  @Get('live')
  live(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }
}
