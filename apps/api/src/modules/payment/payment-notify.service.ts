import { Injectable, Logger } from '@nestjs/common';
import {
  WechatPayClient,
  WechatPayNotificationError,
  type WechatPayRefundNotice,
  type WechatPayTransaction,
} from '@sutwxapp/wechat';
import { metrics } from '../../observability/metrics';
import { correlateWith } from '../../observability/request-context';
import { PaymentLedgerService } from './payment-ledger.service';
import { RefundService } from './refund.service';

export interface NotifyAnswer {
  /** 204 accepted (also for duplicates); 4xx/5xx makes WeChat retry or refuses a forgery */
  status: number;
  message?: string;
}

type Headers = Record<string, string | string[] | undefined>;

/**
 * WeChat Pay callbacks. Order of checks (spec §2.4/§2.5): signature over the raw bytes (±300 s,
 * known serial, probes refused) → AES-256-GCM decrypt with the tag enforced → mchid/appid present
 * and ours → amount equals the order, in CNY, paid by the order's shopper → one transaction that records the notification id and applies
 * PENDING_PAYMENT → PAID. Nothing is changed unless every check passes.
 */
@Injectable()
export class PaymentNotifyService {
  private readonly logger = new Logger(PaymentNotifyService.name);

  constructor(
    private readonly pay: WechatPayClient,
    private readonly ledger: PaymentLedgerService,
    private readonly refunds: RefundService,
  ) {}

  async transaction(headers: Headers, rawBody: Buffer | undefined): Promise<NotifyAnswer> {
    const verified = this.verify('transaction', headers, rawBody);
    if ('status' in verified) return verified;
    const notification = verified.notification;
    if (notification.eventType !== 'TRANSACTION.SUCCESS') {
      return this.done('transaction', 'ignored', { status: 204 });
    }
    const { outcome, refund } = await this.ledger.recordPaid(notification.resource as WechatPayTransaction, {
      id: notification.id,
      eventType: notification.eventType,
      raw: notification.raw,
    });
    if (refund) void this.refunds.submit(refund);
    switch (outcome) {
      case 'ok':
      case 'duplicate':
      case 'already_paid':
      case 'paid_after_cancel':
      case 'not_success':
        return this.done('transaction', outcome, { status: 204 });
      case 'bad_amount':
        return this.done('transaction', outcome, { status: 400, message: 'amount does not match the order' });
      case 'bad_currency':
        return this.done('transaction', outcome, { status: 400, message: 'currency is not CNY' });
      case 'bad_payer':
        return this.done('transaction', outcome, { status: 400, message: "payer is not the order's shopper" });
      case 'unknown_order':
        return this.done('transaction', outcome, { status: 404, message: 'unknown out_trade_no' });
    }
  }

  async refund(headers: Headers, rawBody: Buffer | undefined): Promise<NotifyAnswer> {
    const verified = this.verify('refund', headers, rawBody);
    if ('status' in verified) return verified;
    const n = verified.notification;
    if (!n.eventType.startsWith('REFUND.')) return this.done('refund', 'ignored', { status: 204 });
    const outcome = await this.refunds.handleNotice(n.resource as WechatPayRefundNotice, {
      id: n.id,
      eventType: n.eventType,
      raw: n.raw,
    });
    if (outcome === 'unknown_refund')
      return this.done('refund', outcome, { status: 404, message: 'unknown out_refund_no' });
    if (outcome === 'bad_amount')
      return this.done('refund', outcome, { status: 400, message: 'refund amount mismatch' });
    return this.done('refund', outcome, { status: 204 });
  }

  private verify(
    kind: string,
    headers: Headers,
    rawBody: Buffer | undefined,
  ): NotifyAnswer | { notification: ReturnType<WechatPayClient['verifyAndDecryptNotification']> } {
    if (!rawBody) return this.done(kind, 'malformed', { status: 400, message: 'empty body' });
    try {
      const notification = this.pay.verifyAndDecryptNotification(headers, rawBody);
      // WeChat's notification id: its retries of this notification are found together in the logs
      correlateWith(`wxpay-${kind}:${notification.id}`);
      return { notification };
    } catch (err) {
      if (err instanceof WechatPayNotificationError) {
        this.logger.warn(`rejected ${kind} notification: ${err.reason}`);
        // 401 for anything that failed authentication, 400 for the rest; either makes WeChat retry
        const status = ['malformed', 'decrypt_failed', 'mchid_mismatch', 'appid_mismatch'].includes(err.reason)
          ? 400
          : 401;
        return this.done(kind, err.reason, { status, message: err.reason });
      }
      throw err;
    }
  }

  private done(kind: string, result: string, answer: NotifyAnswer): NotifyAnswer {
    metrics.paymentNotifications.inc({ kind, result });
    return answer;
  }
}
