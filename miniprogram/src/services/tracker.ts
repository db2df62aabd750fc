import type { BehaviourEventInput, TrackEventsResponse } from '../contracts/events';
import { MAX_EVENTS_PER_BATCH } from '../contracts/events';
import { ApiError } from '../utils/errors';
import { api } from './request';

export type TrackInput = Omit<BehaviourEventInput, 'clientTime'>;
export type SendBatch = (events: BehaviourEventInput[]) => Promise<unknown>;

const postEvents: SendBatch = (events) => api.post<TrackEventsResponse>('/events', { events }, { toast: false });

/**
 * Collects behaviour events and posts them in batches (POST /events, at most 50 a request):
 * after a quiet `delayMs`, as soon as `batchSize` are waiting, and when the app goes to the
 * background. Tracking must never bother the shopper: failures are silent, batches the API
 * refused (4xx) are dropped, the rest wait for the next flush, at most `maxQueued` of them.
 */
export class EventTracker {
  private queue: BehaviourEventInput[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly send: SendBatch = postEvents,
    private readonly delayMs = 5000,
    private readonly batchSize = 20,
    private readonly maxQueued = 200,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  track(input: TrackInput): void {
    this.queue.push({ ...input, clientTime: new Date().toISOString() });
    if (this.queue.length > this.maxQueued) this.queue.splice(0, this.queue.length - this.maxQueued);
    if (this.queue.length >= this.batchSize) void this.flush();
    else this.schedule();
  }

  /** Sends everything queued; resolves when done (or when the API cannot be reached). */
  flush(): Promise<void> {
    this.cancelTimer();
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Stops the timer (app shutdown, tests); queued events stay queued. */
  stop(): void {
    this.cancelTimer();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_EVENTS_PER_BATCH);
      try {
        await this.send(batch);
      } catch (err) {
        const refused = err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 401;
        // Keep what the API did not refuse for the next flush; a refused batch would fail forever.
        if (!refused) this.queue.unshift(...batch);
        return;
      }
    }
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** The app-wide tracker lives on the App instance (see app.ts), shared by every page and subpackage. */
export interface ShopAppOption {
  globalData: { tracker: EventTracker };
}

export function track(input: TrackInput): void {
  getApp<ShopAppOption>().globalData.tracker.track(input);
}
