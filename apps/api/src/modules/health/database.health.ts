import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthCheckAttempt } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

/**
 * The database is ready when it answers AND holds our schema: `SELECT 1` also succeeds on a
 * database whose tables were dropped or never migrated, where every real request would fail.
 * One cheap indexed read of a core table plus the migrations ledger covers both.
 */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  schemaCheck(key: 'database'): HealthCheckAttempt<'database'> {
    return this.indicators.check(key).attempt(async () => {
      const table = this.dataSource.options.migrationsTableName ?? 'migrations';
      let applied: number;
      try {
        const rows: Array<{ n: number | string }> = await this.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
        applied = Number(rows[0]?.n ?? 0);
        await this.dataSource.query('SELECT id FROM users WHERE id = 0');
      } catch (err) {
        if (!this.dataSource.isInitialized) throw new Error('database connection is not initialised');
        const message = err instanceof Error ? err.message : String(err);
        // "no such table" (SQLite) / ER_NO_SUCH_TABLE (MySQL): reachable, but not our schema.
        if (/no such table|doesn't exist|ER_NO_SUCH_TABLE/i.test(message)) {
          throw new Error('database answers but our tables are missing: run the migrations or restore a backup');
        }
        throw err;
      }
      if (applied === 0) throw new Error('database answers but no migration has been applied');
    });
  }
}
