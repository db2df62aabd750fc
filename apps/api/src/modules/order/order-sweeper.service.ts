import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OrderStatus } from '@sutwxapp/contracts';
import { LessThanOrEqual, Repository } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OrderEntity } from './entities/order.entity';
import { OrderHooks } from './order-hooks';
import { OrderLifecycleService } from './order-lifecycle.service';
import type { OrderRecord } from './order-record';
import { everyInterval } from '../../observability/request-context';

const BATCH = 200;

/**
 * Time-based transitions. All state lives in the database and every transition is conditional,
 * so any number of replicas can sweep at once and a restart loses nothing.
 */
@Injectable()
export class OrderSweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrderSweeperService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    private readonly lifecycle: OrderLifecycleService,
    private readonly hooks: OrderHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = everyInterval('order-sweeper', this.config.order.sweepIntervalMs, () =>
      this.runOnce().catch((err: Error) => this.logger.warn(`sweep failed: ${err.message}`)),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; `now` is injectable so tests can move time forward without waiting. */
  async runOnce(now = new Date()): Promise<{ expired: number; completed: number }> {
    if (this.running) await this.running.catch(() => undefined);
    let result = { expired: 0, completed: 0 };
    this.running = (async () => {
      result = { expired: await this.expireUnpaid(now), completed: await this.autoComplete(now) };
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    return result;
  }

  private async expireUnpaid(now: Date): Promise<number> {
    const due = await this.orders.find({
      where: { status: OrderStatus.PENDING_PAYMENT, payDeadline: LessThanOrEqual(now) },
      order: { payDeadline: 'ASC' },
      take: BATCH,
    });
    let expired = 0;
    for (const order of due) {
      try {
        if ((await this.lifecycle.cancel(order, 'payment_timeout')) === 'cancelled') expired++;
      } catch (err) {
        this.logger.warn(`could not expire order ${order.orderNo}: ${(err as Error).message}`);
      }
    }
    return expired;
  }

  private async autoComplete(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.order.autoConfirmDays * 86_400_000);
    const byDays = await this.orders.find({
      where: { status: OrderStatus.SHIPPED, shippedAt: LessThanOrEqual(cutoff) },
      take: BATCH,
    });
    const candidates: Array<{ order: OrderRecord; reason: string }> = byDays.map((order) => ({
      order,
      reason: 'auto_confirm_days',
    }));
    // rules other features contribute (@CompletionRule providers, e.g. "tracking says signed")
    for (const { name, rule } of this.hooks.completionRules) {
      for (const order of await rule.due(now)) candidates.push({ order, reason: name });
    }
    let completed = 0;
    for (const { order, reason } of candidates) {
      if (await this.lifecycle.complete(order, reason)) completed++;
    }
    return completed;
  }
}
