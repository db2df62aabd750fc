import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OnOrderTransition, type OrderTransitionEvent, type OrderTransitionListener } from '../order/order-hooks';
import { OrderReadsService } from '../order/order-reads.service';
import { CouponService } from './coupon.service';
import { LineSharesService } from './line-shares.service';

/**
 * Coupons and points follow the order, inside the transaction of each transition:
 * pay consumes the locked coupon; cancel/expiry releases it and returns the spent points;
 * completion earns points; a whole-order refund returns spent points, claws back earned ones and
 * (COUPON_RETURN_ON_REFUND) gives a still-valid coupon back.
 */
@Injectable()
@OnOrderTransition(['pay', 'cancel', 'complete', 'refunded'])
export class PromotionOrderListener implements OrderTransitionListener {
  constructor(
    private readonly coupons: CouponService,
    private readonly shares: LineSharesService,
    private readonly orders: OrderReadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onOrderTransition(em: EntityManager, { orderId, transition }: OrderTransitionEvent): Promise<void> {
    if (transition === 'pay') return this.coupons.consume(em, orderId);
    const order = await this.orders.orderWithLines(orderId, null, em);
    if (!order) return;
    if (transition === 'cancel') {
      await this.coupons.release(em, orderId);
      await this.shares.settleOrder(em, order.userId, orderId, 'cancel');
    } else if (transition === 'complete') {
      await this.shares.earnOnCompletion(em, order.userId, orderId);
    } else if (transition === 'refunded') {
      await this.shares.settleOrder(em, order.userId, orderId, 'refund');
      if (this.config.promotion.couponReturnOnRefund) await this.coupons.returnAfterRefund(em, orderId);
    }
  }
}
