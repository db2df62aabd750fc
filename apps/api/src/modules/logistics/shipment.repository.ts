import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrderStatus } from '@sutwxapp/contracts';
import { DataSource, IsNull, LessThanOrEqual, MoreThan, Not, type Repository } from 'typeorm';
import { OrderEntity } from '../order/entities/order.entity';

/**
 * The shipment columns of the orders table (carrier, number, signed_at), which the order
 * feature created for logistics. Status changes still go only through OrderTransitionsService;
 * this touches `signed_at`, a fact about the parcel, and reads orders for the signed rule.
 */
@Injectable()
export class ShipmentRepository {
  private readonly orders: Repository<OrderEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.orders = dataSource.getRepository(OrderEntity);
  }

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
  signedBefore(cutoff: Date, limit: number): Promise<OrderEntity[]> {
    return this.orders.find({
      where: { status: OrderStatus.SHIPPED, signedAt: LessThanOrEqual(cutoff) },
      order: { signedAt: 'ASC' },
      take: limit,
    });
  }

  /** Shipped, not yet seen signed, shipped at or before `shippedBefore`; walks by id from `afterId`. */
  unsigned(afterId: number, shippedBefore: Date, limit: number): Promise<OrderEntity[]> {
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
