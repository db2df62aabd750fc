import { Inject, Injectable } from '@nestjs/common';
import { type BehaviourEventInput, type TrackEventsResponse } from '@sutwxapp/contracts';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { StoredEvent } from './event-store';
import { EventRateLimiter } from './event-rate-limiter';
import { EventWriterService } from './event-writer.service';

/** Device clocks drift and batches are sent late from offline storage; beyond this the time is noise. */
const CLIENT_CLOCK_WINDOW_MS = 7 * 86_400_000;

@Injectable()
export class BehaviourEventsService {
  constructor(
    private readonly writer: EventWriterService,
    private readonly limiter: EventRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Stamps the batch with who sent it, when the server got it and the request id, and queues it.
   * Never waits for the store: the answer says how many events were taken into the queue.
   * Free to call, so bounded: events per shopper and per client IP per minute (429), and a full
   * queue sheds the batch (503) instead of growing or silently dropping part of it.
   */
  async track(
    userId: number,
    inputs: BehaviourEventInput[],
    requestId: string | null,
    clientIp: string,
  ): Promise<TrackEventsResponse> {
    const limits = this.config.events;
    const [byShopper, byIp] = await Promise.all([
      this.limiter.take(`u:${userId}`, inputs.length, limits.perShopperPerMinute),
      this.limiter.take(`ip:${clientIp}`, inputs.length, limits.perIpPerMinute),
    ]);
    for (const taken of [byShopper, byIp]) {
      if (!taken.allowed) {
        throw Errors.TOO_MANY_REQUESTS(`Too many events; try again in ${taken.retryAfterSeconds} s`, {
          details: { retryAfterSeconds: taken.retryAfterSeconds },
        });
      }
    }
    if (!this.writer.hasRoomForBehaviour(inputs.length)) {
      throw Errors.SERVICE_UNAVAILABLE('Event intake is busy; please send these events later');
    }
    const serverTime = new Date();
    const events: StoredEvent[] = inputs.map((e) => ({
      type: e.type,
      userId,
      productId: e.productId ?? null,
      orderId: null,
      keyword: normaliseKeyword(e.keyword),
      page: e.page.trim(),
      amount: null,
      requestId,
      clientTime: plausibleClientTime(e.clientTime, serverTime),
      serverTime,
      props: e.source ? { source: e.source } : null,
    }));
    return { accepted: this.writer.enqueueBehaviour(events) };
  }
}

/** "  Red  SHOES " and "red shoes" are one keyword in the top-searches report. */
export function normaliseKeyword(keyword: string | undefined): string | null {
  const k = keyword?.trim().replace(/\s+/g, ' ').toLowerCase();
  return k ? k : null;
}

/** The device's time when it is within a week of the server's; otherwise unknown (null). */
export function plausibleClientTime(raw: string, serverTime: Date): Date | null {
  const t = Date.parse(raw);
  if (!Number.isFinite(t) || Math.abs(t - serverTime.getTime()) > CLIENT_CLOCK_WINDOW_MS) return null;
  return new Date(t);
}
