import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OrderStatus } from '@sutwxapp/contracts';
import type { WechatPayTransaction } from '@sutwxapp/wechat';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '../../database/db-errors';
import { insertRow } from '../../database/insert-row';
import { TransactionService } from '../../database/transaction.service';
import { AuthService } from '../auth/auth.service';
import type { OrderRecord } from '../order/order-record';
import { OrderPort } from '../order/order.port';
import { PaymentNotificationEntity } from './entities/payment-notification.entity';
import { PaymentEntity } from './entities/payment.entity';
import { RefundEntity } from './entities/refund.entity';
import { PAYMENT_TRANSITIONS, transitionPayment } from './payment-state';

export type PaidOutcome =
  | 'ok'
  | 'duplicate'
  | 'already_paid'
  | 'paid_after_cancel'
  | 'bad_amount'
  | 'bad_currency'
  | 'bad_payer'
  | 'unknown_order'
  | 'not_success';

export interface NotificationRecord {
  id: string;
  eventType: string;
  raw: string;
}

/**
 * The one place a WeChat payment becomes a paid order, whether it arrived as a notification,
 * from pay/sync or from the reconciliation sweeper. A payment is believed only when its amount
 * equals the order's payable amount in CNY and its payer is the order's shopper; a notification
 * id is processed once (unique row, same transaction as the PENDING_PAYMENT → PAID update). The
 * first payment recorded for an order stays: a later one never overwrites its transaction id.
 */
@Injectable()
export class PaymentLedgerService {
  private readonly logger = new Logger(PaymentLedgerService.name);

  constructor(
    private readonly tx: TransactionService,
    private readonly orders: OrderPort,
    private readonly auth: AuthService,
    @InjectRepository(PaymentEntity) private readonly payments: Repository<PaymentEntity>,
  ) {}

  async recordPaid(
    transaction: WechatPayTransaction,
    notification?: NotificationRecord,
  ): Promise<{ outcome: PaidOutcome; order: OrderRecord | null; refund?: RefundEntity }> {
    const order = await this.orders.findByOrderNo(transaction.out_trade_no);
    if (!order) return { outcome: 'unknown_order', order: null };
    if (transaction.trade_state !== 'SUCCESS') return { outcome: 'not_success', order };
    if (transaction.amount?.total !== order.payableAmount) {
      this.logger.warn(
        `payment for ${order.orderNo} reports ${transaction.amount?.total} fen, order is ${order.payableAmount}: refused`,
      );
      return { outcome: 'bad_amount', order };
    }
    if (transaction.amount.currency !== 'CNY') {
      this.logger.warn(`payment for ${order.orderNo} reports currency ${transaction.amount.currency}: refused`);
      return { outcome: 'bad_currency', order };
    }
    const openid = await this.auth.openidOf(order.userId).catch(() => null);
    if (!openid || transaction.payer?.openid !== openid) {
      this.logger.warn(`payment for ${order.orderNo} names another payer than the order's shopper: refused`);
      return { outcome: 'bad_payer', order };
    }
    const paidAt = transaction.success_time ? new Date(transaction.success_time) : new Date();
    let refund: RefundEntity | undefined;
    let outcome: PaidOutcome;
    try {
      outcome = await this.tx.run(async (em) => {
        if (notification) {
          await insertRow(em, PaymentNotificationEntity, {
            notificationId: notification.id,
            eventType: notification.eventType,
            outTradeNo: order.orderNo,
            result: 'accepted',
            rawBody: notification.raw,
          });
        }
        const paymentPatch = { transactionId: transaction.transaction_id ?? null, paidAt };
        const moved = await transitionPayment(em, { orderId: order.id }, 'succeed', paymentPatch);
        const existing = moved ? null : await em.findOneBy(PaymentEntity, { orderId: order.id });
        if (existing?.status === 'SUCCESS') {
          // the first payment recorded stays; a second one is only worth a look by a person
          if (existing.transactionId !== paymentPatch.transactionId) {
            this.logger.warn(
              `order ${order.orderNo} already paid by transaction ${existing.transactionId}; ` +
                `ignored a second one, ${paymentPatch.transactionId ?? '(none)'}`,
            );
          }
        } else if (!moved) {
          await em.insert(PaymentEntity, {
            orderId: order.id,
            outTradeNo: order.orderNo,
            amount: order.payableAmount,
            status: PAYMENT_TRANSITIONS.succeed.to,
            ...paymentPatch,
          });
        }
        // the order process counts the sale and publishes order_paid after the commit
        if (await this.orders.transition(em, order.id, 'pay', { paidAt }, { order })) return 'ok';
        if ((await this.orders.statusOf(em, order.id)) !== OrderStatus.CANCELLED) return 'already_paid';
        // The shopper paid an order that had already been cancelled (expired while paying):
        // keep the money's trail and give it back.
        const insert = await em.insert(RefundEntity, {
          orderId: order.id,
          outRefundNo: `R${order.orderNo}`,
          amount: transaction.amount!.total!,
          total: transaction.amount!.total!,
          reason: '订单已取消，自动退款',
          kind: 'paid_after_cancel',
          status: 'SUBMITTING',
        });
        refund = await em.findOneByOrFail(RefundEntity, { id: insert.identifiers[0].id as number });
        return 'paid_after_cancel';
      });
    } catch (err) {
      if (notification && isUniqueViolation(err)) return { outcome: 'duplicate', order };
      // a paid-after-cancel refund row exists already (sync and notification both saw it)
      if (isUniqueViolation(err)) return { outcome: 'already_paid', order };
      throw err;
    }
    return { outcome, order, refund };
  }

  async paymentFor(orderId: number): Promise<PaymentEntity | null> {
    return this.payments.findOneBy({ orderId });
  }
}
