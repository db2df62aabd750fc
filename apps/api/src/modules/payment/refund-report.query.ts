import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { beijingDaySql } from '../../database/beijing-day';
import { RefundEntity } from './entities/refund.entity';

export interface DayRefunds {
  refunds: number;
  refunded: number;
}

/**
 * Money given back per Beijing day, for the analytics reports: refunds that succeeded that day
 * (by WeChat Pay's success, not the request), whole-order and after-sale alike. A payment that
 * arrived after its order was cancelled is refunded too, but that order was never counted as paid,
 * so it is left out here as well: the figure offsets paid GMV and nothing else.
 */
@Injectable()
export class RefundReportQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byBeijingDay(range: { from: Date; to: Date }): Promise<Map<string, DayRefunds>> {
    const day = beijingDaySql(this.dataSource, 'r.succeeded_at');
    const rows = await this.dataSource
      .createQueryBuilder()
      .from(RefundEntity, 'r')
      .select(day, 'day')
      .addSelect('COUNT(*)', 'n')
      .addSelect('COALESCE(SUM(r.amount), 0)', 'amount')
      .where('r.status = :status', { status: 'SUCCESS' })
      .andWhere('r.kind <> :excluded', { excluded: 'paid_after_cancel' })
      .andWhere('r.succeeded_at >= :from AND r.succeeded_at < :to', { from: range.from, to: range.to })
      .groupBy(day)
      .getRawMany<{ day: string; n: number | string; amount: number | string }>();
    return new Map(rows.map((r) => [r.day, { refunds: Number(r.n), refunded: Number(r.amount) }]));
  }
}
