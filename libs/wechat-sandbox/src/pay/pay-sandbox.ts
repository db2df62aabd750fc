import type { WechatPayRefund, WechatPayTransaction } from '@sutwxapp/wechat';
import type { Lifecycle } from '../lifecycle';
import type { SandboxPayCredentials } from './credentials';
import { MAX_LEDGER_ORDERS, type PayLedger, type SandboxOrder, type SandboxRefund } from './ledger';
import {
  buildNotification,
  buildNotificationBody,
  deliver,
  signNotificationBody,
  type BuildNotificationOptions,
  type BuiltNotification,
  type DeliveryAttempt,
  type NotificationOverrides,
} from './notifications';
import type { PayFailure } from './validate';
import type { PayWire, ResponseFault } from './wire';

/**
 * WeChat's real schedule after a failed or slow (>5 s) answer: 15s, 15s, 30s, 3m, 10m, 20m,
 * 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h, 6h (~24 h in all). The sandbox compresses it.
 */
export const DEFAULT_NOTIFY_RETRY_SCHEDULE_MS = [1000, 2000, 5000, 15000];
const MAX_DELIVERY_LOG = 1000;

export interface PaySandboxOptions {
  /** delays between delivery attempts; default DEFAULT_NOTIFY_RETRY_SCHEDULE_MS */
  notifyRetryScheduleMs?: number[];
  /** per attempt; WeChat gives a receiver 5 s */
  notifyTimeoutMs?: number;
  /** refunds go PROCESSING → SUCCESS by themselves (and notify); default true */
  autoCompleteRefunds?: boolean;
  /** how long an automatic refund stays PROCESSING; default 100 ms */
  refundDelayMs?: number;
}

export interface DeliveryResult {
  notificationId: string;
  eventType: string;
  url: string;
  delivered: boolean;
  attempts: DeliveryAttempt[];
}

export interface NotifyOptions {
  /** extra deliveries of the very same event (same id and body, fresh signature), as WeChat does */
  duplicates?: number;
  /** overrides the sandbox's retry schedule for this event ([] = a single attempt) */
  retryScheduleMs?: number[];
  /** rewrites the plaintext resource, e.g. a wrong amount, mchid or appid */
  resource?: (plaintext: Record<string, unknown>) => object;
  /** forgery knobs (stale timestamp, foreign signature, unknown serial, probe, tampering …) */
  notification?: NotificationOverrides;
}

export interface SimulatePaymentOptions extends NotifyOptions {
  /** false: only mark the order paid, send nothing; default true */
  notify?: boolean;
}

export interface PaymentSimulation {
  transaction: WechatPayTransaction;
  /** [0] is the main delivery (with retries), then one per duplicate */
  deliveries: DeliveryResult[];
}

export interface RefundCompletion {
  refund: WechatPayRefund;
  deliveries: DeliveryResult[];
}

/** Thrown by control methods; `code` matches what the HTTP API would say. */
export class SandboxPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxPayError';
  }
}

function unwrap<T>(o: { ok: true; value: T } | PayFailure): T {
  if (!o.ok) throw new SandboxPayError(o.status, o.code, o.message);
  return o.value;
}

/** The control side of the fake WeChat Pay: pay orders, finish refunds, push notifications. */
export class PaySandbox {
  /** the sandbox's deliveries, oldest first (the last 1000) */
  readonly deliveries: DeliveryResult[] = [];
  private readonly schedule: number[];
  private readonly timeoutMs: number;
  private readonly paymentEvents = new Map<string, { id: string; body: string }>();

  constructor(
    readonly credentials: SandboxPayCredentials,
    private readonly ledger: PayLedger,
    private readonly wire: PayWire,
    private readonly lifecycle: Lifecycle,
    private readonly options: PaySandboxOptions = {},
  ) {
    this.schedule = options.notifyRetryScheduleMs ?? DEFAULT_NOTIFY_RETRY_SCHEDULE_MS;
    this.timeoutMs = options.notifyTimeoutMs ?? 5000;
  }

  /** Marks the order paid and delivers TRANSACTION.SUCCESS to its notify_url. */
  async simulatePayment(outTradeNo: string, opts: SimulatePaymentOptions = {}): Promise<PaymentSimulation> {
    const order = unwrap(this.ledger.pay(outTradeNo));
    const transaction = this.ledger.transactionView(order);
    if (opts.notify === false) return { transaction, deliveries: [] };
    // The same payment is the same event: paying again re-delivers it under the same id.
    const custom = opts.resource !== undefined || opts.notification !== undefined;
    let event = custom ? undefined : this.paymentEvents.get(outTradeNo);
    if (!event) {
      event = this.event('TRANSACTION.SUCCESS', transaction as Record<string, unknown>, opts);
      if (!custom) this.paymentEvents.set(outTradeNo, event);
      if (this.paymentEvents.size > MAX_LEDGER_ORDERS)
        this.paymentEvents.delete(this.paymentEvents.keys().next().value as string);
    }
    const work = this.send(order.notifyUrl, 'TRANSACTION.SUCCESS', event, opts).then((deliveries) => ({
      transaction,
      deliveries,
    }));
    return this.lifecycle.track(work);
  }

