import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { metrics } from '../../observability/metrics';
import { type AuditRecord, EVENT_STORE, type EventStore, type StoredEvent } from './event-store';
import { BoundedWriteQueue, type DropReason } from './write-queue';
import { everyInterval } from '../../observability/request-context';

/** Bounds: ~10k shopper events (a few MB) in memory, written 200 at a time every 500 ms. */
export const QUEUE_CAPACITY = 10_000;
export const BATCH_SIZE = 200;
export const FLUSH_INTERVAL_MS = 500;
const SHUTDOWN_FLUSH_MS = 3000;

/**
 * The background writer between request handlers and the event store. Shopper events are
 * best effort (a failed batch is dropped and counted); the server's own order events and the
 * audit trail get a few retries and their own buffers, so a flood of page views can never push
 * a payment notification out.
 */
@Injectable()
export class EventWriterService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(EventWriterService.name);
  private readonly behaviour: BoundedWriteQueue<StoredEvent>;
  private readonly server: BoundedWriteQueue<StoredEvent>;
  private readonly audit: BoundedWriteQueue<AuditRecord>;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private closed = false;
  private lastErrorLog = 0;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    const dropped = (prefix: string) => (reason: DropReason, count: number, err?: unknown) => {
      metrics.eventsDropped.inc({ reason: `${prefix}${reason}` }, count);
      this.logDrop(`${prefix}${reason}`, count, err);
    };
    this.behaviour = new BoundedWriteQueue({
      capacity: QUEUE_CAPACITY,
      batchSize: BATCH_SIZE,
      maxAttempts: 1,
      write: (batch) => this.store.insertEvents(batch),
      onDrop: dropped(''),
    });
    this.server = new BoundedWriteQueue({
      capacity: QUEUE_CAPACITY,
      batchSize: BATCH_SIZE,
      maxAttempts: 3,
      write: (batch) => this.store.insertEvents(batch),
      onDrop: dropped('server_'),
    });
    this.audit = new BoundedWriteQueue({
      capacity: QUEUE_CAPACITY / 2,
      batchSize: BATCH_SIZE,
      maxAttempts: 5,
      write: (batch) => this.store.insertAudit(batch),
      onDrop: dropped('audit_'),
    });
  }

  onApplicationBootstrap(): void {
    // a tick that finds a round still running (a slow store) skips instead of piling up
    this.timer = everyInterval('event-writer', FLUSH_INTERVAL_MS, () => {
      if (!this.flushing) void this.flush();
    });
  }

  /** Shopper events; returns how many were taken (the rest were dropped and counted). */
  enqueueBehaviour(events: StoredEvent[]): number {
    return this.enqueue(this.behaviour, events, true);
  }

  enqueueServer(event: StoredEvent): void {
    this.enqueue(this.server, [event], true);
  }

  enqueueAudit(record: AuditRecord): void {
    this.enqueue(this.audit, [record], false);
  }

  /** Whether `count` more shopper events fit now; when not, the caller sheds the request (503). */
  hasRoomForBehaviour(count: number): boolean {
    return QUEUE_CAPACITY - this.behaviour.size >= count;
  }

  /** Depth of each buffer, for tests and diagnostics. */
  pending(): { behaviour: number; server: number; audit: number } {
    return { behaviour: this.behaviour.size, server: this.server.size, audit: this.audit.size };
  }

  /**
   * Writes everything buffered now (one round at a time: concurrent callers wait for the
   * running round, then run their own). Resolves when the buffers are empty or a write failed.
   */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.drain().finally(() => (this.flushing = null));
    await this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.finalFlush();
  }

  /** Requests still in flight during shutdown may have queued more; the store is about to close. */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.finalFlush();
    this.behaviour.discard('shutdown');
    this.server.discard('shutdown');
    this.audit.discard('shutdown');
  }

  private enqueue<T>(queue: BoundedWriteQueue<T>, items: T[], countAccepted: boolean): number {
    if (this.closed) {
      metrics.eventsDropped.inc({ reason: 'shutdown' }, items.length);
      return 0;
    }
    const taken = queue.offer(items);
    if (countAccepted && taken > 0) metrics.eventsAccepted.inc(taken);
    // a full batch is written now rather than on the next tick
    if (queue.size >= queue.batchSize && !this.flushing) setImmediate(() => void this.flush());
    return taken;
  }

  private async drain(): Promise<void> {
    for (const queue of [this.audit, this.server, this.behaviour] as Array<BoundedWriteQueue<unknown>>) {
      for (;;) {
        const written = await queue.writeBatch();
        if (written <= 0) break;
      }
    }
  }

  private async finalFlush(): Promise<void> {
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_FLUSH_MS).unref());
    await Promise.race([this.flush().catch(() => undefined), deadline]);
  }

  /** Drops are counted every time but logged at most every 10 s: an outage must not flood the logs. */
  private logDrop(reason: string, count: number, err?: unknown): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    const cause = err instanceof Error ? `: ${err.message}` : '';
    this.logger.warn(`dropped ${count} event(s) (${reason}, ${this.store.backend} store)${cause}`);
  }
}
