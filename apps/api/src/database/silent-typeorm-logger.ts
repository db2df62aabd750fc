import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM logs a query slower than maxQueryExecutionTime together with its parameters, which can
 * hold personal data and secrets. Query timing and slow-query logs are ours (query-metrics.ts,
 * without parameters), so TypeORM's own logger stays silent.
 */
export class SilentTypeOrmLogger implements TypeOrmLogger {
  logQuery(): void {}
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
