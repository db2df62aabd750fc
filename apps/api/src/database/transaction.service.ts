import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { dbErrorCode } from './db-errors';

const DEADLOCK_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/**
 * One transaction boundary per use case. SQLite has a single connection: TypeORM would run two
 * concurrent "transactions" on it as nested savepoints, so on SQLite they are queued here.
 * On MySQL a deadlock victim is retried (the whole use case, from the start).
 */
@Injectable()
export class TransactionService {
  private sqliteTail: Promise<unknown> = Promise.resolve();
  /** Pooled MySQL connections whose session is already READ COMMITTED. */
  private readonly readCommitted = new WeakSet<object>();
  readonly isSqlite: boolean;
  private readonly logger = new Logger(TransactionService.name);
  /** Work queued by `afterCommit`, per transaction (its entity manager). */
  private readonly committed = new WeakMap<EntityManager, Array<() => Promise<void> | void>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.isSqlite = dataSource.options.type === 'better-sqlite3';
  }

  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    let queued: Array<() => Promise<void> | void> = [];
    const result = await this.attempt(async (em) => {
      // a retried use case starts from scratch: what its failed attempt queued is dropped
      queued = [];
      this.committed.set(em, queued);
      return work(em);
    });
    for (const effect of queued) {
      try {
        await effect();
      } catch (err) {
        // the transaction is committed; an after-commit effect failing must not turn it into an error
        this.logger.warn(`after-commit effect failed: ${(err as Error).message}`);
      }
    }
    return result;
  }

  /**
   * Runs `effect` once the transaction of `em` has committed (never if it rolls back): events,
   * cache invalidation, figures that must not see rolled-back data. Outside a transaction of this
   * service (e.g. `manager`) there is nothing to wait for, so it runs at once.
   */
  async afterCommit(em: EntityManager, effect: () => Promise<void> | void): Promise<void> {
    const queue = this.committed.get(em);
    if (queue) queue.push(effect);
    else await effect();
  }

  private async attempt<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.isSqlite) {
      const result = this.sqliteTail.then(() => this.dataSource.transaction(work));
      this.sqliteTail = result.catch(() => undefined);
      return result;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readCommittedTransaction(work);
      } catch (err) {
        if (attempt >= 3 || !DEADLOCK_CODES.has(dbErrorCode(err))) throw err;
      }
    }
  }

  /**
   * `dataSource.transaction('READ COMMITTED', work)` with one round trip less per transaction:
   * TypeORM sends SET TRANSACTION ISOLATION LEVEL before every START TRANSACTION; here each pooled
   * connection is switched to READ COMMITTED once, for its session. Every transaction of the app
   * runs through this service at that level, so the session default changes nothing else.
   */
  private async readCommittedTransaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as object;
      if (!this.readCommitted.has(connection)) {
        await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        this.readCommitted.add(connection);
      }
      await runner.startTransaction();
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (err) {
        try {
          await runner.rollbackTransaction();
        } catch {
          // the original error is the one worth reporting
        }
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
