import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OrderStatus, type SpecValues } from '@sutwxapp/contracts';
import { MoreThan, Repository } from 'typeorm';
import { publicUrl } from '../../common/public-url';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OrderItemEntity } from './entities/order-item.entity';
import { OrderEntity } from './entities/order.entity';

/** One line of a shopper's order with what features built on orders need to know about it. */
export interface OrderLineRead {
  orderId: number;
  orderNo: string;
  status: OrderStatus;
  completedAt: Date | null;
  orderItemId: number;
  productId: number;
  skuId: number;
  title: string;
  specs: SpecValues;
  image: string | null;
}

/**
 * Narrow reads of orders for other features (reviews, promotions), so they never import the
 * order entities. Every method is scoped to the shopper in the query itself.
 */
@Injectable()
export class OrderReadsService {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(OrderItemEntity) private readonly items: Repository<OrderItemEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One line of one of the shopper's orders, or null (absent, or someone else's). */
  async lineOf(userId: number, orderItemId: number): Promise<OrderLineRead | null> {
    const item = await this.items.findOneBy({ id: orderItemId });
    if (!item) return null;
    const order = await this.orders.findOneBy({ id: item.orderId, userId });
    return order ? this.line(order, item) : null;
  }

  /** Lines of the shopper's orders completed after `since`, newest completion first. */
  async completedLinesSince(userId: number, since: Date, limit = 200): Promise<OrderLineRead[]> {
    const orders = await this.orders.find({
      where: { userId, status: OrderStatus.COMPLETED, completedAt: MoreThan(since) },
      order: { completedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    if (orders.length === 0) return [];
    const byId = new Map(orders.map((o) => [o.id, o]));
    const items = await this.items
      .createQueryBuilder('i')
      .where('i.orderId IN (:...ids)', { ids: orders.map((o) => o.id) })
      .orderBy('i.id', 'ASC')
      .getMany();
    const lines = items.map((i) => this.line(byId.get(i.orderId) as OrderEntity, i));
    return lines.sort(
      (a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0) || b.orderId - a.orderId,
    );
  }

  private line(order: OrderEntity, item: OrderItemEntity): OrderLineRead {
    return {
      orderId: order.id,
      orderNo: order.orderNo,
      status: order.status,
      completedAt: order.completedAt,
      orderItemId: item.id,
      productId: item.productId,
      skuId: item.skuId,
      title: item.title,
      specs: item.specs,
      image: publicUrl(this.config, item.image, 240),
    };
  }
}
