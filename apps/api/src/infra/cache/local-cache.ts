/**
 * The in-process first level (L1) in front of the shared cache: a few seconds of TTL, a bounded
 * number of entries (oldest dropped first). `epoch` moves on every invalidation, so a value read
 * from Redis while an invalidation happened is not kept (see CacheService).
 */
export class LocalCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  epoch = 0;

  constructor(
    private readonly maxEntries: number,
    readonly ttlMs: number,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores unless an invalidation happened since `epochAtRead` (the value may predate it). */
  set(key: string, value: V, ttlMs = this.ttlMs, epochAtRead = this.epoch): void {
    if (epochAtRead !== this.epoch) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expires: Date.now() + Math.min(ttlMs, this.ttlMs) });
  }

  /** Forgets `key` (or everything) and moves the epoch, so reads already in flight are not kept. */
  invalidate(key?: string): void {
    this.epoch++;
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
