import { Injectable } from '@nestjs/common';
import type { BehaviourEventInput, TrackEventsResponse } from '@sutwxapp/contracts';
import type { StoredEvent } from './event-store';
import { EventWriterService } from './event-writer.service';

/** Device clocks drift and batches are sent late from offline storage; beyond this the time is noise. */
const CLIENT_CLOCK_WINDOW_MS = 7 * 86_400_000;

@Injectable()
export class BehaviourEventsService {
  constructor(private readonly writer: EventWriterService) {}

  /**
   * Stamps the batch with who sent it, when the server got it and the request id, and queues it.
   * Never waits for the store: the answer says how many events were taken into the queue.
   */
  track(userId: number, inputs: BehaviourEventInput[], requestId: string | null): TrackEventsResponse {
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
