import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Order } from '@sutwxapp/contracts';
import { WechatPayApiError, WechatPayClient, type WechatPayRefund, type WechatPayRefundNotice } from '@sutwxapp/wechat';
import { type EntityManager, LessThan, Not, Repository } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/domain-events';
import { isUniqueViolation } from '../../database/db-errors';
import { insertRow } from '../../database/insert-row';
import { TransactionService } from '../../database/transaction.service';
import { metrics } from '../../observability/metrics';
import { OrderPort } from '../order/order.port';
import type { NotificationRecord } from './payment-ledger.service';
import { PaymentNotificationEntity } from './entities/payment-notification.entity';
import { PaymentEntity } from './entities/payment.entity';
import { RefundEntity } from './entities/refund.entity';
import { RefundHooks } from './refund-hooks';
import { REFUND_TRANSITIONS, refundTransitionFor, transitionRefund } from './payment-state';
import { PaymentUrls } from './payment-urls';

export type RefundOutcome = 'ok' | 'duplicate' | 'unknown_refund' | 'bad_amount' | 'failed';

export interface PartialRefundInput {
  orderId: number;
  amount: number;
  aftersaleId: number;
  skuId: number;
  /** pieces of the line already put back into stock (a whole-order refund won't release them again) */
  restockedQty: number;
  reason: string;
}

@Injectable()
export class RefundService {
  private readonly logger = new Logger(RefundService.name);

  constructor(
    private readonly tx: TransactionService,
    private readonly orders: OrderPort,
    private readonly events: DomainEvents,
    private readonly pay: WechatPayClient,
    private readonly urls: PaymentUrls,
    private readonly hooks: RefundHooks,
    @InjectRepository(RefundEntity) private readonly refunds: Repository<RefundEntity>,
  ) {}

  /**
   * Operator refund of the full paid amount: PAID|SHIPPED → REFUNDING with a refund row in one
   * transaction, then the request to WeChat after commit (a failed submit is retried by the
   * reconciler; out_refund_no makes the retry idempotent).
   */
  async requestByAdmin(orderId: number, reason: string): Promise<Order> {
    const order = await this.orders.find(orderId);
    const refund = await this.tx
      .run(async (em) => {
        const { payment, refunded } = await this.lockPayment(em, orderId);
        if (!payment) {
          throw Errors.REFUND_NOT_ALLOWED('Only orders paid through WeChat Pay can be refunded');
        }
        await this.orders.require(em, orderId, 'requestRefund', {
          refundRequestedAt: new Date(),
          refundReason: reason,
        });
        if (refunded >= payment.amount) {
          throw Errors.REFUND_NOT_ALLOWED('Everything paid for this order has been refunded already');
        }
        const inserted = await em.insert(RefundEntity, {
          orderId,
          outRefundNo: `R${order.orderNo}`,
          // never more than what was paid: what earlier (after-sale) refunds left, once
          amount: payment.amount - refunded,
          total: payment.amount,
          reason,
          kind: 'admin',
          status: 'SUBMITTING',
        });
        return em.findOneByOrFail(RefundEntity, { id: inserted.identifiers[0].id as number });
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw Errors.REFUND_NOT_ALLOWED('This order already has a refund');
        throw err;
      });
    this.events.publish('refund_requested', {
      orderId,
      userId: order.userId,
      orderNo: order.orderNo,
      amount: refund.amount,
      reason,
    });
    await this.submit(refund);
    return this.orders.getAny(orderId);
  }

