import { Injectable } from '@nestjs/common';
import {
  type CheckoutCoupon,
  type CouponOffer,
  type CouponTemplate,
  type UserCoupon,
  type UserCouponQuery,
} from '@sutwxapp/contracts';
import { In, MoreThan, type EntityManager } from 'typeorm';
import type { CheckoutLineInput } from '../../common/checkout-adjustments.port';
import { Errors } from '../../common/errors/app-error';
import { insertRow } from '../../database/insert-row';
import { lockOwner } from '../../database/owner-lock';
import { TransactionService } from '../../database/transaction.service';
import { couponDiscount, couponLabel } from './checkout-math';
import { ProductEntity } from '../catalog/entities/product.entity';
import { CouponTemplateEntity, UserCouponEntity } from './entities/coupon.entity';

const DAY_MS = 86_400_000;

/** A usable or unusable coupon at checkout, with the lines it applies to. */
export interface EvaluatedCoupon extends CheckoutCoupon {
  /** per checkout line: the goods the coupon covers (0 for lines out of its scope) */
  eligible: number[];
}

/**
 * Claims (shoppers) and the checkout evaluation (operators' templates: CouponTemplatesService). A claim is one
 * conditional UPDATE of the template's claimed_count (never past total_quantity) under the
 * shopper's row lock (never past per_user_limit), so any number of parallel claims stay exact.
 */
@Injectable()
export class CouponService {
  constructor(private readonly tx: TransactionService) {}

  /** The coupon centre (or one product's 领券): templates being issued and not past their end. */
  async offers(userId: number, productId?: number): Promise<CouponOffer[]> {
    const now = new Date();
    // the product's category decides category-scoped coupons (a read of the catalog's row)
    const product = productId ? await this.tx.manager.findOneBy(ProductEntity, { id: productId }) : null;
    const scope = { productId: product?.id, categoryId: product?.categoryId };
    const rows = await this.tx.manager.find(CouponTemplateEntity, { where: { issuing: true }, order: { id: 'ASC' } });
    const live = rows.filter(
      (t) =>
        (!t.validTo || t.validTo > now) &&
        (productId === undefined ||
          (scope.productId !== undefined && inScope(t, scope.productId, scope.categoryId ?? -1))),
    );
    const mine = live.length
      ? await this.tx.manager.find(UserCouponEntity, {
          where: { userId, templateId: In(live.map((t) => t.id)) },
          select: { id: true, templateId: true },
        })
      : [];
    return live.map((t) => {
      const claimedByMe = mine.filter((m) => m.templateId === t.id).length;
      return {
        ...toTemplate(t),
        claimedByMe,
        claimable: t.claimedCount < t.totalQuantity && claimedByMe < t.perUserLimit,
      };
    });
  }

  async claim(userId: number, templateId: number): Promise<UserCoupon> {
    // refused before any lock when plainly sold out or stopped: a rush after the last coupon
    // never queues on the template row
    this.checkClaimable(await this.tx.manager.findOneBy(CouponTemplateEntity, { id: templateId }));
    const id = await this.tx.run(async (em) => {
      // the shopper's claims queue here: the per-shopper count below can't be raced
      await lockOwner(em, userId);
      const t = this.checkClaimable(await em.findOneBy(CouponTemplateEntity, { id: templateId }));
      const now = new Date();
      const held = await em.count(UserCouponEntity, { where: { userId, templateId } });
      if (held >= t.perUserLimit) {
        throw Errors.COUPON_LIMIT_REACHED(`You already hold ${held} of "${t.name}" (at most ${t.perUserLimit} each)`, {
          details: { limit: t.perUserLimit },
        });
      }
      const taken = await em
        .createQueryBuilder()
        .update(CouponTemplateEntity)
        .set({ claimedCount: () => 'claimed_count + 1' })
        .where('id = :id AND claimed_count < total_quantity AND issuing = :on', { id: templateId, on: true })
        .execute();
      if (taken.affected !== 1) throw Errors.COUPON_SOLD_OUT(`"${t.name}" has all been claimed`);
      const validFrom = t.validDays ? now : (t.validFrom ?? now);
      const validTo = t.validDays ? new Date(now.getTime() + t.validDays * DAY_MS) : t.validTo!;
      return insertRow(em, UserCouponEntity, {
        templateId,
        userId,
        status: 'AVAILABLE',
        orderId: null,
        validFrom,
        validTo,
        usedAt: null,
      });
    });
    return (await this.mine(userId)).find((c) => c.id === id)!;
  }

  async mine(userId: number, query: UserCouponQuery = {}): Promise<UserCoupon[]> {
    const rows = await this.tx.manager.find(UserCouponEntity, { where: { userId }, order: { id: 'DESC' }, take: 200 });
    const templates = await this.templatesById(rows.map((r) => r.templateId));
    const now = new Date();
    return rows
      .map((r) => toUserCoupon(r, templates.get(r.templateId)!, now))
      .filter((c) => {
        if (!query.status) return true;
        if (query.status === 'usable') return c.status === 'AVAILABLE';
        if (query.status === 'used') return c.status === 'USED' || c.status === 'LOCKED';
        return c.status === 'EXPIRED';
      });
  }

