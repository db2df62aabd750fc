import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OrderStatus } from '@sutwxapp/contracts';
import { IsNull, LessThan, Repository } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OrderPort } from '../order/order.port';
import { PaymentEntity } from './entities/payment.entity';
import { PaymentService } from './payment.service';
import { RefundService } from './refund.service';
import { everyInterval } from '../../observability/request-context';

/** A prepay older than this without a notification gets queried (notifications can be late or lost). */
const QUERY_AFTER_MS = 3 * 60_000;
const REQUERY_EVERY_MS = 60_000;

/**
 * The callback is not the only source of truth (spec §2.5): pending payments with an old prepay
 * are queried (also those of cancelled orders, whose WeChat order is closed or, if paid,
 * refunded), unsent refunds are resubmitted and unfinished ones are queried. State lives in the
 * database and every change is conditional, so several replicas may run this at once.
 */
@Injectable()
export class PaymentReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PaymentReconcilerService.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    @InjectRepository(PaymentEntity) private readonly payments: Repository<PaymentEntity>,
    private readonly paymentService: PaymentService,
    private readonly refunds: RefundService,
    private readonly orders: OrderPort,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // A failed pass (database away) must be caught here: an unhandled rejection would kill the process.
    this.timer = everyInterval('payment-reconciler', Math.max(this.config.order.sweepIntervalMs, 5000), () =>
      this.runOnce().catch((err: Error) => this.logger.warn(`reconciliation pass failed: ${err.message}`)),
    );
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(now = new Date()): Promise<{ queried: number; refundsChecked: number }> {
    if (this.running) return { queried: 0, refundsChecked: 0 };
    this.running = true;
    try {
      const stale = await this.payments.find({
        where: [
          { status: 'PENDING', createdAt: LessThan(new Date(now.getTime() - QUERY_AFTER_MS)), lastCheckedAt: IsNull() },
          {
            status: 'PENDING',
            createdAt: LessThan(new Date(now.getTime() - QUERY_AFTER_MS)),
            lastCheckedAt: LessThan(new Date(now.getTime() - REQUERY_EVERY_MS)),
          },
        ],
        take: 50,
      });
      let queried = 0;
      for (const payment of stale) {
        const order = await this.orders.find(payment.orderId);
        if (order.status === OrderStatus.PENDING_PAYMENT) {
          queried++;
          await this.paymentService
            .syncFromWechat(order)
            .catch((err: Error) => this.logger.warn(`query ${order.orderNo}: ${err.message}`));
        } else if (order.status === OrderStatus.CANCELLED) {
          // cancelled with a WeChat order that may still take money: query it until WeChat says
          // closed (row CLOSED) or paid (recorded and refunded automatically)
          queried++;
          await this.paymentService
            .settleCancelled(order)
            .catch((err: Error) => this.logger.warn(`settle cancelled ${order.orderNo}: ${err.message}`));
        }
      }
      const refunds = await this.refunds.stalled(new Date(now.getTime() - REQUERY_EVERY_MS));
      for (const refund of refunds) {
        await this.refunds
          .refresh(refund)
          .catch((err: Error) => this.logger.warn(`refund ${refund.outRefundNo}: ${err.message}`));
      }
      return { queried, refundsChecked: refunds.length };
    } finally {
      this.running = false;
    }
  }
}
