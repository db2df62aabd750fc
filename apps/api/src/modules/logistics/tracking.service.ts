import { Injectable, Logger } from '@nestjs/common';
import { type Carrier, type Tracking, type TrackingEvent, TRACKING_NO_RESULT_MESSAGE } from '@sutwxapp/contracts';
import { findCarrier, Kuaidi100Client, Kuaidi100Error, type TrackingResult } from '@sutwxapp/wechat';
import { Errors } from '../../common/errors/app-error';
import { CacheService } from '../../infra/cache/cache.service';
import { metrics } from '../../observability/metrics';
import type { OrderRecord } from '../order/order-record';
import { OrderPort } from '../order/order.port';

/** Kuaidi100 locks numbers queried more often than every 30 minutes (spec §3). */
export const TRACKING_TTL_MS = 30 * 60_000;
/** A signed parcel's trace no longer changes. */
export const SIGNED_TRACKING_TTL_MS = 6 * 3600_000;

export type LookupResult = 'ok' | 'cached' | 'no_result' | 'provider_error' | 'unavailable';

@Injectable()
export class TrackingService {
  private readonly logger = new Logger(TrackingService.name);

  constructor(
    private readonly kuaidi100: Kuaidi100Client,
    private readonly cache: CacheService,
    private readonly orders: OrderPort,
  ) {}

  /** A shopper's own order only (anyone else's is 404); 409 NOT_SHIPPED before it ships. */
  async forShopper(userId: number, orderId: number): Promise<Tracking> {
    return this.forOrder(await this.orders.findOwned(userId, orderId));
  }

  /** Tracking for an order; records when it was first seen signed (the signed-completion rule reads it). */
  async forOrder(order: OrderRecord): Promise<Tracking> {
    if (!order.carrierCode || !order.trackingNo) {
      throw Errors.NOT_SHIPPED('This order has not been shipped yet', {
        details: { status: order.status },
      });
    }
    const carrier = findCarrier(order.carrierCode) ?? {
      code: order.carrierCode,
      name: order.carrierCode,
      phoneRequired: false,
    };
    // SF, 中通 and 丰网 check the phone; the receiver's last four digits are enough.
    const phone = carrier.phoneRequired ? order.address.phone.replace(/\D/g, '').slice(-4) : undefined;
    const tracking = await this.lookup(carrier, order.trackingNo, phone);
    if (tracking.signed && !order.signedAt) await this.recordSigned(order, tracking);
    return tracking;
  }

  /**
   * Any parcel by carrier and number (an after-sale return), with the same cache and errors as
   * orders' tracking. `phone`: the receiver's last four digits for carriers that check them.
   */
  async forParcel(carrierCode: string, trackingNo: string, phone?: string): Promise<Tracking> {
    const carrier = findCarrier(carrierCode) ?? { code: carrierCode, name: carrierCode, phoneRequired: false };
    return this.lookup(carrier, trackingNo, phone);
  }

  /**
   * Cached per carrier and number: 30 minutes, 6 hours once signed, and "no result yet" for
   * 30 minutes too (asking again sooner cannot help and counts towards Kuaidi100's lock).
   * Provider errors are not cached. Concurrent misses share one query (CacheService).
   */
  private async lookup(carrier: Carrier, trackingNo: string, phone: string | undefined): Promise<Tracking> {
    const key = `logistics:${carrier.code}:${trackingNo}`;
    let fresh = false;
    let json: string;
    try {
      json = await this.cache.getOrLoad('logistics', key, TRACKING_TTL_MS, async () => {
        fresh = true;
        return JSON.stringify(await this.query(carrier, trackingNo, phone));
      });
    } catch (err) {
      throw this.mapError(err, carrier, trackingNo);
    }
    const tracking = JSON.parse(json) as Tracking;
    if (fresh && tracking.signed) await this.cache.set(key, json, SIGNED_TRACKING_TTL_MS);
    this.count(fresh ? (tracking.message ? 'no_result' : 'ok') : 'cached');
    return tracking;
  }

  private async query(carrier: Carrier, trackingNo: string, phone: string | undefined): Promise<Tracking> {
    const updatedAt = new Date().toISOString();
    try {
      return toTracking(carrier, trackingNo, await this.kuaidi100.query({ com: carrier.code, num: trackingNo, phone }));
    } catch (err) {
      // "no result yet": a fresh parcel before its first scan, or a mistyped number
      if (err instanceof Kuaidi100Error && err.kind === 'NO_RESULT') {
        return {
          carrier,
          trackingNo,
          state: null,
          stateText: '暂无物流信息',
          signed: false,
          events: [],
          message: TRACKING_NO_RESULT_MESSAGE,
          updatedAt,
        };
      }
      throw err;
    }
  }

  private mapError(err: unknown, carrier: Carrier, trackingNo: string): unknown {
    if (!(err instanceof Kuaidi100Error)) return err;
    const where = `${carrier.code} ${trackingNo}`;
    if (err.kind === 'UNAVAILABLE') {
      this.count('unavailable');
      this.logger.warn(`Kuaidi100 unavailable for ${where}: ${err.message}`);
      return Errors.TRACKING_UNAVAILABLE();
    }
    // BAD_SIGN and QUOTA are the operator's to fix (key, customer, balance); PHONE_MISMATCH is data.
    this.count('provider_error');
    this.logger.error(`Kuaidi100 refused ${where} (${err.kind}, returnCode ${err.returnCode}): ${err.message}`);
    return Errors.TRACKING_PROVIDER_ERROR('The tracking provider could not answer for this parcel; try again later');
  }

  /**
   * The signed time is the newest event's, but never before the order shipped: a number that
   * was signed before it was entered (a reused or mistyped number) must not complete the order
   * early through the signed rule.
   */
  private async recordSigned(order: OrderRecord, tracking: Tracking): Promise<void> {
    const eventTime = Date.parse(tracking.events[0]?.time ?? '');
    const shipped = order.shippedAt?.getTime() ?? 0;
    const signedAt = new Date(
      Math.min(Date.now(), Math.max(Number.isFinite(eventTime) ? eventTime : Date.now(), shipped)),
    );
    try {
      if (await this.orders.markSigned(order.id, signedAt)) order.signedAt = signedAt;
    } catch (err) {
      this.logger.warn(`could not record signed time of order ${order.orderNo}: ${(err as Error).message}`);
    }
  }

  private count(result: LookupResult): void {
    metrics.logisticsQueries.inc({ result });
  }
}

/** Kuaidi100's answer in our contract: UTC ISO times, empty locations as null. */
export function toTracking(carrier: Carrier, trackingNo: string, result: TrackingResult): Tracking {
  const events: TrackingEvent[] = result.events.map((e) => {
    const t = Date.parse(e.time);
    return {
      time: Number.isFinite(t) ? new Date(t).toISOString() : e.time,
      context: e.context,
      location: e.location || null,
    };
  });
  return {
    carrier,
    trackingNo,
    state: result.state,
    stateText: result.stateText,
    signed: result.signed,
    events,
    message: null,
    updatedAt: new Date().toISOString(),
  };
}
