import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OrderStatus, type ShippingUpload, type ShippingUploadPage } from '@sutwxapp/contracts';
import {
  maskPhone,
  MiniProgramOpenApi,
  wechatDeliveryId,
  WechatOpenApiError,
  type ShippingItem,
} from '@sutwxapp/wechat';
import { In, Repository } from 'typeorm';
import { DomainEvents } from '../../common/domain-events';
import { AppError, Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { isUniqueViolation } from '../../database/db-errors';
import { AuthService } from '../auth/auth.service';
import { OrderQueryService } from '../order/order-query.service';
import { PaymentService } from '../payment/payment.service';
import type { ReuploadDto } from './dto/shipping-upload.dto';
import { type Parcel, ShippingUploadEntity } from './entities/shipping-upload.entity';
import { OutboxWorker } from './outbox';
import { platformMetrics } from './platform-metrics';
import { everyInterval } from '../../observability/request-context';

const CATCH_UP_WINDOW_MS = 7 * 86_400_000;
const CATCH_UP_EVERY_MS = 5 * 60_000;

/** RFC 3339 in Beijing time with milliseconds, as WeChat's example `2022-12-15T13:29:35.120+08:00`. */
export function beijingRfc3339(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
}

/**
 * Reports shipments to WeChat's shipping-information management (发货信息录入): without it the
 * merchant's money stays frozen and the shopper is nagged. A shipment becomes a row when the
 * order_shipped event arrives (after the ship commit); the worker uploads it, retrying with
 * backoff; operators see the status and last error per order and can upload again.
 */
@Injectable()
export class ShippingUploadService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ShippingUploadService.name);
  readonly worker: OutboxWorker<ShippingUploadEntity>;
  private catchUpTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(ShippingUploadEntity) private readonly uploads: Repository<ShippingUploadEntity>,
    private readonly events: DomainEvents,
    private readonly orders: OrderQueryService,
    private readonly payments: PaymentService,
    private readonly auth: AuthService,
    private readonly api: MiniProgramOpenApi,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    const work = (row: ShippingUploadEntity): Promise<void> => this.upload(row);
    this.worker = new OutboxWorker('shipping upload', uploads, 'UPLOADING', work, this.logger, config.wechatPlatform);
  }

  onModuleInit(): void {
    this.events.on('order_shipped', (e) => this.record(e.orderId, e.orderNo, e.parcels.map(toParcel), 1));
  }

  onApplicationBootstrap(): void {
    this.worker.start();
    this.catchUpTimer = everyInterval(
      'shipping-upload-catch-up',
      Math.max(CATCH_UP_EVERY_MS, this.config.wechatPlatform.workerIntervalMs),
      () => this.catchUp().catch((err: Error) => this.logger.warn(`catch-up failed: ${err.message}`)),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.catchUpTimer) clearInterval(this.catchUpTimer);
    await this.worker.stop();
  }

  /**
   * Creates the upload job of an order; `rearm` (an operator's re-upload) also resets an existing
   * one. Without it an existing job stands: the ship event and the catch-up sweep may both come.
   */
  async record(
    orderId: number,
    orderNo: string,
    parcels: Parcel[],
    logisticsType: 1 | 3 | 4,
    rearm = false,
  ): Promise<void> {
    const fields = {
      orderNo,
      parcels,
      logisticsType,
      status: 'PENDING' as const,
      attempts: 0,
      nextAttemptAt: new Date(),
      claimedUntil: null,
      lastError: null,
    };
    try {
      await this.uploads.insert({ orderId, ...fields });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (!rearm) return;
      await this.uploads.update({ orderId }, fields);
    }
    void this.worker.runOnce().catch(() => undefined);
  }

  /**
   * order_shipped is handled after the ship commit, in memory: a process that dies in between
   * would lose the upload. This sweep (every few minutes, any replica) gives every order shipped
   * in the last week that has no job one. Answers how many it created.
   */
  async catchUp(now = new Date()): Promise<number> {
    const shipped = await this.orders.shippedSince(new Date(now.getTime() - CATCH_UP_WINDOW_MS), 500);
    if (shipped.length === 0) return 0;
    const known = new Set(
      (await this.uploads.find({ where: { orderId: In(shipped.map((o) => o.id)) }, select: { orderId: true } })).map(
        (r) => r.orderId,
      ),
    );
    let created = 0;
    for (const o of shipped) {
      if (known.has(o.id) || o.parcels.length === 0) continue;
      await this.record(o.id, o.orderNo, o.parcels.map(toParcel), 1);
      created++;
    }
    if (created > 0) this.logger.warn(`catch-up: ${created} shipped order(s) had no WeChat upload job; created`);
    return created;
  }

  private async upload(row: ShippingUploadEntity): Promise<void> {
    try {
      const request = await this.buildRequest(row);
      await this.api.uploadShippingInfo(request);
      await this.worker.finish(row, { status: 'DONE', uploadedAt: new Date(), lastError: null });
      platformMetrics.openApiCalls.inc({ api: 'upload_shipping_info', result: 'ok' });
      this.logger.log(`shipping info of order ${row.orderNo} uploaded to WeChat (attempt ${row.attempts})`);
    } catch (err) {
      const transient = err instanceof WechatOpenApiError ? err.transient : !(err instanceof AppError);
      const giveUp = !(await this.worker.fail(row, err, transient));
      const message = (err as Error).message.slice(0, 500);
      platformMetrics.openApiCalls.inc({ api: 'upload_shipping_info', result: giveUp ? 'failed' : 'retry' });
      this.logger.warn(
        `shipping upload of order ${row.orderNo} failed (attempt ${row.attempts}${giveUp ? ', giving up' : ', will retry'}): ${message}`,
      );
    }
  }

  private async buildRequest(row: ShippingUploadEntity) {
    const entity = await this.orders.findEntity(row.orderId);
    const order = await this.orders.toDto(entity);
    const transactionId = await this.payments.transactionIdOf(row.orderId);
    if (!transactionId) {
      throw Errors.ILLEGAL_ORDER_STATE('the order has no WeChat Pay transaction to report');
    }
    // each parcel says what is in it when the operator itemised the parcels, else the whole order
    const describe = (lines: Array<{ skuId: number; quantity: number }>): string =>
      lines
        .map((l) => `${order.items.find((i) => i.skuId === l.skuId)?.title ?? `SKU ${l.skuId}`}×${l.quantity}`)
        .join('，')
        .slice(0, 120);
    const itemDesc = describe(order.items);
    let shippingList: ShippingItem[];
    if (row.logisticsType === 1) {
      shippingList = row.parcels.map((p) => {
        const expressCompany = wechatDeliveryId(p.carrierCode);
        if (!expressCompany) {
          throw Errors.CARRIER_NOT_SUPPORTED(`no WeChat delivery id for carrier ${p.carrierCode}`);
        }
        // WeChat wants the receiver's phone masked (顺丰 requires it); never the full number
        return {
          trackingNo: p.trackingNo,
          expressCompany,
          itemDesc: p.items?.length ? describe(p.items) : itemDesc,
          receiverContact: maskPhone(order.address.phone),
        };
      });
    } else {
      shippingList = [{ itemDesc }];
    }
    return {
      transactionId,
      logisticsType: row.logisticsType,
      shippingList,
      payerOpenid: await this.auth.openidOf(entity.userId),
      uploadTime: beijingRfc3339(new Date()),
      ...(shippingList.length > 1 ? { isAllDelivered: true } : {}),
    };
  }

  /** WeChat's shipping reminder: the upload is overdue; try it now instead of at its backoff time. */
  async expedite(orderNo: string): Promise<boolean> {
    const res = await this.uploads.update({ orderNo, status: 'PENDING' }, { nextAttemptAt: new Date() });
    if ((res.affected ?? 0) > 0) void this.worker.runOnce().catch(() => undefined);
    return (res.affected ?? 0) > 0;
  }

  async status(orderId: number): Promise<ShippingUpload> {
    const row = await this.uploads.findOneBy({ orderId });
    if (!row) {
      throw Errors.NOT_FOUND('This order has no shipping upload yet (it is uploaded when shipped)');
    }
    return toDto(row);
  }

  async list(status: string | undefined, page: number, pageSize: number): Promise<ShippingUploadPage> {
    const [rows, total] = await this.uploads.findAndCount({
      where: status ? { status: status as ShippingUploadEntity['status'] } : {},
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toDto), total, page, pageSize };
  }

  /** An operator asks for another upload (after fixing the cause), optionally with other parcels. */
  async reupload(orderId: number, dto: ReuploadDto): Promise<ShippingUpload> {
    const order = await this.orders.findEntity(orderId);
    if (order.status !== OrderStatus.SHIPPED && order.status !== OrderStatus.COMPLETED) {
      throw Errors.ILLEGAL_ORDER_STATE(`Only shipped orders are reported to WeChat; this one is ${order.status}`);
    }
    const existing = await this.uploads.findOneBy({ orderId });
    if (existing?.status === 'UPLOADING') {
      throw Errors.CONFLICT('An upload of this order is running right now; try again in a minute');
    }
    const parcels = dto.parcels ?? existing?.parcels ?? (await this.orders.parcelsOf(order)).map(toParcel);
    const logisticsType = dto.logisticsType ?? existing?.logisticsType ?? 1;
    if (logisticsType === 1 && parcels.length === 0) {
      throw Errors.VALIDATION_FAILED('Express shipments need at least one parcel (carrier + tracking number)');
    }
    await this.record(orderId, order.orderNo, parcels, logisticsType as 1 | 3 | 4, true);
    return this.status(orderId);
  }
}

/** A shipped parcel as the upload job keeps it (its pieces only when the operator itemised it). */
function toParcel(p: { carrierCode: string; trackingNo: string; items: Parcel['items'] | null }): Parcel {
  return { carrierCode: p.carrierCode, trackingNo: p.trackingNo, ...(p.items ? { items: p.items } : {}) };
}

function toDto(row: ShippingUploadEntity): ShippingUpload {
  return {
    orderId: row.orderId,
    orderNo: row.orderNo,
    status: row.status,
    logisticsType: row.logisticsType,
    parcels: row.parcels.map(({ carrierCode, trackingNo }) => ({ carrierCode, trackingNo })),
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.status === 'PENDING' ? row.nextAttemptAt.toISOString() : null,
    uploadedAt: row.uploadedAt ? row.uploadedAt.toISOString() : null,
  };
}
