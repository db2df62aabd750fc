import { Controller, Get, HttpStatus, Inject, type OnModuleDestroy, Optional, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import {
  DiskHealthIndicator,
  HealthCheckService,
  type HealthIndicatorFunction,
  MemoryHealthIndicator,
  MongooseHealthIndicator,
} from '@nestjs/terminus';
import { ErrorCode, type HealthFailure, type HealthReport, type LivenessReport } from '@sutwxapp/contracts';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import {
  clearDependencyProbe,
  markDependenciesChecked,
  metrics,
  setDependencyProbe,
} from '../../observability/metrics';
import { DatabaseHealthIndicator } from './database.health';
import { RedisHealthIndicator } from './redis.health';
import { shutdownState } from './shutdown-state';

@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly checks: HealthIndicatorFunction[];
  /** the external services among the checks: their state is exported as app_dependency_up */
  private readonly dependencies: string[];
  private readonly probe = (): Promise<void> => this.runChecks().then(() => undefined);

  constructor(
    private readonly health: HealthCheckService,
    db: DatabaseHealthIndicator,
    redis: RedisHealthIndicator,
    memory: MemoryHealthIndicator,
    disk: DiskHealthIndicator,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() mongo?: MongooseHealthIndicator,
  ) {
    const heapLimit = config.runtime.healthHeapLimitMb * 1024 * 1024;
    const diskThreshold = config.runtime.healthDiskThreshold;
    this.checks = [
      () => db.schemaCheck('database').withTimeout(3000),
      ...(config.redisUrl ? [() => redis.pingCheck('redis').withTimeout(1000)] : []),
      ...(config.mongodbUri && mongo ? [() => mongo.pingCheck('mongodb').withTimeout(1500)] : []),
      () => memory.checkHeap('heap', heapLimit),
      () => disk.checkStorage('disk', { path: process.cwd(), thresholdPercent: diskThreshold }),
    ];
    this.dependencies = ['database', ...(config.redisUrl ? ['redis'] : []), ...(config.mongodbUri ? ['mongodb'] : [])];
    setDependencyProbe(this.probe);
  }

  onModuleDestroy(): void {
    clearDependencyProbe(this.probe);
  }

  /** Runs every check; records each dependency's state for the readiness warning alert. */
  private async runChecks(): Promise<{ ok: true; body: HealthReport } | { ok: false; body: HealthReport }> {
    let result: { ok: true; body: HealthReport } | { ok: false; body: HealthReport };
    try {
      // Terminus types each check as optional data; the body is the HealthReport contract.
      result = { ok: true, body: (await this.health.check(this.checks)) as HealthReport };
    } catch (err) {
      // Terminus throws a 503 whose body lists every check; keep it and name the failures.
      const body = (err as { getResponse?: () => unknown }).getResponse?.() as HealthReport | undefined;
      if (!body?.details) throw err;
      result = { ok: false, body };
    }
    const details = result.body.details ?? {};
    for (const name of this.dependencies) {
      metrics.dependencyUp.set({ dependency: name }, details[name]?.status === 'up' ? 1 : 0);
    }
    markDependenciesChecked();
    return result;
  }

  /** Readiness: every dependency this replica needs to serve traffic. */
  @Get()
  @ApiRoute({
    summary: 'Readiness: database, Redis, MongoDB (when configured), disk and heap',
    ok: { 200: 'HealthReport' },
    errors: { 503: ['HEALTH_CHECK_FAILED'] },
  })
  async readiness(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport | HealthFailure> {
    if (shutdownState.shuttingDown) {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return {
        statusCode: 503,
        code: ErrorCode.HEALTH_CHECK_FAILED,
        message: 'shutting down',
        status: 'shutting_down',
      };
    }
    const result = await this.runChecks();
    if (result.ok) return result.body;
    const body = result.body;
    const failed = Object.keys(body.error ?? {});
    reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      statusCode: 503,
      code: ErrorCode.HEALTH_CHECK_FAILED,
      message: `unhealthy: ${failed.join(', ')}`,
      ...body,
    };
  }

  /** Liveness: the process answers. Never checks dependencies (a DB outage must not restart pods). */
  @Get('live')
  @ApiRoute({ summary: 'Liveness: the process answers (dependencies are not checked)', ok: { 200: 'LivenessReport' } })
  live(): LivenessReport {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }
}
