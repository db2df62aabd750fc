import { Injectable, Logger } from '@nestjs/common';

/** Facts other features react to. Published only after the transaction that made them commits. */
export interface DomainEventMap {
  order_created: {
    orderId: number;
    userId: number;
    orderNo: string;
    payableAmount: number;
    items: Array<{ productId: number; skuId: number; quantity: number }>;
  };
  order_paid: { orderId: number; userId: number; orderNo: string; payableAmount: number };
  order_cancelled: { orderId: number; userId: number; orderNo: string; reason: string };
  /** carrierCode/trackingNo: the first parcel (the one tracked); parcels: all of them, in order */
  order_shipped: {
    orderId: number;
    userId: number;
    orderNo: string;
    carrierCode: string;
    trackingNo: string;
    parcels: Array<{
      carrierCode: string;
      trackingNo: string;
      items: Array<{ skuId: number; quantity: number }> | null;
    }>;
  };
  order_completed: { orderId: number; userId: number; orderNo: string; reason: string };
  refund_requested: { orderId: number; userId: number; orderNo: string; amount: number; reason: string };
  refund_succeeded: { orderId: number; userId: number; orderNo: string; amount: number };
  refund_failed: { orderId: number; userId: number; orderNo: string; status: string };
  /** Stock went back to these products (cancel, expiry, refund before shipping): their pages show it now. */
  stock_released: { productIds: number[] };
  /** WeChat's asynchronous image check finished (message push `wxa_media_check`). */
  media_check_result: { traceId: string; verdict: 'pass' | 'review' | 'risky'; label?: number };
  /** The media module applied a verdict: these uploads are now READY, REVIEW or REJECTED (reviews wait on it). */
  media_checked: { mediaIds: number[]; status: 'READY' | 'REVIEW' | 'REJECTED' };
}
export type DomainEventName = keyof DomainEventMap;
type Handler<K extends DomainEventName> = (payload: DomainEventMap[K]) => void | Promise<void>;

/**
 * A tiny in-process bus. Handlers run after the response path is done with the event
 * (microtask) and their failures are logged, never thrown back into the use case.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers = new Map<DomainEventName, Array<Handler<DomainEventName>>>();

  on<K extends DomainEventName>(name: K, handler: Handler<K>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as Handler<DomainEventName>);
    this.handlers.set(name, list);
  }

  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    for (const handler of this.handlers.get(name) ?? []) {
      queueMicrotask(() => {
        Promise.resolve()
          .then(() => handler(payload))
          .catch((err: unknown) => this.logger.warn(`handler for ${name} failed: ${(err as Error).message}`));
      });
    }
  }
}
