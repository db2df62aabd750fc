import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type FieldError,
  type SubscribeMoment,
  type SubscribeResult,
  type SubscribeTemplates,
} from '@sutwxapp/contracts';
import { MiniProgramOpenApi, WechatOpenApiError } from '@sutwxapp/wechat';
import { MoreThan, Repository } from 'typeorm';
import { DomainEvents } from '../../common/domain-events';
import { Errors } from '../../common/errors/app-error';
import { type AppConfig, SUBSCRIBE_EVENTS, type SubscribeEvent, type SubscribeVariable } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { isUniqueViolation } from '../../database/db-errors';
import { TransactionService } from '../../database/transaction.service';
import { AuthService } from '../auth/auth.service';
import { OrderQueryService } from '../order/order-query.service';
import { findCarrierName } from '../order/carriers';
import { SubscribeAcceptanceEntity, SubscribeMessageEntity } from './entities/subscribe.entity';
import { OutboxWorker } from './outbox';
import { platformMetrics } from './platform-metrics';

/** Which notices the mini-program may ask for at each moment WeChat allows (≤ 3 per request). */
const MOMENTS: Record<'pay' | 'aftersale', SubscribeEvent[]> = {
  pay: ['order_paid', 'order_shipped', 'refund_succeeded'],
  aftersale: ['aftersale_result', 'refund_succeeded'],
};

/** WeChat's limits per template key type (https://developers.weixin.qq.com/miniprogram/dev/server/API/mp-message-management/subscribe-message/api_sendmessage.html). */
function fitValue(key: string, value: string): string {
  const limits: Array<[RegExp, number]> = [
    [/^thing\d+$/, 20],
    [/^character_string\d+$/, 32],
    [/^phrase\d+$/, 5],
    [/^name\d+$/, 10],
    [/^number\d+$/, 32],
    [/^amount\d+$/, 32],
  ];
  const limit = limits.find(([re]) => re.test(key))?.[1] ?? 20;
  const chars = [...value];
  return chars.length <= limit ? value : `${chars.slice(0, limit - 1).join('')}…`;
}

const beijingMinute = (d: Date): string =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const yuan = (fen: number): string => `${(fen / 100).toFixed(2)}元`;

/**
 * Subscribe messages (订阅消息). The shopper's "allow" taps are recorded as one-time quotas per
 * template; when an order event happens (after its commit) one quota is consumed and a row goes
 * into the outbox in the same transaction; the worker sends it. 43101 (refused / no quota at
 * WeChat) is final; busy and network errors are retried; nothing here can block an order.
 */
