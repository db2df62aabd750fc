import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OrderStatus, type PaySyncResponse, type RequestPaymentParams } from '@sutwxapp/contracts';
import { WechatPayApiError, WechatPayClient, WechatPayVerificationError } from '@sutwxapp/wechat';
import { type EntityManager, Repository } from 'typeorm';
import { AppError, Errors } from '../../common/errors/app-error';
import { insertRow } from '../../database/insert-row';
import { TransactionService } from '../../database/transaction.service';
import { AuthService } from '../auth/auth.service';
import { CancelGuard, type OrderCancelGuard } from '../order/order-hooks';
import type { OrderRecord } from '../order/order-record';
import { OrderPort } from '../order/order.port';
import { PaymentEntity } from './entities/payment.entity';
import { PaymentLedgerService } from './payment-ledger.service';
import { transitionPayment } from './payment-state';
import { PaymentUrls } from './payment-urls';
import { RefundService } from './refund.service';

const PREPAY_LIFETIME_MS = 2 * 3600_000;
const MIN_TIME_TO_PAY_MS = 60_000;

export function providerError(err: unknown): AppError {
  const detail =
    err instanceof WechatPayApiError || err instanceof WechatPayVerificationError ? err.message : 'no answer';
  return Errors.PAYMENT_PROVIDER_ERROR(`WeChat Pay is unavailable right now (${detail}); please retry`);
}

/** Also the order's cancel guard: an unpaid order's WeChat order is closed before it is cancelled. */
@Injectable()
@CancelGuard()
export class PaymentService implements OrderCancelGuard {
  private readonly logger = new Logger(PaymentService.name);

  constructor(
    private readonly pay: WechatPayClient,
    private readonly ledger: PaymentLedgerService,
    private readonly refunds: RefundService,
    private readonly orders: OrderPort,
    private readonly auth: AuthService,
    private readonly urls: PaymentUrls,
    @InjectRepository(PaymentEntity) private readonly payments: Repository<PaymentEntity>,
    private readonly tx: TransactionService,
  ) {}

  /** WeChat Pay's transaction id of a paid order (null before payment): other features' read seam. */
  async transactionIdOf(orderId: number): Promise<string | null> {
    const payment = await this.payments.findOne({ where: { orderId }, select: { id: true, transactionId: true } });
    return payment?.transactionId ?? null;
  }

  /**
   * wx.requestPayment parameters for the owner's unpaid order. A prepay_id is reused while it
   * lives (2 h); time_expire is the order's own deadline so WeChat stops taking money with it.
   *
   * Prepay and cancel exclude each other on the order row (see OrderLifecycleService.cancel):
   * the payment row is claimed (order still PENDING_PAYMENT, payment not CLOSED) in one
   * transaction before WeChat is asked, and the new prepay_id is kept only if, in a second one,
   * the order is still unpaid-and-open; otherwise the WeChat order just made is closed again.
   */
  async requestPayment(userId: number, orderId: number): Promise<RequestPaymentParams> {
    const order = await this.orders.findOwned(userId, orderId);
    assertPayable(order);
    const claimed = await this.tx.run(async (em) => {
      if (!(await this.orders.lockIfPending(em, orderId))) return null;
      const existing = await em.findOneBy(PaymentEntity, { orderId });
      if (existing) return existing;
      await insertRow(em, PaymentEntity, {
        orderId,
        outTradeNo: order.orderNo,
        amount: order.payableAmount,
        status: 'PENDING',
        prepayId: null,
        prepayExpiresAt: null,
      });
      return em.findOneByOrFail(PaymentEntity, { orderId });
    });
    if (!claimed) throw notPayable(await this.orders.find(orderId));
    if (claimed.status !== 'PENDING')
      throw notPayable(order, 'This order is being cancelled and can no longer be paid');
    const now = Date.now();
    if (claimed.prepayId && claimed.prepayExpiresAt && claimed.prepayExpiresAt.getTime() - now >= 5 * 60_000) {
      return this.pay.buildRequestPaymentParams(claimed.prepayId);
    }
    const prepayId = await this.prepay(order);
    const patch = { prepayId, prepayExpiresAt: new Date(Date.now() + PREPAY_LIFETIME_MS) };
    const kept = await this.tx.run(async (em) => {
      if (!(await this.orders.lockIfPending(em, orderId))) return false;
      const updated = await em.update(PaymentEntity, { orderId, status: 'PENDING' }, patch);
      return updated.affected === 1;
    });
    if (!kept) {
      // a cancel won while WeChat was answering: the WeChat order must not stay payable
      await this.closeAfterLostRace(order, prepayId);
      throw notPayable(await this.orders.find(orderId));
    }
    return this.pay.buildRequestPaymentParams(prepayId);
  }

  private async prepay(order: OrderRecord): Promise<string> {
    const titles = await this.orders.itemTitles(order.id);
    const description = titles.length > 1 ? `${titles[0]} 等${titles.length}件商品` : (titles[0] ?? order.orderNo);
    try {
      const { prepayId } = await this.pay.jsapiPrepay({
        description,
        outTradeNo: order.orderNo,
        totalFen: order.payableAmount,
        payerOpenid: await this.auth.openidOf(order.userId),
        notifyUrl: this.urls.notifyUrl(),
        timeExpire: order.payDeadline,
      });
      return prepayId;
    } catch (err) {
      this.logger.warn(`prepay for ${order.orderNo} failed: ${(err as Error).message}`);
      throw providerError(err);
    }
  }

