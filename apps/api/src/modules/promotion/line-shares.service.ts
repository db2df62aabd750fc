import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRow } from '../../database/insert-row';
import type { OrderLineRead } from '../order/order-reads.service';
import { pieceShare } from './checkout-math';
import { OrderLineShareEntity } from './entities/coupon.entity';
import { PointsService } from './points.service';

export interface LineRefund {
  /** fen to refund: these pieces' share of what was paid for the line */
  amount: number;
  pointsReturned: number;
  pointsClawedBack: number;
}

/**
 * Each order line's paid share (goods − coupon share − points share) and what of it has been
 * refunded. Refunding pieces of a line reserves them with a conditional UPDATE (never more
 * pieces than the line has), and moves the points that belong to those pieces: the points spent
 * on them come back, the points the order earned are clawed back in proportion.
 */
@Injectable()
export class LineSharesService {
  constructor(
    private readonly points: PointsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async shares(em: EntityManager, orderId: number): Promise<OrderLineShareEntity[]> {
    return em.find(OrderLineShareEntity, { where: { orderId }, order: { id: 'ASC' } });
  }

  /** The refund `quantity` more pieces of a line would bring, without reserving anything. */
  async quoteLine(em: EntityManager, orderId: number, line: OrderLineRead, quantity: number): Promise<number> {
    const share = await this.share(em, orderId, line);
    return pieceShare(
      share.paidFen,
      share.quantity,
      share.refundedQty,
      Math.min(quantity, share.quantity - share.refundedQty),
    );
  }

  async refundLine(
    em: EntityManager,
    userId: number,
    orderId: number,
    line: OrderLineRead,
    quantity: number,
    key: string,
  ): Promise<LineRefund> {
    const share = await this.share(em, orderId, line);
    const reserved = await em
      .createQueryBuilder()
      .update(OrderLineShareEntity)
      .set({ refundedQty: () => `refunded_qty + ${quantity}` })
      .where('id = :id AND refunded_qty + :q <= quantity', { id: share.id, q: quantity })
      .execute();
    if (reserved.affected !== 1) {
      throw Errors.AFTERSALE_NOT_ALLOWED('These pieces of the line have already been refunded');
    }
    // re-read under the row lock the UPDATE took: `already` is exact even with parallel requests
    const now = await em.findOneByOrFail(OrderLineShareEntity, { id: share.id });
    const already = now.refundedQty - quantity;
    const amount = pieceShare(now.paidFen, now.quantity, already, quantity);
    await em.update(OrderLineShareEntity, { id: share.id }, { refundedFen: () => `refunded_fen + ${amount}` });
    const pointsBack = pieceShare(now.pointsUsed, now.quantity, already, quantity);
    await this.points.credit(em, userId, pointsBack, 'RETURN', `return:${key}`, { orderId });
    const earned = await this.points.orderTotal(em, orderId, ['EARN']);
    const all = await this.shares(em, orderId);
    const paid = all.reduce((s, l) => s + l.paidFen, 0);
    const claw = paid > 0 ? Math.floor((earned * amount) / paid) : 0;
    const clawed = await this.points.debit(em, userId, claw, 'CLAWBACK', `clawback:${key}`, {
      orderId,
      partial: true,
    });
    return { amount, pointsReturned: pointsBack, pointsClawedBack: clawed };
  }

  /** Points earned by a completed order: on what was paid for goods and not refunded. */
  async earnOnCompletion(em: EntityManager, userId: number, orderId: number): Promise<void> {
    const all = await this.shares(em, orderId);
    const net = all.reduce((s, l) => s + l.paidFen - l.refundedFen, 0);
    const earn = Math.floor((net * this.config.promotion.pointsEarnPerYuan) / 100);
    await this.points.credit(em, userId, earn, 'EARN', `earn:${orderId}`, { orderId, expires: true });
  }

  /** Cancel, expiry or a whole-order refund: every spent point not yet returned comes back; earned ones go. */
  async settleOrder(em: EntityManager, userId: number, orderId: number, why: 'cancel' | 'refund'): Promise<void> {
    const spent = await this.points.orderTotal(em, orderId, ['SPEND']);
    const returned = await this.points.orderTotal(em, orderId, ['RETURN']);
    await this.points.credit(em, userId, spent - returned, 'RETURN', `return:${why}:${orderId}`, { orderId });
    const earned = await this.points.orderTotal(em, orderId, ['EARN']);
    const clawed = await this.points.orderTotal(em, orderId, ['CLAWBACK']);
    await this.points.debit(em, userId, earned - clawed, 'CLAWBACK', `clawback:${why}:${orderId}`, {
      orderId,
      partial: true,
    });
  }

  /** Orders placed before promotions existed have no share rows: their lines paid full price. */
  private async share(em: EntityManager, orderId: number, line: OrderLineRead): Promise<OrderLineShareEntity> {
    const found = await em.findOneBy(OrderLineShareEntity, { orderId, skuId: line.skuId });
    if (found) return found;
    const goodsFen = line.unitPrice * line.quantity;
    const id = await insertRow(em, OrderLineShareEntity, {
      orderId,
      skuId: line.skuId,
      quantity: line.quantity,
      goodsFen,
      couponFen: 0,
      pointsFen: 0,
      pointsUsed: 0,
      paidFen: goodsFen,
      userCouponId: null,
      refundedQty: 0,
      refundedFen: 0,
    });
    return em.findOneByOrFail(OrderLineShareEntity, { id });
  }
}
