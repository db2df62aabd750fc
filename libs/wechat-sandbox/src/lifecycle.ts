/**
 * Background work of the sandbox (notification retries, auto-completed refunds): tracked so
 * tests can await it (`whenIdle`) and `close()` can cancel it instead of leaking timers.
 */
export class Lifecycle {
  private closed = false;
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly pending = new Set<Promise<unknown>>();

  get isClosed(): boolean {
    return this.closed;
  }

  /** Resolves after `ms`, or early (with false) when the sandbox closes. */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve(true);
      }, ms);
      this.timers.set(timer, () => resolve(false));
    });
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  /** Waits until no tracked work is left (work may start more work). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  close(): void {
    this.closed = true;
    for (const [timer, wake] of this.timers) {
      clearTimeout(timer);
      wake();
    }
    this.timers.clear();
  }
}
