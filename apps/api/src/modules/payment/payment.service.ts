import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, OrderStatus, type PaySyncResponse, type RequestPaymentParams } from '@sutwxapp/contracts';
import { WechatPayApiError, WechatPayClient, WechatPayVerificationError } from '@sutwxapp/wechat';
import { Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { AuthService } from '../auth/auth.service';
import type { OrderEntity } from '../order/entities/order.entity';
import { OrderItemEntity } from '../order/entities/order-item.entity';
import { OrderQueryService } from '../order/order-query.service';
import { OrderLifecycleService, type OrderCancelGuard } from '../order/order-lifecycle.service';
import { PaymentEntity } from './entities/payment.entity';
import { PaymentLedgerService } from './payment-ledger.service';
import { PaymentUrls } from './payment-urls';
import { RefundService } from './refund.service';

const PREPAY_LIFETIME_MS = 2 * 3600_000;
/** WeChat bumps a time_expire earlier than order time + 1 min; we refuse to start that late. */
const MIN_TIME_TO_PAY_MS = 60_000;

export function providerError(err: unknown): AppError {
  const detail =
    err instanceof WechatPayApiError || err instanceof WechatPayVerificationError ? err.message : 'no answer';
  return new AppError(
    503,
    ErrorCode.PAYMENT_PROVIDER_ERROR,
    `WeChat Pay is unavailable right now (${detail}); please retry`,
  );
}

@Injectable()
export class PaymentService implements OrderCancelGuard, OnModuleInit {
  private readonly logger = new Logger(PaymentService.name);

  constructor(
    private readonly pay: WechatPayClient,
    private readonly ledger: PaymentLedgerService,
    private readonly refunds: RefundService,
    private readonly orders: OrderQueryService,
    private readonly auth: AuthService,
    private readonly urls: PaymentUrls,
    @InjectRepository(PaymentEntity) private readonly payments: Repository<PaymentEntity>,
    @InjectRepository(OrderItemEntity) private readonly items: Repository<OrderItemEntity>,
    private readonly lifecycle: OrderLifecycleService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.registerCancelGuard(this);
  }

  /** WeChat Pay's transaction id of a paid order (null before payment): other features' read seam. */
  async transactionIdOf(orderId: number): Promise<string | null> {
    const payment = await this.payments.findOne({ where: { orderId }, select: { id: true, transactionId: true } });
    return payment?.transactionId ?? null;
  }

  /**
   * wx.requestPayment parameters for the owner's unpaid order. A prepay_id is reused while it
   * lives (2 h); time_expire is the order's own deadline so WeChat stops taking money with it.
   */
  async requestPayment(userId: number, orderId: number): Promise<RequestPaymentParams> {
    const order = await this.orders.findOwnedEntity(userId, orderId);
    if (order.status !== OrderStatus.PENDING_PAYMENT) {
      throw new AppError(
        409,
        ErrorCode.ORDER_NOT_PAYABLE,
        `This order is ${order.status} and can't be paid`,
        undefined,
        {
          status: order.status,
        },
      );
    }
    const now = Date.now();
    if (order.payDeadline.getTime() - now < MIN_TIME_TO_PAY_MS) {
      throw new AppError(
        409,
        ErrorCode.ORDER_NOT_PAYABLE,
        'The time to pay this order has run out; please order again',
      );
    }
    let payment = await this.payments.findOneBy({ orderId });
    if (!payment?.prepayId || !payment.prepayExpiresAt || payment.prepayExpiresAt.getTime() - now < 5 * 60_000) {
      payment = await this.prepay(order, payment);
    }
    return this.pay.buildRequestPaymentParams(payment.prepayId!);
  }

  private async prepay(order: OrderEntity, existing: PaymentEntity | null): Promise<PaymentEntity> {
    const items = await this.items.find({ where: { orderId: order.id }, order: { id: 'ASC' } });
    const description =
      items.length > 1 ? `${items[0].title} 等${items.length}件商品` : (items[0]?.title ?? order.orderNo);
    let prepayId: string;
    try {
      ({ prepayId } = await this.pay.jsapiPrepay({
        description,
        outTradeNo: order.orderNo,
        totalFen: order.payableAmount,
        payerOpenid: await this.auth.openidOf(order.userId),
        notifyUrl: this.urls.notifyUrl(),
        timeExpire: order.payDeadline,
      }));
    } catch (err) {
      this.logger.warn(`prepay for ${order.orderNo} failed: ${(err as Error).message}`);
      throw providerError(err);
    }
    const patch = { prepayId, prepayExpiresAt: new Date(Date.now() + PREPAY_LIFETIME_MS) };
    if (existing) {
      await this.payments.update({ id: existing.id }, patch);
    } else {
      await this.payments
        .insert({
          orderId: order.id,
          outTradeNo: order.orderNo,
          amount: order.payableAmount,
          status: 'PENDING',
          ...patch,
        })
        .catch(
          // a parallel pay request inserted it first: keep the newest prepay id
          () => this.payments.update({ orderId: order.id }, patch),
        );
    }
    return this.payments.findOneByOrFail({ orderId: order.id });
  }

  /** After requestPayment:ok the client asks; WeChat's answer is applied so a late notification doesn't matter. */
  async sync(userId: number, orderId: number): Promise<PaySyncResponse> {
    const order = await this.orders.findOwnedEntity(userId, orderId);
    if (order.status === OrderStatus.PENDING_PAYMENT && (await this.payments.findOneBy({ orderId }))) {
      await this.syncFromWechat(order);
    }
    const current = await this.orders.findOwnedEntity(userId, orderId);
    return { status: current.status, paid: current.paidAt !== null };
  }

  /** Queries WeChat Pay and applies a SUCCESS. Returns whether the order is now known paid. */
  async syncFromWechat(order: OrderEntity): Promise<boolean> {
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
   * says it was paid meanwhile, the payment is applied instead and the cancellation stops.
   */
  async beforeCancel(order: OrderEntity): Promise<'proceed' | 'paid'> {
    const payment = await this.payments.findOneBy({ orderId: order.id });
    if (!payment || payment.status === 'CLOSED') return 'proceed';
    try {
      await this.pay.closeOrder(order.orderNo);
      await this.payments.update({ id: payment.id, status: 'PENDING' }, { status: 'CLOSED' });
      return 'proceed';
    } catch (err) {
      if (err instanceof WechatPayApiError && (err.code === 'ORDER_PAID' || err.code === 'ORDERPAID')) {
        return (await this.syncFromWechat(order)) ? 'paid' : 'proceed';
      }
      if (err instanceof WechatPayApiError && err.httpStatus === 404) return 'proceed';
      throw providerError(err);
    }
  }
}
