import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CheckoutAdjustmentsPort,
  CheckoutChoice,
  CheckoutLineInput,
  CheckoutQuote,
} from '../../common/checkout-adjustments.port';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows } from '../../database/insert-row';
import { maxPoints, splitByWeight } from './checkout-math';
import { CouponService } from './coupon.service';
import { OrderLineShareEntity } from './entities/coupon.entity';
import { PointsService } from './points.service';

/**
 * Order creation's promotion step (CHECKOUT_ADJUSTMENTS): which coupon and how many points come
 * off, split over the lines by largest remainder in whole fen, so each line knows its paid share
 * for a later partial refund.
 */
@Injectable()
export class CheckoutAdjustmentsService implements CheckoutAdjustmentsPort {
  constructor(
    private readonly coupons: CouponService,
    private readonly points: PointsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async quote(
    em: EntityManager,
    userId: number,
    lines: CheckoutLineInput[],
    choice: CheckoutChoice,
    strict: boolean,
  ): Promise<CheckoutQuote> {
    // Placing an order without a coupon or points (most orders): nothing to read.
    if (strict && choice.couponId === null && !choice.points)
      return noAdjustments(lines, this.config.promotion.pointsFenPerPoint);
    const evaluated = await this.coupons.evaluate(em, userId, lines);
    let chosen = choice.couponId === undefined ? evaluated.find((c) => c.usable) : undefined;
    if (typeof choice.couponId === 'number') {
      chosen = evaluated.find((c) => c.userCouponId === choice.couponId);
      if (!chosen || !chosen.usable) {
        if (strict || chosen) {
          throw Errors.COUPON_NOT_USABLE(
            chosen?.reason
              ? `This coupon can't be used on this order: ${chosen.reason}`
              : 'This coupon is not one of your usable coupons',
            { details: { couponId: choice.couponId } },
          );
        }
      }
    }
    const couponFen = chosen?.discount ?? 0;
    const lineCouponFen = chosen ? splitByWeight(couponFen, chosen.eligible) : lines.map(() => 0);

    const { pointsFenPerPoint: fenPerPoint, pointsMaxSharePercent } = this.config.promotion;
    const goods = lines.reduce((s, l) => s + l.goodsFen, 0);
    const balance = await this.points.balance(userId, em);
    const max = maxPoints(goods - couponFen, balance, fenPerPoint, pointsMaxSharePercent);
    const asked = choice.points ?? 0;
    if (strict && asked > balance) {
      throw Errors.POINTS_INSUFFICIENT(`You have ${balance} points, fewer than ${asked}`);
    }
    if (strict && asked > max) {
      throw Errors.POINTS_OVER_CAP(
        `This order accepts at most ${max} points (${pointsMaxSharePercent}% of the goods)`,
        { details: { max } },
      );
    }
    const used = Math.min(asked, max);
    const afterCoupon = lines.map((l, i) => l.goodsFen - lineCouponFen[i]);
    const linePointsUsed = splitByWeight(used, afterCoupon);
    const linePointsFen = linePointsUsed.map((p) => p * fenPerPoint);
    return {
      selectedCouponId: chosen?.userCouponId ?? null,
      couponFen,
      pointsUsed: used,
      pointsFen: used * fenPerPoint,
      lineCouponFen,
      linePointsFen,
      linePointsUsed,
      coupons: evaluated.map(({ eligible: _eligible, ...c }) => c),
      points: { balance, used, max, fenPerPoint, discount: used * fenPerPoint },
    };
  }

  async commit(
    em: EntityManager,
    userId: number,
    orderId: number,
    lines: CheckoutLineInput[],
    quote: CheckoutQuote,
  ): Promise<void> {
    if (quote.selectedCouponId !== null && !(await this.coupons.lock(em, userId, quote.selectedCouponId, orderId))) {
      // used by a parallel order a moment ago
      throw Errors.COUPON_NOT_USABLE('This coupon was just used by another order');
    }
    // the conditional debit: two devices spending at once can't both succeed past the balance
    await this.points.debit(em, userId, quote.pointsUsed, 'SPEND', `spend:${orderId}`, { orderId });
    await insertRows(
      em,
      OrderLineShareEntity,
      lines.map((l, i) => ({
        orderId,
        skuId: l.skuId,
        quantity: l.quantity,
        goodsFen: l.goodsFen,
        couponFen: quote.lineCouponFen[i],
        pointsFen: quote.linePointsFen[i],
        pointsUsed: quote.linePointsUsed[i],
        paidFen: l.goodsFen - quote.lineCouponFen[i] - quote.linePointsFen[i],
        userCouponId: quote.selectedCouponId,
        refundedQty: 0,
        refundedFen: 0,
      })),
    );
  }
}

/** The quote of an order placed without a coupon or points (its `coupons` and `points` are not shown). */
function noAdjustments(lines: CheckoutLineInput[], fenPerPoint: number): CheckoutQuote {
  const zeros = lines.map(() => 0);
  return {
    selectedCouponId: null,
    couponFen: 0,
    pointsUsed: 0,
    pointsFen: 0,
    lineCouponFen: zeros,
    linePointsFen: zeros,
    linePointsUsed: zeros,
    coupons: [],
    points: { balance: 0, used: 0, max: 0, fenPerPoint, discount: 0 },
  };
}
