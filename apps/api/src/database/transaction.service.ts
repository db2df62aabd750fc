import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

const DEADLOCK_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/**
 * One transaction boundary per use case. SQLite has a single connection: TypeORM would run two
 * concurrent "transactions" on it as nested savepoints, so on SQLite they are queued here.
 * On MySQL a deadlock victim is retried (the whole use case, from the start).
 */
@Injectable()
export class TransactionService {
  private sqliteTail: Promise<unknown> = Promise.resolve();
  readonly isSqlite: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.isSqlite = dataSource.options.type === 'better-sqlite3';
  }

  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.isSqlite) {
      const result = this.sqliteTail.then(() => this.dataSource.transaction(work));
      this.sqliteTail = result.catch(() => undefined);
      return result;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (err) {
        const code =
          (err as { code?: string; driverError?: { code?: string } }).driverError?.code ??
          (err as { code?: string }).code;
        if (attempt >= 3 || !code || !DEADLOCK_CODES.has(code)) throw err;
      }
    }
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