  /** The shopper's unexpired available coupons priced against these lines, best first. */
  async evaluate(em: EntityManager, userId: number, lines: CheckoutLineInput[]): Promise<EvaluatedCoupon[]> {
    const now = new Date();
    const rows = await em.find(UserCouponEntity, {
      where: { userId, status: 'AVAILABLE', validTo: MoreThan(now) },
      order: { validTo: 'ASC' },
      take: 100,
    });
    const templates = await this.templatesById(
      rows.map((r) => r.templateId),
      em,
    );
    const result = rows.map((r): EvaluatedCoupon => {
      const t = templates.get(r.templateId)!;
      const eligible = lines.map((l) => (inScope(t, l.productId, l.categoryId) ? l.goodsFen : 0));
      const base = eligible.reduce((a, b) => a + b, 0);
      const discount = couponDiscount(t, base);
      let reason: string | null = null;
      if (r.validFrom > now) reason = `${beijingDate(r.validFrom)} 起可用`;
      else if (base === 0) reason = '本单商品不在该券适用范围内';
      else if (discount === 0 && t.kind === 'THRESHOLD')
        reason = `还差 ¥${((t.thresholdFen - base) / 100).toFixed(2)} 可用`;
      else if (discount === 0) reason = '本单金额过低，无法使用';
      return {
        userCouponId: r.id,
        name: t.name,
        label: couponLabel(t),
        validTo: r.validTo.toISOString(),
        discount: reason ? 0 : discount,
        usable: reason === null,
        reason,
        eligible,
      };
    });
    // usable first, the biggest discount first, then the one expiring soonest
    return result.sort((a, b) => Number(b.usable) - Number(a.usable) || b.discount - a.discount);
  }

  /** AVAILABLE → LOCKED by the new unpaid order; false if it is no longer available. */
  async lock(em: EntityManager, userId: number, userCouponId: number, orderId: number): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(UserCouponEntity)
      .set({ status: 'LOCKED', orderId })
      .where({ id: userCouponId, userId, status: 'AVAILABLE', validTo: MoreThan(new Date()) })
      .execute();
    return res.affected === 1;
  }

  /** Payment consumes the order's coupon: LOCKED → USED. */
  async consume(em: EntityManager, orderId: number): Promise<void> {
    await em.update(UserCouponEntity, { orderId, status: 'LOCKED' }, { status: 'USED', usedAt: new Date() });
  }

  /** Cancel or expiry gives it back: LOCKED → AVAILABLE. */
  async release(em: EntityManager, orderId: number): Promise<void> {
    await em.update(UserCouponEntity, { orderId, status: 'LOCKED' }, { status: 'AVAILABLE', orderId: null });
  }

  /** The refund policy (COUPON_RETURN_ON_REFUND): a wholly refunded order's coupon, if still valid. */
  async returnAfterRefund(em: EntityManager, orderId: number): Promise<void> {
    await em.update(
      UserCouponEntity,
      { orderId, status: 'USED', validTo: MoreThan(new Date()) },
      { status: 'AVAILABLE', orderId: null, usedAt: null },
    );
  }

  private checkClaimable(t: CouponTemplateEntity | null): CouponTemplateEntity {
    if (!t) throw Errors.COUPON_NOT_FOUND();
    if (!t.issuing || (t.validTo && t.validTo <= new Date())) {
      throw Errors.COUPON_NOT_ISSUING(`"${t.name}" is no longer being issued`);
    }
    if (t.claimedCount >= t.totalQuantity) {
      throw Errors.COUPON_SOLD_OUT(`"${t.name}" has all been claimed`);
    }
    return t;
  }

  private async templatesById(
    ids: number[],
    em: EntityManager = this.tx.manager,
  ): Promise<Map<number, CouponTemplateEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await em.find(CouponTemplateEntity, { where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((t) => [t.id, t]));
  }
}

function inScope(t: CouponTemplateEntity, productId: number, categoryId: number): boolean {
  if (t.scope === 'ALL') return true;
  const ids = t.scopeIds ?? [];
  return t.scope === 'PRODUCTS' ? ids.includes(productId) : ids.includes(categoryId);
}

function beijingDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function toTemplate(t: CouponTemplateEntity): CouponTemplate {
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    thresholdFen: t.thresholdFen,
    amountFen: t.amountFen,
    percentOff: t.percentOff,
    maxDiscountFen: t.maxDiscountFen,
    scope: t.scope,
    scopeIds: t.scopeIds ?? [],
    validFrom: t.validFrom?.toISOString() ?? null,
    validTo: t.validTo?.toISOString() ?? null,
    validDays: t.validDays,
    totalQuantity: t.totalQuantity,
    claimedCount: t.claimedCount,
    perUserLimit: t.perUserLimit,
    issuing: Boolean(t.issuing),
    label: couponLabel(t),
  };
}

function toUserCoupon(r: UserCouponEntity, t: CouponTemplateEntity, now: Date): UserCoupon {
  return {
    id: r.id,
    templateId: r.templateId,
    name: t.name,
    label: couponLabel(t),
    kind: t.kind,
    thresholdFen: t.thresholdFen,
    amountFen: t.amountFen,
    percentOff: t.percentOff,
    maxDiscountFen: t.maxDiscountFen,
    status: r.status === 'AVAILABLE' && r.validTo <= now ? 'EXPIRED' : r.status,
    validFrom: r.validFrom.toISOString(),
    validTo: r.validTo.toISOString(),
    orderId: r.orderId,
  };
}
