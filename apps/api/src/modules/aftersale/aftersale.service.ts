import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  type AfterSale,
  type AfterSaleListQuery,
  type AfterSaleOrderState,
  AfterSaleStatus,
  AFTERSALE_STATUS_TEXT,
  OrderStatus,
  type Tracking,
} from '@sutwxapp/contracts';
import { findCarrier } from '@sutwxapp/wechat';
import { In, type EntityManager } from 'typeorm';
import { DomainEvents } from '../../common/domain-events';
import { AppError, Errors } from '../../common/errors/app-error';
import { publicUrl, type PublicUrlConfig } from '../../common/public-url';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/db-errors';
import { insertRow } from '../../database/insert-row';
import { TransactionService } from '../../database/transaction.service';
import { InventoryService } from '../catalog/inventory.service';
import { TrackingService } from '../logistics/tracking.service';
import { MediaService } from '../media/media.service';
import { OrderReadsService } from '../order/order-reads.service';
import type { RefundEntity, RefundRowStatus } from '../payment/entities/refund.entity';
import { OnPartialRefundSettled, type PartialRefundListener } from '../payment/refund-hooks';
import { RefundService } from '../payment/refund.service';
import { LineSharesService } from '../promotion/line-shares.service';
import { SubscribeService } from '../wechat-platform/subscribe.service';
import type { CreateAfterSaleDto } from './dto/aftersale.dto';
import {
  AFTERSALE_TRANSITIONS,
  afterSaleOrderLabel,
  type AfterSaleTransition,
  illegalAfterSaleTransition,
  OPEN_STATES,
} from './aftersale-state';
import { AfterSaleEntity } from './entities/aftersale.entity';

const DAY_MS = 86_400_000;

/**
 * After-sale requests: per order line and quantity, refund only or return and refund. Every move
 * is a conditional UPDATE from the state table; the refund is the line's paid share for those
 * pieces (LineSharesService), created under the payment row lock (RefundService.createPartial)
 * in the same transaction, sent to WeChat Pay after commit, and finished by the refund
 * notification handling that already exists (onPartialRefundSettled).
 */
@Injectable()
@OnPartialRefundSettled()
export class AfterSaleService implements OnModuleInit, PartialRefundListener {
  private readonly logger = new Logger(AfterSaleService.name);
  /** requests refunded inside a refund transaction, told to the shopper once it has committed */
  private readonly refundedAwaitingNotice = new Set<number>();