  /** PROCESSING → SUCCESS (default), ABNORMAL or CLOSED, then REFUND.* to the refund's notify_url. */
  async completeRefund(
    outRefundNo: string,
    opts: NotifyOptions & { status?: 'SUCCESS' | 'ABNORMAL' | 'CLOSED' } = {},
  ): Promise<RefundCompletion> {
    const refund = unwrap(this.ledger.finishRefund(outRefundNo, opts.status ?? 'SUCCESS'));
    const view = this.ledger.refundView(refund);
    if (!refund.notifyUrl) return { refund: view, deliveries: [] };
    const eventType = `REFUND.${refund.status}`;
    const event = this.event(eventType, this.ledger.refundNotice(refund) as Record<string, unknown>, opts);
    return this.lifecycle.track(
      this.send(refund.notifyUrl, eventType, event, opts).then((deliveries) => ({ refund: view, deliveries })),
    );
  }

  /** Called after POST /v3/refund/domestic/refunds created a refund. */
  refundCreated(refund: SandboxRefund): void {
    if (this.options.autoCompleteRefunds === false) return;
    const work = this.lifecycle.sleep(this.options.refundDelayMs ?? 100).then(async (awake) => {
      if (awake && refund.status === 'PROCESSING') await this.completeRefund(refund.outRefundNo);
    });
    void this.lifecycle.track(work.catch(() => undefined));
  }

  /** Orders as the sandbox sees them (the transaction view plus sandbox bookkeeping). */
  listOrders(): Array<
    WechatPayTransaction & {
      description: string;
      notify_url: string;
      time_expire?: string;
      prepay_ids: string[];
      refunds: WechatPayRefund[];
    }
  > {
    return [...this.ledger.orders.values()].map((o: SandboxOrder) => ({
      ...this.ledger.transactionView(o),
      description: o.description,
      notify_url: o.notifyUrl,
      ...(o.timeExpire ? { time_expire: o.timeExpire } : {}),
      prepay_ids: o.prepayIds,
      refunds: [...this.ledger.refunds.values()]
        .filter((r) => r.outTradeNo === o.outTradeNo)
        .map((r) => this.ledger.refundView(r)),
    }));
  }

  transaction(outTradeNo: string): WechatPayTransaction {
    return this.ledger.transactionView(unwrap(this.ledger.find(outTradeNo)));
  }

  /** A signed notification with this sandbox's keys; see NotificationOverrides for forgeries. */
  buildNotification(opts: Omit<BuildNotificationOptions, 'credentials'>): BuiltNotification {
    return buildNotification({ ...opts, credentials: this.credentials });
  }

  /** One delivery attempt, no retries. */
  deliver(url: string, notification: { headers: Record<string, string>; body: string }): Promise<DeliveryAttempt> {
    return deliver(url, notification, this.timeoutMs);
  }

  /** The next API response gets this defect (one-shot, queued). */
  injectResponseFault(fault: ResponseFault): void {
    this.wire.injectResponseFault(fault);
  }

  private event(
    eventType: string,
    plaintext: Record<string, unknown>,
    opts: NotifyOptions,
  ): { id: string; body: string } {
    const resource = opts.resource ? opts.resource(structuredClone(plaintext)) : plaintext;
    return buildNotificationBody({ ...opts.notification, credentials: this.credentials, eventType, resource });
  }

  private async send(
    url: string,
    eventType: string,
    event: { id: string; body: string },
    opts: NotifyOptions,
  ): Promise<DeliveryResult[]> {
    const sign = () => ({
      headers: signNotificationBody(this.credentials, event.body, opts.notification),
      body: event.body,
    });
    const results = [await this.withRetries(url, eventType, event.id, sign, opts.retryScheduleMs ?? this.schedule)];
    for (let i = 0; i < (opts.duplicates ?? 0); i++) {
      results.push(await this.withRetries(url, eventType, event.id, sign, []));
    }
    return results;
  }

  private async withRetries(
    url: string,
    eventType: string,
    notificationId: string,
    sign: () => { headers: Record<string, string>; body: string },
    schedule: number[],
  ): Promise<DeliveryResult> {
    const result: DeliveryResult = { notificationId, eventType, url, delivered: false, attempts: [] };
    this.deliveries.push(result);
    // a long `npm start` session must not grow this log forever
    if (this.deliveries.length > MAX_DELIVERY_LOG) this.deliveries.shift();
    for (let i = 0; ; i++) {
      const attempt = await deliver(url, sign(), this.timeoutMs);
      result.attempts.push(attempt);
      if (attempt.ok) {
        result.delivered = true;
        return result;
      }
      if (i >= schedule.length || !(await this.lifecycle.sleep(schedule[i]))) return result;
    }
  }
}
