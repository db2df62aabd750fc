import { Injectable } from '@nestjs/common';
import type { OrderStatus } from '@sutwxapp/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionService } from '../../database/transaction.service';
import { OrderEntity } from './entities/order.entity';
import { OrderItemEntity } from './entities/order-item.entity';

export interface OrderLineRead {
  skuId: number;
  productId: number;
  title: string;
  unitPrice: number;
  quantity: number;
}

export interface OrderRead {
  id: number;
  orderNo: string;
  userId: number;
  status: OrderStatus;
  goodsAmount: number;
  freightAmount: number;
  payableAmount: number;
  paidAt: Date | null;
  shippedAt: Date | null;
  completedAt: Date | null;
  lines: OrderLineRead[];
}

/**
 * Narrow reads of orders for other features (after-sale, promotions), so they never import the
 * order entities. Owner scoping is part of the query where a shopper asks.
 */
@Injectable()
export class OrderReadsService {
  constructor(private readonly tx: TransactionService) {}

  /** The order with its lines; `userId` scopes it to its shopper (null: any order, for operators). */
  async orderWithLines(
    orderId: number,
    userId: number | null,
    em: EntityManager = this.tx.manager,
  ): Promise<OrderRead | null> {
    const order = await em.findOne(OrderEntity, { where: userId === null ? { id: orderId } : { id: orderId, userId } });
    if (!order) return null;
    const items = await em.find(OrderItemEntity, { where: { orderId }, order: { id: 'ASC' } });
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
        unitPrice: i.unitPrice,
        quantity: i.quantity,
      })),
    };
  }
}
