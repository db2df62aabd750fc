import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { HistoryPage } from '@sutwxapp/contracts';
import { In, Repository } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthService } from '../auth/auth.service';
import { ProductReadsService } from '../catalog/product-reads.service';
import { ProductViews } from '../catalog/product-views';
import type { PageQueryDto } from '../../common/page-query.dto';
import { HistoryEntity } from './entities/history.entity';
import { everyInterval } from '../../observability/request-context';

/**
 * Browsing history (footprints). The cached product detail route only notes views in memory
 * (ProductViews); every HISTORY_FLUSH_MS this service verifies the tokens, keeps the latest view
 * per shopper and product, upserts them in one statement and trims each shopper to HISTORY_LIMIT.
 * A replica that dies loses at most one interval of views: history is a convenience, not a record.
 */
@Injectable()
export class HistoryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HistoryService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectRepository(HistoryEntity) private readonly history: Repository<HistoryEntity>,
    private readonly views: ProductViews,
    private readonly auth: AuthService,
    private readonly products: ProductReadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = everyInterval('history-flush', this.config.engagement.historyFlushMs, () => this.flush());
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  /** Writes what was noted so far; one flush at a time (tests call it instead of waiting). */
  async flush(): Promise<number> {
    while (this.running) await this.running;
    const work = this.write().catch((err: Error) => {
      this.logger.warn(`browsing history flush failed: ${err.message}`);
      return 0;
    });
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = null;
    }
  }

  private async write(): Promise<number> {
    const noted = this.views.drain();
    if (noted.length === 0) return 0;
    const shopperOf = new Map<string, number | null>();
    const latest = new Map<string, { userId: number; productId: number; at: number }>();
    for (const v of noted) {
      if (!shopperOf.has(v.token)) shopperOf.set(v.token, this.auth.shopperOfToken(v.token));
      const userId = shopperOf.get(v.token);
      if (!userId) continue;
      const key = `${userId}:${v.productId}`;
      const seen = latest.get(key);
      if (!seen || seen.at < v.at) latest.set(key, { userId, productId: v.productId, at: v.at });
    }
    if (latest.size === 0) return 0;
    // views of ids that never existed (a 404 is noted too: the note comes before the lookup)
    const known = await this.products.titles([...new Set([...latest.values()].map((v) => v.productId))]);
    const rows = [...latest.values()]
      .filter((v) => known.has(v.productId))
      .map((v) => ({ userId: v.userId, productId: v.productId, viewedAt: new Date(v.at) }));
    if (rows.length === 0) return 0;
    await this.history
      .createQueryBuilder()
      .insert()
      .into(HistoryEntity)
      .values(rows)
      .orUpdate(['viewed_at'], ['user_id', 'product_id'])
      .execute();
    for (const userId of new Set(rows.map((r) => r.userId))) await this.trim(userId);
    return rows.length;
  }

  /** Keeps the newest HISTORY_LIMIT rows of a shopper. */
  private async trim(userId: number): Promise<void> {
    const beyond = await this.history.find({
      select: { id: true },
      where: { userId },
      order: { viewedAt: 'DESC', id: 'DESC' },
      skip: this.config.engagement.historyLimit,
      take: 1000,
    });
    if (beyond.length > 0) await this.history.delete({ id: In(beyond.map((r) => r.id)) });
  }

  async list(userId: number, query: PageQueryDto): Promise<HistoryPage> {
    const limit = this.config.engagement.historyLimit;
    const skip = (query.page - 1) * query.pageSize;
    const take = Math.min(query.pageSize, limit - skip);
    // (take 0 would mean "no limit" to TypeORM)
    const [rows, count] =
      take > 0
        ? await this.history.findAndCount({ where: { userId }, order: { viewedAt: 'DESC', id: 'DESC' }, skip, take })
        : [[], await this.history.countBy({ userId })];
    const cards = await this.products.cards(rows.map((r) => r.productId));
    return {
      items: rows.flatMap((r) => {
        const card = cards.get(r.productId);
        return card ? [{ ...card, viewedAt: r.viewedAt.toISOString() }] : [];
      }),
      total: Math.min(count, limit),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async remove(userId: number, productId: number): Promise<void> {
    await this.history.delete({ userId, productId });
  }

  async clear(userId: number): Promise<void> {
    await this.history.delete({ userId });
  }
}
