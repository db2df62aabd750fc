import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type AdminOrder, type Order, OrderStatus } from '@sutwxapp/contracts';
import { IsNull, LessThanOrEqual, MoreThan, Not, Repository, type EntityManager } from 'typeorm';
import { OrderEntity } from './entities/order.entity';
import { OrderItemEntity } from './entities/order-item.entity';
import { OrderParcelEntity } from './entities/order-parcel.entity';
import { AdminOrderQueryService } from './admin-order-query.service';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrderQueryService } from './order-query.service';
import type { OrderPatch, OrderRecord, ShippedParcel, TransitionContext } from './order-record';
import type { OrderTransition } from './order-state';
import { OrderTransitionsService } from './order-transitions.service';

/**
 * What other features (payment, refund, logistics, later after-sale) may do with an order. They
 * request transitions here and read what they need; the order's rows are written only inside
 * order/. Reads answer 404 ORDER_NOT_FOUND like the order routes; `findOwned` scopes by owner.
 */
@Injectable()
export class OrderPort {
  constructor(
    private readonly transitions: OrderTransitionsService,
    private readonly query: OrderQueryService,
    private readonly lifecycle: OrderLifecycleService,
    private readonly admin: AdminOrderQueryService,
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(OrderItemEntity) private readonly items: Repository<OrderItemEntity>,
  ) {}

  /**
   * Moves the order along the order process (order-state.ts) on the caller's transaction and runs
   * the transition's effects. False when the order was not in a `from` state.
   */
  transition(
    em: EntityManager,
    orderId: number,
    name: OrderTransition,
    patch: OrderPatch = {},
    context: TransitionContext = {},
  ): Promise<boolean> {
    return this.transitions.transition(em, orderId, name, patch, context);
  }

  /** `transition`, but 404/409 ILLEGAL_ORDER_STATE when it cannot happen. */
  require(
    em: EntityManager,
    orderId: number,
    name: OrderTransition,
    patch: OrderPatch = {},
    context: TransitionContext = {},
  ): Promise<void> {
    return this.transitions.require(em, orderId, name, patch, context);
  }

  /**
   * PAID → SHIPPED with every parcel, on the caller's transaction: the order row names the first
   * parcel (tracking and the signed-for rule follow it), `order_parcels` holds them all, and
   * order_shipped carries them all after the commit. 404/409 like `require`.
   */
  async ship(em: EntityManager, orderId: number, parcels: ShippedParcel[], shippedAt = new Date()): Promise<void> {
    const [first] = parcels;
    await this.transitions.require(
      em,
      orderId,
      'ship',
      { shippedAt, carrierCode: first.carrierCode, trackingNo: first.trackingNo },
      { parcels },
    );
    // only the transition's winner gets here, so the parcels are written once
    await em.insert(
      OrderParcelEntity,
      parcels.map((p, i) => ({ orderId, seq: i + 1, ...p, shippedAt })),
    );
  }

  /** The parcels a shipped order went out in (the order row's one for orders shipped before parcels). */
  parcelsOf(order: OrderRecord): Promise<ShippedParcel[]> {
    return this.query.parcelsOf(order);
  }

  /** Locks the order row for the caller's transaction while it is unpaid (prepay vs cancel). */
  lockIfPending(em: EntityManager, orderId: number): Promise<boolean> {
    return this.transitions.lockIfPending(em, orderId);
  }

  /** SHIPPED → COMPLETED for a reason outside the order feature (WeChat's settlement push). */
  complete(order: OrderRecord, reason: string): Promise<boolean> {
    return this.lifecycle.complete(order, reason);
  }

  async statusOf(em: EntityManager, orderId: number): Promise<OrderStatus | null> {
    const row = await em.findOne(OrderEntity, { where: { id: orderId }, select: { id: true, status: true } });
    return row?.status ?? null;
  }

  find(orderId: number): Promise<OrderRecord> {
    return this.query.findEntity(orderId);
  }

  findOwned(userId: number, orderId: number): Promise<OrderRecord> {
    return this.query.findOwnedEntity(userId, orderId);
  }

  findByOrderNo(orderNo: string): Promise<OrderRecord | null> {
    return this.query.findByOrderNo(orderNo);
  }

  getAny(orderId: number): Promise<Order> {
    return this.query.getAny(orderId);
  }

  /** The operators' view of an order (admin routes of other features answer it). */
  getAdmin(orderId: number): Promise<AdminOrder> {
    return this.admin.get(orderId);
  }

  toDto(order: OrderRecord): Promise<Order> {
    return this.query.toDto(order);
  }

  /** The line titles in order (the payment's description). */
  async itemTitles(orderId: number): Promise<string[]> {
    const items = await this.items.find({
      where: { orderId },
      order: { id: 'ASC' },
      select: { id: true, title: true },
    });
    return items.map((i) => i.title);
  }

  // The parcel's facts on the order row (signed_at): logistics records and reads them here.

  /** First signed time wins; conditional, so racing readers and replicas write it once. */
  async markSigned(orderId: number, signedAt: Date): Promise<boolean> {
    const result = await this.orders
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ signedAt })
      .where({ id: orderId, signedAt: IsNull() })
      .execute();
    return result.affected === 1;
  }

  /** Shipped orders signed for at or before `cutoff`. */
  signedBefore(cutoff: Date, limit: number): Promise<OrderRecord[]> {
    return this.orders.find({
      where: { status: OrderStatus.SHIPPED, signedAt: LessThanOrEqual(cutoff) },
      order: { signedAt: 'ASC' },
      take: limit,
    });
  }

  /** Shipped, not yet seen signed, shipped at or before `shippedBefore`; walks by id from `afterId`. */
  unsigned(afterId: number, shippedBefore: Date, limit: number): Promise<OrderRecord[]> {
    return this.orders.find({
      where: {
        id: MoreThan(afterId),
        status: OrderStatus.SHIPPED,
        signedAt: IsNull(),
        shippedAt: LessThanOrEqual(shippedBefore),
        trackingNo: Not(IsNull()),
      },
      order: { id: 'ASC' },
      take: limit,
    });
  }
}
