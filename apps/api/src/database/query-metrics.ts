import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { metrics } from '../observability/metrics';

const INSTRUMENTED = Symbol('sutwxapp.queryMetrics');
const logger = new Logger('SlowQuery');

function operationOf(sql: string): string {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? 'other';
  return ['select', 'insert', 'update', 'delete'].includes(word) ? word : 'other';
}

/**
 * Times every query by wrapping the driver's QueryRunner.query once per class. TypeORM's logger
 * only reports queries that already crossed maxQueryExecutionTime, so it cannot feed a histogram.
 * Slow queries are logged without their parameters (they may carry personal data).
 */
export function instrumentQueries(dataSource: DataSource, slowQueryMs: number): void {
  const runner = dataSource.createQueryRunner();
  const proto = Object.getPrototypeOf(runner) as Record<string | symbol, unknown>;
  void runner.release();
  const state = proto[INSTRUMENTED] as { slowQueryMs: number } | undefined;
  if (state) {
    state.slowQueryMs = slowQueryMs;
    return;
  }
  const shared = { slowQueryMs };
  const original = proto.query as (this: unknown, sql: string, ...rest: unknown[]) => Promise<unknown>;
  proto.query = async function timedQuery(this: unknown, sql: string, ...rest: unknown[]): Promise<unknown> {
    const started = performance.now();
    try {
      return await original.call(this, sql, ...rest);
    } finally {
      const ms = performance.now() - started;
      const operation = operationOf(sql);
      metrics.dbQueryDuration.observe({ operation }, ms / 1000);
      if (ms >= shared.slowQueryMs) {
        metrics.dbSlowQueries.inc({ operation });
        logger.warn({ msg: 'slow query', ms: Math.round(ms), sql: sql.slice(0, 500) });
      }
    }
  };
  proto[INSTRUMENTED] = shared;
}