  /**
   * The order was cancelled (or its payment closed) while our prepay was in flight. Close the
   * WeChat order; if that fails the payment row is put back to PENDING with the prepay id, and
   * the reconciler closes it (it queries cancelled orders with an open payment).
   */
  private async closeAfterLostRace(order: OrderRecord, prepayId: string): Promise<void> {
    try {
      await this.pay.closeOrder(order.orderNo);
    } catch (err) {
      if (err instanceof WechatPayApiError && err.httpStatus === 404) return;
      this.logger.warn(`closing ${order.orderNo} after a lost cancel race failed: ${(err as Error).message}`);
      await transitionPayment(this.payments.manager, { orderId: order.id }, 'reopen', { prepayId });
    }
  }

  /** After requestPayment:ok the client asks; WeChat's answer is applied so a late notification doesn't matter. */
  async sync(userId: number, orderId: number): Promise<PaySyncResponse> {
    const order = await this.orders.findOwned(userId, orderId);
    if (order.status === OrderStatus.PENDING_PAYMENT && (await this.payments.findOneBy({ orderId }))) {
      await this.syncFromWechat(order);
    }
    const current = await this.orders.findOwned(userId, orderId);
    return { status: current.status, paid: current.paidAt !== null };
  }

  /** Queries WeChat Pay and applies a SUCCESS. Returns whether the order is now known paid. */
  async syncFromWechat(order: OrderRecord): Promise<boolean> {
    let transaction;
    try {
      transaction = await this.pay.queryByOutTradeNo(order.orderNo);
    } catch (err) {
      if (err instanceof WechatPayApiError && err.httpStatus === 404) return false;
      throw providerError(err);
    } finally {
      await this.payments.update({ orderId: order.id }, { lastCheckedAt: new Date() });
    }
    const { outcome, refund } = await this.ledger.recordPaid(transaction);
    if (refund) await this.refunds.submit(refund);
    return outcome === 'ok' || outcome === 'already_paid' || outcome === 'paid_after_cancel';
  }

  /**
   * Before an unpaid order is cancelled (shopper or expiry) its WeChat order is closed. If WeChat
   * says it was paid meanwhile, the payment is applied instead and the cancellation stops. A
   * payment row is marked CLOSED even when WeChat does not know the order yet (a prepay still in
   * flight): that prepay then finds the row CLOSED and closes what it made.
   */
  async beforeCancel(order: OrderRecord): Promise<'proceed' | 'paid'> {
    const payment = await this.payments.findOneBy({ orderId: order.id });
    if (!payment || payment.status === 'CLOSED') return 'proceed';
    if (payment.status === 'SUCCESS') return 'paid';
    const closed = await this.closeAtWechat(order);
    if (closed === 'paid') return (await this.syncFromWechat(order)) ? 'paid' : 'proceed';
    await transitionPayment(this.payments.manager, { id: payment.id }, 'close');
    return 'proceed';
  }

  /** Inside the cancel transaction (order row locked): a payment that is neither closed nor absent. */
  async hasOpenPayment(em: EntityManager, orderId: number): Promise<boolean> {
    return (await em.countBy(PaymentEntity, { orderId, status: 'PENDING' })) > 0;
  }

  /**
   * Reconciler: a CANCELLED order whose WeChat order may still be open (the close was lost, or
   * the data predates the exclusion). Paid → the payment is recorded and refunded automatically
   * (paid_after_cancel); otherwise the WeChat order is closed and the row marked CLOSED.
   */
  async settleCancelled(order: OrderRecord): Promise<'refunding' | 'closed' | 'open'> {
    if (await this.syncFromWechat(order)) return 'refunding';
    const closed = await this.closeAtWechat(order);
    if (closed === 'paid') return (await this.syncFromWechat(order)) ? 'refunding' : 'open';
    await transitionPayment(this.payments.manager, { orderId: order.id }, 'close');
    return 'closed';
  }

  private async closeAtWechat(order: OrderRecord): Promise<'closed' | 'paid'> {
    try {
      await this.pay.closeOrder(order.orderNo);
      return 'closed';
    } catch (err) {
      if (err instanceof WechatPayApiError && (err.code === 'ORDER_PAID' || err.code === 'ORDERPAID')) return 'paid';
      if (err instanceof WechatPayApiError && err.httpStatus === 404) return 'closed';
      throw providerError(err);
    }
  }
}

/** WeChat bumps a time_expire earlier than order time + 1 min; we refuse to start that late. */
function assertPayable(order: OrderRecord): void {
  if (order.status !== OrderStatus.PENDING_PAYMENT) throw notPayable(order);
  if (order.payDeadline.getTime() - Date.now() < MIN_TIME_TO_PAY_MS) {
    throw Errors.ORDER_NOT_PAYABLE('The time to pay this order has run out; please order again');
  }
}

function notPayable(order: OrderRecord, message = `This order is ${order.status} and can't be paid`): AppError {
  return Errors.ORDER_NOT_PAYABLE(message, { details: { status: order.status } });
}
