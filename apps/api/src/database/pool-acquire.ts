import type { DataSource } from 'typeorm';
import { dbErrorCode } from './db-errors';

type Callback = (err: Error | null, connection?: { release(): void }) => void;
interface Mysql2Pool {
  getConnection(cb: Callback): void;
}

const BOUNDED = Symbol('sutwxapp.boundedAcquire');

/**
 * mysql2's pool has no acquire timeout: while the database is frozen (a hung host, a partition
 * without RST) every request queued for a connection waited until it thawed, past nginx's 30 s
 * (the `db-freeze` scenario). Here a request that gets no connection within `timeoutMs` fails
 * with ETIMEDOUT, which the error filter answers as 503; a connection that arrives after its
 * requester gave up goes straight back to the pool.
 */
export function boundPoolAcquire(dataSource: DataSource, timeoutMs: number): void {
  if (dataSource.options.type !== 'mysql') return;
  const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool & { [BOUNDED]?: boolean } }).pool;
  if (!pool || pool[BOUNDED]) return;
  pool[BOUNDED] = true;
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (cb: Callback): void => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      const err = Object.assign(new Error(`timed out after ${timeoutMs} ms waiting for a pooled database connection`), {
        code: 'ETIMEDOUT',
      });
      cb(err);
    }, timeoutMs);
    getConnection((err, connection) => {
      clearTimeout(timer);
      if (settled) {
        connection?.release();
        return;
      }
      settled = true;
      cb(err, connection);
    });
  };
}

const DESTROYS = Symbol('sutwxapp.destroyTimedOut');

/**
 * mysql2's query timeout reports the error but leaves the statement in the connection's command
 * queue: the ROLLBACK that follows (and, once the connection is back in the pool, the next
 * request's query) waits behind it with no timer of its own, until the server answers again.
 * A connection whose query timed out is therefore destroyed at once (it leaves the pool); what
 * runs on it next fails fast with "closed state", which the error filter answers 503.
 */
export function destroyTimedOutConnections(dataSource: DataSource): void {
  if (dataSource.options.type !== 'mysql') return;
  const runner = dataSource.createQueryRunner();
  const proto = Object.getPrototypeOf(runner) as Record<string | symbol, unknown>;
  void runner.release();
  if (proto[DESTROYS]) return;
  proto[DESTROYS] = true;
  const original = proto.query as (this: unknown, ...args: unknown[]) => Promise<unknown>;
  proto.query = async function query(this: { databaseConnection?: { destroy?(): void } }, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (err) {
      if (dbErrorCode(err) === 'PROTOCOL_SEQUENCE_TIMEOUT') this.databaseConnection?.destroy?.();
      throw err;
    }
  };
}