  /**
   * Takes the payment row's write lock for the rest of the caller's transaction (a conditional
   * touch, on both engines) and answers the refunds already asked for. Every refund of an order,
   * whole or partial, is created under this lock, so Σ refunds ≤ paid holds whichever path asks.
   * CLOSED refunds gave nothing back and do not count; ABNORMAL ones still might, so they do.
   */
  private async lockPayment(
    em: EntityManager,
    orderId: number,
  ): Promise<{ payment: PaymentEntity | null; refunded: number }> {
    const touched = await em
      .createQueryBuilder()
      .update(PaymentEntity)
      .set({ updatedAt: new Date() })
      .where({ orderId, status: 'SUCCESS' })
      .execute();
    if (touched.affected !== 1) return { payment: null, refunded: 0 };
    const payment = await em.findOneByOrFail(PaymentEntity, { orderId });
    const rows = await em.find(RefundEntity, { where: { orderId, status: Not('CLOSED') }, select: { amount: true } });
    return { payment, refunded: rows.reduce((s, r) => s + r.amount, 0) };
  }

  /**
   * A partial refund (one after-sale request's pieces of a line), inside the caller's transaction.
   * Refused with REFUND_EXCEEDS_PAID when it would take the order's refunds past what was paid.
   * Submit the returned row with `submit` after the caller commits.
   */
  async createPartial(em: EntityManager, input: PartialRefundInput): Promise<RefundEntity> {
    const { payment, refunded } = await this.lockPayment(em, input.orderId);
    if (!payment) {
      throw Errors.REFUND_NOT_ALLOWED('Only orders paid through WeChat Pay can be refunded');
    }
    if (input.amount <= 0 || refunded + input.amount > payment.amount) {
      throw Errors.REFUND_EXCEEDS_PAID(
        `Refunding ${input.amount} fen would exceed what was paid (${payment.amount} fen, ${refunded} already refunded)`,
        { details: { paid: payment.amount, refunded } },
      );
    }
    const id = await insertRow(em, RefundEntity, {
      orderId: input.orderId,
      outRefundNo: `R${payment.outTradeNo}A${input.aftersaleId}`,
      amount: input.amount,
      total: payment.amount,
      reason: input.reason,
      kind: 'aftersale',
      status: 'SUBMITTING',
      aftersaleId: input.aftersaleId,
      skuId: input.skuId,
      restockedQty: input.restockedQty,
    });
    return em.findOneByOrFail(RefundEntity, { id });
  }

  /** Σ refunds asked for an order (CLOSED excluded): for the money invariant and operators. */
  async refundedTotal(orderId: number): Promise<number> {
    const rows = await this.refunds.find({ where: { orderId, status: Not('CLOSED') }, select: { amount: true } });
    return rows.reduce((s, r) => s + r.amount, 0);
  }

  /** Sends a SUBMITTING refund to WeChat. Safe to repeat: same out_refund_no, same refund. */
  async submit(refund: RefundEntity): Promise<void> {
    const order = await this.orders.find(refund.orderId);
    let answer: WechatPayRefund;
    try {
      answer = await this.pay.createRefund({
        outTradeNo: order.orderNo,
        outRefundNo: refund.outRefundNo,
        reason: refund.reason ?? undefined,
        refundFen: refund.amount,
        totalFen: refund.total,
        notifyUrl: this.urls.refundNotifyUrl(),
      });
    } catch (err) {
      const detail = err instanceof WechatPayApiError ? `${err.code} ${err.message}` : (err as Error).message;
      this.logger.warn(`refund ${refund.outRefundNo} not accepted yet (${detail}); the reconciler retries`);
      metrics.refunds.inc({ result: 'submit_failed' });
      return;
    }
    await transitionRefund(this.refunds.manager, refund.id, 'submitted', { refundId: answer.refund_id ?? null });
    metrics.refunds.inc({ result: 'submitted' });
    if (answer.status !== 'PROCESSING')
      await this.applyResult(answer.out_refund_no, answer.status, answer.amount?.refund);
  }

