import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CacheService } from '../../infra/cache/cache.service';
import { CompletionRule, type OrderCompletionRule } from '../order/order-hooks';
import type { OrderRecord } from '../order/order-record';
import { OrderPort } from '../order/order.port';
import { TrackingService } from './tracking.service';

const DAY_MS = 86_400_000;
const DUE_BATCH = 200;
/** Refresh bounds: ≤ 10 Kuaidi100 queries a minute per replica, each order at most every 6 hours. */
const REFRESH_BATCH = 10;
const REFRESH_EVERY_MS = 60_000;
const REFRESH_ORDER_EVERY_MS = 6 * 3600_000;
/** Parcels rarely arrive within a day of shipping; asking earlier would only spend quota. */
const REFRESH_MIN_AGE_MS = DAY_MS;

/**
 * "Signed" completion, in addition to the order feature's day-count rule (shipped_at older than
 * ORDER_AUTO_CONFIRM_DAYS): a SHIPPED order completes once tracking has shown it signed for
 * ORDER_SIGNED_CONFIRM_DAYS (default 3; the shopper's window to report a problem). A separate,
 * shorter window because signed_at ≥ shipped_at: with the same window the day-count rule would
 * always win and this rule would never fire.
 *
 * signed_at is recorded whenever tracking is read. Kuaidi100's real-time query is meant for
 * shopper-initiated lookups, so shoppers' reads are the main source; for orders nobody looks
 * at, the sweep also refreshes a small, bounded batch through the same 30-minute cache.
 */
@Injectable()
@CompletionRule('tracking_signed')
export class SignedCompletionRule implements OrderCompletionRule {
  private readonly logger = new Logger(SignedCompletionRule.name);
  private lastRefresh = Number.NEGATIVE_INFINITY;
  private cursor = 0;

  constructor(
    private readonly orders: OrderPort,
    private readonly tracking: TrackingService,
    private readonly cache: CacheService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async due(now: Date): Promise<OrderRecord[]> {
    try {
      await this.refresh(now);
    } catch (err) {
      this.logger.warn(`tracking refresh failed: ${(err as Error).message}`);
    }
    const cutoff = new Date(now.getTime() - this.config.order.signedConfirmDays * DAY_MS);
    return this.orders.signedBefore(cutoff, DUE_BATCH);
  }

  /**
   * Walks unsigned shipped orders by id, a few per minute, wrapping around at the end. The
   * per-order marker lives in the shared cache, so replicas do not ask twice for one order.
   */
  private async refresh(now: Date): Promise<void> {
    // |…| so a clock moved backwards (tests pass `now`) does not stall refreshing
    if (Math.abs(now.getTime() - this.lastRefresh) < REFRESH_EVERY_MS) return;
    this.lastRefresh = now.getTime();
    const batch = await this.orders.unsigned(this.cursor, new Date(now.getTime() - REFRESH_MIN_AGE_MS), REFRESH_BATCH);
    this.cursor = batch.length < REFRESH_BATCH ? 0 : batch[batch.length - 1].id;
    for (const order of batch) {
      const marker = `logistics:refreshed:${order.id}`;
      if (await this.cache.get(marker)) continue;
      await this.cache.set(marker, '1', REFRESH_ORDER_EVERY_MS);
      try {
        await this.tracking.forOrder(order);
      } catch (err) {
        this.logger.debug(`could not refresh tracking of order ${order.orderNo}: ${(err as Error).message}`);
      }
    }
  }
}
