import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OrderStatus, type OrderSummary } from '@sutwxapp/contracts';
import { Repository } from 'typeorm';
import { OrderEntity } from './entities/order.entity';

/** Order counts per state for one shopper: one GROUP BY on the shopper's own rows. */
@Injectable()
export class OrderSummaryService {
  constructor(@InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>) {}

  async summarise(userId: number): Promise<OrderSummary> {
    const rows = await this.orders
      .createQueryBuilder('o')
      .select('o.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('o.userId = :userId', { userId })
      .groupBy('o.status')
      .getRawMany<{ status: OrderStatus; count: string | number }>();
    const byStatus = Object.fromEntries(Object.values(OrderStatus).map((s) => [s, 0])) as Record<OrderStatus, number>;
    // MariaDB answers COUNT(*) as a string (BIGINT), SQLite as a number
    for (const row of rows) if (row.status in byStatus) byStatus[row.status] = Number(row.count);
    return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
  }
}