  /**
   * A REFUND.* notification. Its id is recorded in the same transaction as the state change and
   * only once the notification is accepted (refund known, amount as asked): a refused one is
   * not remembered, so WeChat's redelivery is examined again instead of being taken for a
   * duplicate, and a crash before the commit leaves nothing half-done.
   */
  async handleNotice(notice: WechatPayRefundNotice, notification: NotificationRecord): Promise<RefundOutcome> {
    try {
      return await this.applyResult(notice.out_refund_no, notice.refund_status, notice.amount?.refund, {
        ...notification,
        outTradeNo: notice.out_trade_no,
      });
    } catch (err) {
      if (isUniqueViolation(err)) return 'duplicate';
      throw err;
    }
  }

  /**
   * A refund's final state. SUCCESS on an operator refund moves REFUNDING → REFUNDED and, if the
   * parcel never left, puts the stock back — exactly once, guarded by the conditional updates.
   * The refunded goods no longer count as sold.
   */
  async applyResult(
    outRefundNo: string,
    status: string,
    refundedFen?: number,
    notification?: NotificationRecord & { outTradeNo: string },
  ): Promise<RefundOutcome> {
    const refund = await this.refunds.findOneBy({ outRefundNo });
    if (!refund) return 'unknown_refund';
    if (refundedFen !== undefined && refundedFen !== refund.amount) {
      this.logger.error(`refund ${outRefundNo} reports ${refundedFen} fen, we asked for ${refund.amount}`);
      return 'bad_amount';
    }
    const move = refundTransitionFor(status);
    const final = move ? REFUND_TRANSITIONS[move].to : null;
    if (!move && status !== 'PROCESSING') return 'failed';
    const changed = await this.tx.run(async (em) => {
      if (notification) {
        // unique notification id: a duplicate fails here and rolls the whole change back
        await insertRow(em, PaymentNotificationEntity, {
          notificationId: notification.id,
          eventType: notification.eventType,
          outTradeNo: notification.outTradeNo,
          outRefundNo,
          result: 'accepted',
          rawBody: notification.raw,
        });
      }
      if (!move) return false;
      const succeededAt = move === 'succeed' ? new Date() : null;
      if (!(await transitionRefund(em, refund.id, move, { succeededAt }))) return false;
      // the after-sale module learns its refund's end in this transaction (refund-hooks.ts)
      if (refund.kind === 'aftersale') await this.hooks.partialSettled(em, refund, REFUND_TRANSITIONS[move].to);
      // REFUNDING → REFUNDED; the order process puts unshipped stock back (less what after-sales
      // already restocked, see RefundRestocks) and uncounts the sale
      if (final === 'SUCCESS' && refund.kind === 'admin') {
        await this.orders.transition(em, refund.orderId, 'refunded', { refundedAt: new Date() });
      }
      return true;
    });
    if (changed && final) {
      metrics.refunds.inc({ result: final.toLowerCase() });
      const order = await this.orders.find(refund.orderId);
      if (final === 'SUCCESS') {
        this.events.publish('refund_succeeded', {
          orderId: order.id,
          userId: order.userId,
          orderNo: order.orderNo,
          amount: refund.amount,
        });
      } else {
        this.logger.error(`refund ${outRefundNo} ended ${final}: needs an operator (商户平台)`);
        this.events.publish('refund_failed', {
          orderId: order.id,
          userId: order.userId,
          orderNo: order.orderNo,
          status: final,
        });
      }
    }
    return 'ok';
  }

  /** Refunds the reconciler should push: unsent ones, and ones WeChat has not finished. */
  async stalled(olderThan: Date): Promise<RefundEntity[]> {
    return this.refunds.find({
      where: [{ status: 'SUBMITTING' }, { status: 'PROCESSING', updatedAt: LessThan(olderThan) }],
      take: 50,
    });
  }

  async refresh(refund: RefundEntity): Promise<void> {
    if (refund.status === 'SUBMITTING') return this.submit(refund);
    const answer = await this.pay.queryRefund(refund.outRefundNo);
    await this.refunds.update({ id: refund.id }, { updatedAt: new Date() });
    await this.applyResult(answer.out_refund_no, answer.status, answer.amount?.refund);
  }
}
