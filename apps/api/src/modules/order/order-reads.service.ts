import { Inject, Injectable } from '@nestjs/common';
import { OrderStatus, type ReviewableItem, type SpecValues } from '@sutwxapp/contracts';
import { type EntityManager, In, MoreThan } from 'typeorm';
import { publicUrl } from '../../common/public-url';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import { OrderEntity } from './entities/order.entity';
import { OrderItemEntity } from './entities/order-item.entity';
import type { OrderRecord } from './order-record';

export interface OrderLineRead {
  skuId: number;
  productId: number;
  title: string;
  specs: SpecValues;
  /** the line's picture (240 px URL), or null */
  image: string | null;
  unitPrice: number;
  quantity: number;
}

export interface OrderRead extends Pick<
  OrderRecord,
  | 'id'
  | 'orderNo'
  | 'userId'
  | 'status'
  | 'goodsAmount'
  | 'freightAmount'
  | 'payableAmount'
  | 'paidAt'
  | 'shippedAt'
  | 'completedAt'
> {
  lines: OrderLineRead[];
}

/** One line of a shopper's order with what features built on orders need to know about it. */
export interface ReviewableLine extends Pick<
  ReviewableItem,
  'orderId' | 'orderNo' | 'orderItemId' | 'productId' | 'skuId' | 'title' | 'specs' | 'image'
> {
  status: OrderStatus;
  completedAt: Date | null;
}

/**
 * Narrow reads of orders for other features (after-sale, promotions, reviews), so they never import the
 * order entities. Owner scoping is part of the query where a shopper asks.
 */
@Injectable()
export class OrderReadsService {
  constructor(
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The order with its lines; `userId` scopes it to its shopper (null: any order, for operators). */
  async orderWithLines(
    orderId: number,
    userId: number | null,
    em: EntityManager = this.tx.manager,
  ): Promise<OrderRead | null> {
    const order = await em.findOne(OrderEntity, { where: userId === null ? { id: orderId } : { id: orderId, userId } });
    if (!order) return null;
    const items = await em.find(OrderItemEntity, { where: { orderId }, order: { id: 'ASC' } });
    return this.read(order, items);
  }

  /** Several orders with their lines in two queries (operators' lists), by order id. */
  async ordersWithLines(orderIds: number[]): Promise<Map<number, OrderRead>> {
    const ids = [...new Set(orderIds)];
    if (ids.length === 0) return new Map();
    const [orders, items] = await Promise.all([
      this.tx.manager.find(OrderEntity, { where: { id: In(ids) } }),
      this.tx.manager.find(OrderItemEntity, { where: { orderId: In(ids) }, order: { id: 'ASC' } }),
    ]);
    return new Map(
      orders.map((o) => [
        o.id,
        this.read(
          o,
          items.filter((i) => i.orderId === o.id),
        ),
      ]),
    );
  }

  private read(order: OrderEntity, items: OrderItemEntity[]): OrderRead {
    return {
      id: order.id,
      orderNo: order.orderNo,
      userId: order.userId,
      status: order.status,
      goodsAmount: order.goodsAmount,
      freightAmount: order.freightAmount,
      payableAmount: order.payableAmount,
      paidAt: order.paidAt,
      shippedAt: order.shippedAt,
      completedAt: order.completedAt,
      lines: items.map((i) => ({
        skuId: i.skuId,
        productId: i.productId,
        title: i.title,
        specs: i.specs,
        image: publicUrl(this.config, i.image, 240),
        unitPrice: i.unitPrice,
        quantity: i.quantity,
      })),
    };
  }

  /** One line of one of the shopper's orders, or null (absent, or someone else's). */
  async lineOf(userId: number, orderItemId: number): Promise<ReviewableLine | null> {
    const item = await this.tx.manager.findOneBy(OrderItemEntity, { id: orderItemId });
    if (!item) return null;
    const order = await this.tx.manager.findOneBy(OrderEntity, { id: item.orderId, userId });
    return order ? this.line(order, item) : null;
  }

  /** Lines of the shopper's orders completed after `since`, newest completion first. */
  async completedLinesSince(userId: number, since: Date, limit = 200): Promise<ReviewableLine[]> {
    const orders = await this.tx.manager.find(OrderEntity, {
      where: { userId, status: OrderStatus.COMPLETED, completedAt: MoreThan(since) },
      order: { completedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    if (orders.length === 0) return [];
    const byId = new Map(orders.map((o) => [o.id, o]));
    const items = await this.tx.manager
      .getRepository(OrderItemEntity)
      .createQueryBuilder('i')
      .where('i.orderId IN (:...ids)', { ids: orders.map((o) => o.id) })
      .orderBy('i.id', 'ASC')
      .getMany();
    const lines = items.map((i) => this.line(byId.get(i.orderId) as OrderEntity, i));
    return lines.sort(
      (a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0) || b.orderId - a.orderId,
    );
  }

  private line(order: OrderEntity, item: OrderItemEntity): ReviewableLine {
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
