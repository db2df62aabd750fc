import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AnalyticsRangeQuery,
  type AnalyticsTopQuery,
  type DailySalesReport,
  FUNNEL_STEPS,
  type FunnelReport,
  type TopKeywordsReport,
  type TopProductsReport,
} from '@sutwxapp/contracts';
import { DataSource, In } from 'typeorm';
import { ProductEntity } from '../../catalog/entities/product.entity';
import { EVENT_STORE, type EventStore } from '../event-store';
import { beijingDays, resolveRange } from './range';
import { SalesReportQuery } from '../../order/order-sales-report.query';
import { RefundReportQuery } from '../../payment/refund-report.query';

const DEFAULT_TOP = 10;

@Injectable()
export class AnalyticsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly sales: SalesReportQuery,
    private readonly refunds: RefundReportQuery,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Distinct shoppers per step in the range, each step's conversion relative to the one before.
   * Steps are counted independently (not "viewed, then added, then …" per user), which is what
   * the operators' dashboard shows and what both stores can aggregate cheaply.
   */
  async funnel(query: AnalyticsRangeQuery): Promise<FunnelReport> {
    const range = resolveRange(query);
    const users = await this.store.distinctUsersByType(FUNNEL_STEPS, range);
    let previous: number | null = null;
    const steps = FUNNEL_STEPS.map((step) => {
      const n = users.get(step) ?? 0;
      const conversion = previous === null ? 1 : previous === 0 ? 0 : Math.round((n / previous) * 10_000) / 10_000;
      previous = n;
      return { step, users: n, conversion };
    });
    return { from: range.from.toISOString(), to: range.to.toISOString(), steps };
  }

  async topProducts(query: AnalyticsTopQuery): Promise<TopProductsReport> {
    const range = resolveRange(query);
    const top = await this.store.topProducts(range, query.limit ?? DEFAULT_TOP);
    const titles = await this.productTitles(top.map((t) => t.productId));
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      items: top.map((t) => ({ productId: t.productId, title: titles.get(t.productId) ?? null, views: t.views })),
    };
  }

  async topKeywords(query: AnalyticsTopQuery): Promise<TopKeywordsReport> {
    const range = resolveRange(query);
    const items = await this.store.topKeywords(range, query.limit ?? DEFAULT_TOP);
    return { from: range.from.toISOString(), to: range.to.toISOString(), items };
  }

  async dailySales(query: AnalyticsRangeQuery): Promise<DailySalesReport> {
    const range = resolveRange(query);
    const [totals, refunds] = await Promise.all([this.sales.byBeijingDay(range), this.refunds.byBeijingDay(range)]);
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      days: beijingDays(range).map((date) => {
        const sold = totals.get(date) ?? { orders: 0, paidOrders: 0, gmv: 0 };
        const back = refunds.get(date) ?? { refunds: 0, refunded: 0 };
        return { date, ...sold, ...back, net: sold.gmv - back.refunded };
      }),
    };
  }

  /** Titles for the report (a deleted product keeps its views and shows no title). */
  private async productTitles(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource
      .getRepository(ProductEntity)
      .find({ where: { id: In(ids) }, select: { id: true, title: true } });
    return new Map(rows.map((p) => [p.id, p.title]));
  }
}
