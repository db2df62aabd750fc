import type { CouponKind, CouponScope, UserCouponStatus } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('coupon_templates')
export class CouponTemplateEntity {
  @IdColumn() id!: number;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CouponKind;

  @IntColumn('threshold_fen', { default: 0 }) thresholdFen!: number;
  @IntColumn('amount_fen', { default: 0 }) amountFen!: number;
  @IntColumn('percent_off', { default: 0 }) percentOff!: number;
  @IntColumn('max_discount_fen', { default: 0 }) maxDiscountFen!: number;

  @Column({ type: 'varchar', length: 16, default: 'ALL' })
  scope!: CouponScope;

  @Column({ name: 'scope_ids', type: 'simple-json', nullable: true })
  scopeIds!: number[] | null;

  @DateTimeColumn('valid_from', { nullable: true }) validFrom!: Date | null;
  @DateTimeColumn('valid_to', { nullable: true }) validTo!: Date | null;
  @IntColumn('valid_days', { nullable: true }) validDays!: number | null;
  @IntColumn('total_quantity') totalQuantity!: number;
  @IntColumn('claimed_count', { default: 0 }) claimedCount!: number;
  @IntColumn('per_user_limit', { default: 1 }) perUserLimit!: number;

  @Column({ type: 'boolean', default: true })
  issuing!: boolean;

  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}

@Entity('user_coupons')
export class UserCouponEntity {
  @IdColumn() id!: number;
  @IntColumn('template_id') templateId!: number;
  @IntColumn('user_id') userId!: number;

  @Column({ type: 'varchar', length: 16, default: 'AVAILABLE' })
  status!: Exclude<UserCouponStatus, 'EXPIRED'>;

  @IntColumn('order_id', { nullable: true }) orderId!: number | null;
  @DateTimeColumn('valid_from') validFrom!: Date;
  @DateTimeColumn('valid_to') validTo!: Date;
  @DateTimeColumn('used_at', { nullable: true }) usedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}

/** One order line's money: what the coupon and the points took off it, and what was paid. */
@Entity('order_line_shares')
export class OrderLineShareEntity {
  @IdColumn() id!: number;
  @IntColumn('order_id') orderId!: number;
  @IntColumn('sku_id') skuId!: number;
  @IntColumn() quantity!: number;
  @IntColumn('goods_fen') goodsFen!: number;
  @IntColumn('coupon_fen', { default: 0 }) couponFen!: number;
  @IntColumn('points_fen', { default: 0 }) pointsFen!: number;
  @IntColumn('points_used', { default: 0 }) pointsUsed!: number;
  @IntColumn('paid_fen') paidFen!: number;
  @IntColumn('user_coupon_id', { nullable: true }) userCouponId!: number | null;
  @IntColumn('refunded_qty', { default: 0 }) refundedQty!: number;
  @IntColumn('refunded_fen', { default: 0 }) refundedFen!: number;
}