@Injectable()
export class SubscribeService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SubscribeService.name);
  readonly worker: OutboxWorker<SubscribeMessageEntity>;

  constructor(
    @InjectRepository(SubscribeAcceptanceEntity) private readonly acceptances: Repository<SubscribeAcceptanceEntity>,
    @InjectRepository(SubscribeMessageEntity) private readonly messages: Repository<SubscribeMessageEntity>,
    private readonly tx: TransactionService,
    private readonly events: DomainEvents,
    private readonly orders: OrderQueryService,
    private readonly auth: AuthService,
    private readonly api: MiniProgramOpenApi,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    const work = (row: SubscribeMessageEntity): Promise<void> => this.send(row);
    this.worker = new OutboxWorker('subscribe message', messages, 'SENDING', work, this.logger, config.wechatPlatform);
  }

  onModuleInit(): void {
    this.events.on('order_paid', (e) => this.notify('order_paid', e, { amount: yuan(e.payableAmount) }));
    this.events.on('order_shipped', (e) =>
      this.notify('order_shipped', e, {
        carrierName: findCarrierName(e.carrierCode),
        trackingNo: e.trackingNo,
      }),
    );
    this.events.on('refund_succeeded', (e) => this.notify('refund_succeeded', e, { amount: yuan(e.amount) }));
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  templatesFor(moment: SubscribeMoment): SubscribeTemplates {
    const templateIds = MOMENTS[moment]
      .map((e) => this.config.wechatPlatform.templates[e].templateId)
      .filter((id) => id !== '');
    return { moment, templateIds };
  }

  /** wx.requestSubscribeMessage's answer: {templateId: 'accept' | 'reject' | 'ban' | 'filter'}. */
  async recordAcceptances(userId: number, results: Record<string, string>): Promise<SubscribeResult> {
    const known = new Set(SUBSCRIBE_EVENTS.map((e) => this.config.wechatPlatform.templates[e].templateId));
    known.delete('');
    // Only ids this API handed out may come back, each with one of WeChat's four answers.
    const problems: FieldError[] = [];
    for (const [id, answer] of Object.entries(results)) {
      if (!known.has(id))
        problems.push({
          field: `results.${id}`,
          message: 'not a template id from GET /wechat/subscriptions/templates',
        });
      else if (!['accept', 'reject', 'ban', 'filter'].includes(answer)) {
        problems.push({ field: `results.${id}`, message: 'must be accept, reject, ban or filter' });
      }
    }
    if (problems.length > 0)
      throw Errors.VALIDATION_FAILED('results must map our template ids to WeChat’s answers', { errors: problems });
    const accepted = Object.entries(results)
      .filter(([, answer]) => answer === 'accept')
      .map(([id]) => id);
    for (const templateId of accepted) {
      const res = await this.acceptances.update({ userId, templateId }, { remaining: () => 'remaining + 1' });
      if (res.affected === 1) continue;
      try {
        await this.acceptances.insert({ userId, templateId, remaining: 1 });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        await this.acceptances.update({ userId, templateId }, { remaining: () => 'remaining + 1' });
      }
    }
    return { accepted };
  }

  /**
   * Also the seam for the after-sale feature: notify('aftersale_result', orderId, {status, remark},
   * `aftersale-${id}:${status}`). Without `ref` an event is sent once per order; with it, once per
   * (order, ref): several after-sale requests on one order each get their result.
   */
  async notify(
    event: SubscribeEvent,
    { orderId, userId }: { orderId: number; userId: number },
    extra: Partial<Record<SubscribeVariable, string>> = {},
    ref?: string,
  ): Promise<void> {
    const template = this.config.wechatPlatform.templates[event];
    if (!template.templateId) return;
    // Most shoppers have no "allow" left: one indexed read, instead of reading the order for nothing.
    const allowed = await this.acceptances.exists({
      where: { userId, templateId: template.templateId, remaining: MoreThan(0) },
    });
    if (!allowed) return;
    const entity = await this.orders.findEntity(orderId);
    const order = await this.orders.toDto(entity);
    const vars: Record<SubscribeVariable, string> = {
      orderNo: order.orderNo,
      amount: yuan(order.payableAmount),
      productTitle:
        order.items.length > 1 ? `${order.items[0].title}等${order.items.length}件` : (order.items[0]?.title ?? ''),
      time: beijingMinute(new Date()),
      carrierName: '',
      trackingNo: '',
      status: '',
      remark: '',
      ...extra,
    };
    const data = Object.fromEntries(
      Object.entries(template.fields).map(([key, v]) => [key, fitValue(key, vars[v] || '-')]),
    );
    const queued = await this.tx
      .run(async (em) => {
        // one "allow" = one message: consume it, or send nothing (the shopper did not accept)
        const used = await em.update(
          SubscribeAcceptanceEntity,
          { userId: entity.userId, templateId: template.templateId, remaining: MoreThan(0) },
          { remaining: () => 'remaining - 1' },
        );
        if (used.affected !== 1) return false;
        await em.insert(SubscribeMessageEntity, {
          userId: entity.userId,
          dedupeKey: ref
            ? `${event}:${orderId}:${ref}:${template.templateId}`
            : `${event}:${orderId}:${template.templateId}`,
          event,
          templateId: template.templateId,
          orderId,
          page: `${template.page}?id=${orderId}`,
          data,
          status: 'PENDING',
          attempts: 0,
          nextAttemptAt: new Date(),
        });
        return true;
      })
      .catch((err: unknown) => {
        // the same event delivered twice: the first row stands and the quota is not spent twice
        if (isUniqueViolation(err)) return false;
        throw err;
      });
    if (queued) void this.worker.runOnce().catch(() => undefined);
  }

  private async send(row: SubscribeMessageEntity): Promise<void> {
    try {
      await this.api.sendSubscribeMessage({
        openid: await this.auth.openidOf(row.userId),
        templateId: row.templateId,
        page: row.page ?? undefined,
        data: row.data,
        state: this.config.wechatPlatform.subscribeState,
      });
      await this.worker.finish(row, { status: 'SENT', sentAt: new Date(), lastError: null });
      platformMetrics.openApiCalls.inc({ api: 'subscribe_send', result: 'ok' });
    } catch (err) {
      const e = err instanceof WechatOpenApiError ? err : null;
      const refused = e?.errcode === 43101;
      const retry = await this.worker.fail(
        row,
        err,
        !refused && (e ? e.transient : true),
        refused ? 'REFUSED' : 'FAILED',
      );
      platformMetrics.openApiCalls.inc({
        api: 'subscribe_send',
        result: refused ? 'refused' : retry ? 'retry' : 'failed',
      });
      if (!refused) this.logger.warn(`subscribe message ${row.id} (${row.event}) failed: ${(err as Error).message}`);
    }
  }
}
