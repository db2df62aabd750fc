import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { beijingDaySql } from '../../database/beijing-day';
import { OrderEntity } from './entities/order.entity';

/** [from, to) */
export interface TimeRange {
  from: Date;
  to: Date;
}

export interface DayTotals {
  orders: number;
  paidOrders: number;
  gmv: number;
}

/**
 * Daily orders and GMV for the analytics reports, from the orders table, the source of truth for
 * money (events may be dropped or expired; orders never are). It lives in order/ and is exported
 * by the order module, so only order/ touches the order tables. Days are grouped in SQL, in Beijing time (beijingDaySql).
 */
@Injectable()
export class SalesReportQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byBeijingDay(range: TimeRange): Promise<Map<string, DayTotals>> {
    const totals = new Map<string, DayTotals>();
    const at = (day: string): DayTotals => {
      let t = totals.get(day);
      if (!t) totals.set(day, (t = { orders: 0, paidOrders: 0, gmv: 0 }));
      return t;
    };
    const created = await this.grouped('created_at', range)
      .addSelect('COUNT(*)', 'n')
      .getRawMany<{ day: string; n: number | string }>();
    for (const r of created) at(r.day).orders = Number(r.n);
    const paid = await this.grouped('paid_at', range)
      .addSelect('COUNT(*)', 'n')
      .addSelect('COALESCE(SUM(o.payable_amount), 0)', 'gmv')
      .getRawMany<{ day: string; n: number | string; gmv: number | string }>();
    for (const r of paid) {
      at(r.day).paidOrders = Number(r.n);
      at(r.day).gmv = Number(r.gmv);
    }
    return totals;
  }

  private grouped(column: 'created_at' | 'paid_at', range: TimeRange) {
    const day = beijingDaySql(this.dataSource, `o.${column}`);
    return this.dataSource
      .createQueryBuilder()
      .from(OrderEntity, 'o')
      .select(day, 'day')
      .where(`o.${column} >= :from AND o.${column} < :to`, { from: range.from, to: range.to })
      .groupBy(day);
  }
}
