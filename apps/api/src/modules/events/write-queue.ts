export type DropReason = 'queue_full' | 'store_error' | 'shutdown';

export interface WriteQueueOptions<T> {
  /** most items held in memory, a failed batch awaiting its retry included */
  capacity: number;
  /** most items handed to `write` at once */
  batchSize: number;
  /** tries per batch before it is dropped (1 = never retried) */
  maxAttempts: number;
  write(batch: T[]): Promise<void>;
  onDrop(reason: DropReason, count: number, err?: unknown): void;
}

/**
 * A bounded in-memory buffer between request handlers and a store. `offer` never waits and
 * never grows the buffer past its capacity: what does not fit is dropped and reported, so a
 * slow or dead store costs the shop some analytics, never memory or latency.
 */
export class BoundedWriteQueue<T> {
  private items: T[] = [];
  private retry: { batch: T[]; attempts: number } | null = null;

  constructor(private readonly options: WriteQueueOptions<T>) {}

  get size(): number {
    return this.items.length + (this.retry?.batch.length ?? 0);
  }

  get batchSize(): number {
    return this.options.batchSize;
  }

  /** Takes as many items as fit; returns how many were taken. */
  offer(items: readonly T[]): number {
    const room = Math.max(0, this.options.capacity - this.size);
    const taken = items.length <= room ? items : items.slice(0, room);
    for (const item of taken) this.items.push(item);
    if (taken.length < items.length) this.options.onDrop('queue_full', items.length - taken.length);
    return taken.length;
  }

  /**
   * Writes one batch (a pending retry first). Returns the number written, 0 when empty, or -1
   * when the write failed (the caller stops this round and tries again on the next tick).
   */
  async writeBatch(): Promise<number> {
    const next =
      this.retry ?? (this.items.length ? { batch: this.items.splice(0, this.options.batchSize), attempts: 0 } : null);
    if (!next) return 0;
    this.retry = null;
    try {
      await this.options.write(next.batch);
      return next.batch.length;
    } catch (err) {
      const attempts = next.attempts + 1;
      if (attempts < this.options.maxAttempts) this.retry = { batch: next.batch, attempts };
      else this.options.onDrop('store_error', next.batch.length, err);
      return -1;
    }
  }

  /** Empties the buffer without writing (shutdown when the store is gone). */
  discard(reason: DropReason): void {
    const count = this.size;
    this.items = [];
    this.retry = null;
    if (count > 0) this.options.onDrop(reason, count);
  }
}
