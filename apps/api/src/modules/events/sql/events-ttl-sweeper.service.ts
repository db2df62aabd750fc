import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { EVENT_STORE, type EventStore } from '../event-store';
import { everyInterval, runAsJob } from '../../../observability/request-context';

const RUN_EVERY_MS = 3600_000;
const FIRST_RUN_AFTER_MS = 60_000;
const CHUNK = 5000;
/** at most 100k rows a run: a long backlog is worked off over several hours, never in one lock-heavy burst */
const MAX_CHUNKS = 20;

/**
 * Retention for either event store: deletes behaviour events older than EVENTS_TTL_DAYS, hourly.
 * (MongoDB's TTL index does the same there; FerretDB ignores it.) Safe on several replicas: deleting the
 * same old rows twice deletes nothing the second time.
 */
@Injectable()
export class EventsTtlSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventsTtlSweeper.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = (): Promise<unknown> =>
      this.purgeExpired().catch((err: Error) => this.logger.warn(`event retention failed: ${err.message}`));
    const first = setTimeout(() => runAsJob('events-ttl-sweeper', run), FIRST_RUN_AFTER_MS);
    first.unref();
    this.timers = [first, everyInterval('events-ttl-sweeper', RUN_EVERY_MS, run)];
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearTimeout(t);
  }

  /** Deletes what has expired by `now`; returns how many rows went. */
  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.eventsTtlDays * 86_400_000);
    let deleted = 0;
    for (let chunk = 0; chunk < MAX_CHUNKS; chunk++) {
      const n = await this.store.deleteEventsBefore(cutoff, CHUNK);
      deleted += n;
      if (n < CHUNK) break;
    }
    if (deleted > 0)
      this.logger.log(`deleted ${deleted} behaviour event(s) older than ${this.config.eventsTtlDays} days`);
    return deleted;
  }
}