  constructor(
    private readonly tx: TransactionService,
    private readonly orders: OrderReadsService,
    private readonly shares: LineSharesService,
    private readonly refunds: RefundService,
    private readonly inventory: InventoryService,
    private readonly media: MediaService,
    private readonly subscribe: SubscribeService,
    private readonly tracking: TrackingService,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A partial refund ended, inside the transaction that records it (RefundService). */
  async onPartialRefundSettled(em: EntityManager, refund: RefundEntity, status: RefundRowStatus): Promise<void> {
    if (refund.aftersaleId === null || status !== 'SUCCESS') return;
    if (await this.move(em, refund.aftersaleId, 'refunded')) this.refundedAwaitingNotice.add(refund.aftersaleId);
  }

  onModuleInit(): void {
    // published after the refund's transaction committed: the shopper hears "已退款" only then
    this.events.on('refund_succeeded', () => {
      for (const id of [...this.refundedAwaitingNotice]) {
        this.refundedAwaitingNotice.delete(id);
        this.notify(id);
      }
    });
  }

  async create(userId: number, dto: CreateAfterSaleDto): Promise<AfterSale> {
    const order = await this.orders.orderWithLines(dto.orderId, userId);
    if (!order) throw Errors.ORDER_NOT_FOUND();
    const allowed: OrderStatus[] = [OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED];
    if (!allowed.includes(order.status)) {
      throw Errors.AFTERSALE_NOT_ALLOWED(`An order that is ${order.status} takes no after-sale request`);
    }
    const windowEnd = order.completedAt
      ? order.completedAt.getTime() + this.config.promotion.aftersaleWindowDays * DAY_MS
      : Infinity;
    if (Date.now() > windowEnd) {
      throw Errors.AFTERSALE_NOT_ALLOWED(
        `After-sale requests close ${this.config.promotion.aftersaleWindowDays} days after the order completed`,
      );
    }
    const line = order.lines.find((l) => l.skuId === dto.skuId);
    if (!line) throw Errors.SKU_NOT_FOUND('This order has no such line');
    let id: number;
    try {
      id = await this.tx.run(async (em) => {
        const refundFen = await this.shares.quoteLine(em, order.id, line, dto.quantity);
        const remaining = await this.remainingPieces(em, order.id, line.skuId, line.quantity);
        if (dto.quantity > remaining || refundFen <= 0) {
          throw Errors.AFTERSALE_NOT_ALLOWED(`Only ${remaining} of this line can still be refunded`, {
            details: { remaining },
          });
        }
        const photos = await this.media.claimShopperPhotos(em, userId, dto.photos ?? [], 'photos');
        return insertRow(em, AfterSaleEntity, {
          orderId: order.id,
          userId,
          skuId: line.skuId,
          quantity: dto.quantity,
          type: dto.type,
          status: AfterSaleStatus.REQUESTED,
          reason: dto.reason.trim(),
          description: dto.description?.trim() || null,
          photos,
          refundFen,
          rejectReason: null,
          carrierCode: null,
          trackingNo: null,
          restocked: false,
          openKey: `${order.id}:${line.skuId}`,
          deadlineAt: new Date(Date.now() + this.config.promotion.aftersaleAutoApproveDays * DAY_MS),
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw Errors.AFTERSALE_ALREADY_OPEN();
      }
      throw err;
    }
    return this.get(id, userId);
  }

  async get(id: number, userId: number | null): Promise<AfterSale> {
    const row = await this.tx.manager.findOneBy(AfterSaleEntity, userId === null ? { id } : { id, userId });
    if (!row) throw Errors.AFTERSALE_NOT_FOUND();
    return toAfterSale(row, this.config);
  }

  /** The return parcel's tracking, like an outgoing parcel's (409 NOT_SHIPPED before it is sent). */
  async returnTracking(id: number, userId: number | null): Promise<Tracking> {
    const row = await this.tx.manager.findOneBy(AfterSaleEntity, userId === null ? { id } : { id, userId });
    if (!row) throw Errors.AFTERSALE_NOT_FOUND();
    if (!row.carrierCode || !row.trackingNo) {
      throw Errors.NOT_SHIPPED('The return has not been shipped yet', {
        details: { status: row.status },
      });
    }
    return this.tracking.forParcel(row.carrierCode, row.trackingNo);
  }

  async list(userId: number | null, query: AfterSaleListQuery): Promise<AfterSale[]> {
    const rows = await this.tx.manager.find(AfterSaleEntity, {
      where: {
        ...(userId === null ? {} : { userId }),
        ...(query.orderId ? { orderId: query.orderId } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      order: { id: 'DESC' },
      take: 100,
    });
    return rows.map((r) => toAfterSale(r, this.config));
  }

  /**
   * The after-sale state of each of the shopper's orders (the order list's badge): one item per
   * id asked, in that order; someone else's order reads as one without requests.
   */
  async stateByOrders(userId: number, orderIds: number[]): Promise<AfterSaleOrderState[]> {
    const ids = [...new Set(orderIds)];
    const rows = await this.tx.manager.find(AfterSaleEntity, {
      select: { id: true, orderId: true, status: true },
      where: { userId, orderId: In(ids) },
      order: { id: 'ASC' },
    });
    return ids.map((orderId) => {
      const mine = rows.filter((r) => r.orderId === orderId);
      const openCount = mine.filter((r) => OPEN_STATES.includes(r.status)).length;
      const refundedCount = mine.filter((r) => r.status === AfterSaleStatus.REFUNDED).length;
      const latestStatus = mine.length > 0 ? mine[mine.length - 1].status : null;
      return {
        orderId,
        openCount,
        refundedCount,
        latestStatus,
        latestStatusText: latestStatus ? AFTERSALE_STATUS_TEXT[latestStatus] : null,
        label: afterSaleOrderLabel(openCount, refundedCount, latestStatus),
      };
    });
  }

  /** Operator (or the timeout): approve. A refund-only request goes straight on to the refund. */
  async approve(id: number): Promise<AfterSale> {
    const refund = await this.tx.run(async (em) => {
      const row = await this.require(em, id, 'approve', {
        deadlineAt: new Date(Date.now() + this.config.promotion.aftersaleReturnShipDays * DAY_MS),
      });
      return row.type === 'REFUND_ONLY' ? this.startRefund(em, row) : null;
    });
    return this.finish(id, refund);
  }

  async reject(id: number, reason: string): Promise<AfterSale> {
    await this.tx.run((em) =>
      this.require(em, id, 'reject', { rejectReason: reason.trim(), openKey: null, deadlineAt: null }),
    );
    return this.finish(id, null, true);
  }

  async cancel(userId: number, id: number): Promise<AfterSale> {
    await this.get(id, userId);
    await this.tx.run((em) => this.require(em, id, 'cancel', { openKey: null, deadlineAt: null }));
    return this.get(id, userId);
  }

  async shipReturn(userId: number, id: number, carrierCode: string, trackingNo: string): Promise<AfterSale> {
    const current = await this.get(id, userId);
    if (current.type !== 'RETURN_REFUND') throw illegalAfterSaleTransition(current.status, 'shipReturn');
    if (!findCarrier(carrierCode)) {
      throw Errors.CARRIER_NOT_SUPPORTED(`Carrier ${carrierCode} is not supported (GET /logistics/carriers)`);
    }
    await this.tx.run((em) => this.require(em, id, 'shipReturn', { carrierCode, trackingNo, deadlineAt: null }));
    return this.get(id, userId);
  }

  /** Operator confirms the parcel came back; optionally restocks; then the refund. */
  async receiveReturn(id: number, restock: boolean): Promise<AfterSale> {
    const refund = await this.tx.run(async (em) => {
      const row = await this.require(em, id, 'receiveReturn', { restocked: restock });
      if (restock) await this.inventory.release(em, [{ skuId: row.skuId, quantity: row.quantity }]);
      return this.startRefund(em, { ...row, restocked: restock });
    });
    return this.finish(id, refund);
  }

  /** The timeouts, durable like the order sweepers: conditional updates, repeatable on any replica. */
  async sweep(now = new Date()): Promise<number> {
    const due = await this.tx.manager.find(AfterSaleEntity, {
      where: { status: In([AfterSaleStatus.REQUESTED, AfterSaleStatus.APPROVED]) },
      take: 200,
    });
    let moved = 0;
    for (const row of due.filter((r) => r.deadlineAt && r.deadlineAt <= now)) {
      try {
        if (row.status === AfterSaleStatus.REQUESTED) await this.approve(row.id);
        else if (row.type === 'RETURN_REFUND') {
          await this.tx.run((em) => this.require(em, row.id, 'close', { openKey: null, deadlineAt: null }));
          await this.finish(row.id, null, true);
        }
        moved++;
      } catch (err) {
        // another replica or the operator moved it first
        if (!(err instanceof AppError))
          this.logger.warn(`after-sale ${row.id} timeout failed: ${(err as Error).message}`);
      }
    }
    return moved;
  }

  private async startRefund(em: EntityManager, row: AfterSaleEntity): Promise<RefundEntity> {
    await this.require(em, row.id, 'startRefund', { deadlineAt: null });
    const order = (await this.orders.orderWithLines(row.orderId, null, em))!;
    const line = order.lines.find((l) => l.skuId === row.skuId)!;
    const { amount } = await this.shares.refundLine(
      em,
      row.userId,
      row.orderId,
      line,
      row.quantity,
      `aftersale:${row.id}`,
    );
    await em.update(AfterSaleEntity, { id: row.id }, { refundFen: amount });
    // pieces never shipped go back into stock with the refund; returned ones when received (restock)
    const neverShipped = order.status === OrderStatus.PAID;
    if (neverShipped) await this.inventory.release(em, [{ skuId: row.skuId, quantity: row.quantity }]);
    return this.refunds.createPartial(em, {
      orderId: row.orderId,
      amount,
      aftersaleId: row.id,
      skuId: row.skuId,
      restockedQty: neverShipped || row.restocked ? row.quantity : 0,
      reason: `售后退款：${row.reason}`.slice(0, 80),
    });
  }

  /**
   * After commit: send the refund to WeChat Pay, and tell the shopper a final result (rejected,
   * closed; refunded when the refund notification arrives) by subscribe message. Approval is not
   * sent on its own: one "allow" buys one message, best spent on the outcome.
   */
  private async finish(id: number, refund: RefundEntity | null, tell = false): Promise<AfterSale> {
    if (refund) await this.refunds.submit(refund);
    if (tell) this.notify(id);
    return this.get(id, null);
  }

  private notify(id: number): void {
    void this.tx.manager
      .findOneBy(AfterSaleEntity, { id })
      .then((row) => {
        if (!row) return;
        // one message per request and result: a second request on the same order is told too
        return this.subscribe.notify(
          'aftersale_result',
          { orderId: row.orderId, userId: row.userId },
          { status: AFTERSALE_STATUS_TEXT[row.status], remark: row.rejectReason ?? row.reason },
          `aftersale-${row.id}:${row.status}`,
        );
      })
      .catch((err: Error) => this.logger.warn(`after-sale ${id} notice not queued: ${err.message}`));
  }

  private async remainingPieces(em: EntityManager, orderId: number, skuId: number, lineQty: number): Promise<number> {
    const shares = await this.shares.shares(em, orderId);
    const share = shares.find((s) => s.skuId === skuId);
    return lineQty - (share?.refundedQty ?? 0);
  }

  private async move(
    em: EntityManager,
    id: number,
    transition: AfterSaleTransition,
    patch: Partial<AfterSaleEntity> = {},
  ): Promise<boolean> {
    const { from, to } = AFTERSALE_TRANSITIONS[transition];
    const final = to === AfterSaleStatus.REFUNDED ? { openKey: null } : {};
    const res = await em
      .createQueryBuilder()
      .update(AfterSaleEntity)
      .set({ ...patch, ...final, status: to, updatedAt: new Date() })
      .where({ id, status: In([...from]) })
      .execute();
    return res.affected === 1;
  }

  private async require(
    em: EntityManager,
    id: number,
    transition: AfterSaleTransition,
    patch: Partial<AfterSaleEntity> = {},
  ): Promise<AfterSaleEntity> {
    if (!(await this.move(em, id, transition, patch))) {
      const current = await em.findOneBy(AfterSaleEntity, { id });
      if (!current) throw Errors.AFTERSALE_NOT_FOUND();
      throw illegalAfterSaleTransition(current.status, transition);
    }
    return em.findOneByOrFail(AfterSaleEntity, { id });
  }
}

/** Photos are stored as media refs (`media:<id>/<hash>`) and answered as URLs the pages can show. */
export function toAfterSale(r: AfterSaleEntity, config: PublicUrlConfig): AfterSale {
  return {
    id: r.id,
    orderId: r.orderId,
    skuId: r.skuId,
    quantity: r.quantity,
    type: r.type,
    status: r.status,
    reason: r.reason,
    description: r.description,
    photos: (r.photos ?? []).map((ref) => publicUrl(config, ref, 750)).filter((u): u is string => u !== null),
    refundAmount: r.refundFen,
    rejectReason: r.rejectReason,
    carrierCode: r.carrierCode,
    trackingNo: r.trackingNo,
    restocked: Boolean(r.restocked),
    deadlineAt: r.deadlineAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
