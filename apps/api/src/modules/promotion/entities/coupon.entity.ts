import type { CouponKind, CouponScope, UserCouponStatus } from '@sutwxapp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('coupon_templates')
export class CouponTemplateEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CouponKind;

  @Column({ name: 'threshold_fen', type: 'integer', default: 0 })
  thresholdFen!: number;

  @Column({ name: 'amount_fen', type: 'integer', default: 0 })
  amountFen!: number;

  @Column({ name: 'percent_off', type: 'integer', default: 0 })
  percentOff!: number;

  @Column({ name: 'max_discount_fen', type: 'integer', default: 0 })
  maxDiscountFen!: number;

  @Column({ type: 'varchar', length: 16, default: 'ALL' })
  scope!: CouponScope;

  @Column({ name: 'scope_ids', type: 'simple-json', nullable: true })
  scopeIds!: number[] | null;

  @Column({ name: 'valid_from', type: 'datetime', precision: 3, nullable: true })
  validFrom!: Date | null;

  @Column({ name: 'valid_to', type: 'datetime', precision: 3, nullable: true })
  validTo!: Date | null;

  @Column({ name: 'valid_days', type: 'integer', nullable: true })
  validDays!: number | null;

  @Column({ name: 'total_quantity', type: 'integer' })
  totalQuantity!: number;

  @Column({ name: 'claimed_count', type: 'integer', default: 0 })
  claimedCount!: number;

  @Column({ name: 'per_user_limit', type: 'integer', default: 1 })
  perUserLimit!: number;

  @Column({ type: 'boolean', default: true })
  issuing!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

@Entity('user_coupons')
export class UserCouponEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'template_id', type: 'integer' })
  templateId!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ type: 'varchar', length: 16, default: 'AVAILABLE' })
  status!: Exclude<UserCouponStatus, 'EXPIRED'>;

  @Column({ name: 'order_id', type: 'integer', nullable: true })
  orderId!: number | null;

  @Column({ name: 'valid_from', type: 'datetime', precision: 3 })
  validFrom!: Date;

  @Column({ name: 'valid_to', type: 'datetime', precision: 3 })
  validTo!: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

/** One order line's money: what the coupon and the points took off it, and what was paid. */
@Entity('order_line_shares')
export class OrderLineShareEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'integer' })
  orderId!: number;

  @Column({ name: 'sku_id', type: 'integer' })
  skuId!: number;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'goods_fen', type: 'integer' })
  goodsFen!: number;

  @Column({ name: 'coupon_fen', type: 'integer', default: 0 })
  couponFen!: number;

  @Column({ name: 'points_fen', type: 'integer', default: 0 })
  pointsFen!: number;

  @Column({ name: 'points_used', type: 'integer', default: 0 })
  pointsUsed!: number;

  @Column({ name: 'paid_fen', type: 'integer' })
  paidFen!: number;

  @Column({ name: 'user_coupon_id', type: 'integer', nullable: true })
  userCouponId!: number | null;

  @Column({ name: 'refunded_qty', type: 'integer', default: 0 })
  refundedQty!: number;

  @Column({ name: 'refunded_fen', type: 'integer', default: 0 })
  refundedFen!: number;
}
