import { Injectable, Logger } from '@nestjs/common';
import { OrderStatus } from '@sutwxapp/contracts';
import { MessageCrypto, MessageCryptoError } from '@sutwxapp/wechat';
import { DomainEvents } from '../../common/domain-events';
import { AppError, Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { OrderPort } from '../order/order.port';
import { PaymentService } from '../payment/payment.service';
import { platformMetrics } from './platform-metrics';
import { PlatformSharedStore } from './shared-store';
import { ShippingUploadService } from './shipping-upload.service';
import { InjectAppId } from './tokens';

export interface PushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
  encrypt_type?: string;
  msg_signature?: string;
}

const rejected = (message: string): AppError => Errors.WECHAT_PUSH_REJECTED(message);

/**
 * The mini-program's message push (消息推送), safe mode, JSON. Every push is checked before it is
 * believed: msg_signature over token/timestamp/nonce/Encrypt, decryption with the EncodingAESKey,
 * our appid inside the ciphertext, a timestamp within WECHAT_PUSH_MAX_SKEW_SECONDS, and a
 * msg_signature seen for the first time (a replay carries the same one).
 * Source: https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
 * Events: https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
 * (三、相关消息推送: trade_manage_remind_shipping, trade_manage_order_settlement) and
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html (wxa_media_check).
 */
@Injectable()
export class PushService {
  private readonly logger = new Logger(PushService.name);
  private readonly crypto: MessageCrypto;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly store: PlatformSharedStore,
    private readonly events: DomainEvents,
    private readonly orders: OrderPort,
    private readonly payments: PaymentService,
    private readonly shipping: ShippingUploadService,
    @InjectAppId() appId: string,
  ) {
    this.crypto = new MessageCrypto({
      token: config.wechatPlatform.pushToken,
      encodingAesKey: config.wechatPlatform.encodingAesKey,
      appId,
    });
  }

  /** GET: the admin console's URL verification. Answers echostr when the signature is ours. */
  verifyUrl(q: PushQuery): string {
    if (!q.timestamp || !q.nonce || !q.echostr || !this.crypto.verifyUrlSignature(q.signature, q.timestamp, q.nonce)) {
      platformMetrics.pushes.inc({ event: 'url_verification', result: 'rejected' });
      throw rejected('signature does not verify');
    }
    return q.echostr;
  }

  async receive(q: PushQuery, body: unknown): Promise<string> {
    const encrypt = (body as { Encrypt?: unknown } | null)?.Encrypt;
    if (q.encrypt_type !== 'aes' || typeof encrypt !== 'string') {
      // plaintext and compatible modes are refused: the console must be set to safe mode
      throw Errors.WECHAT_PUSH_REJECTED('only safe-mode (encrypt_type=aes) JSON pushes are accepted', { status: 400 });
    }
    const ts = Number(q.timestamp);
    if (
      !q.nonce ||
      !Number.isInteger(ts) ||
      Math.abs(Date.now() / 1000 - ts) > this.config.wechatPlatform.pushMaxSkewSeconds
    ) {
      platformMetrics.pushes.inc({ event: 'unknown', result: 'stale' });
      throw rejected('push timestamp is missing or too far from now (replayed?)');
    }
    let plain: string;
    try {
      plain = this.crypto.decrypt(q.msg_signature, String(q.timestamp), q.nonce, encrypt);
    } catch (err) {
      const reason = err instanceof MessageCryptoError ? err.reason : 'bad_ciphertext';
      platformMetrics.pushes.inc({ event: 'unknown', result: reason });
      this.logger.warn(`refused a message push: ${reason}`);
      throw rejected(`push refused: ${reason}`);
    }
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(plain) as Record<string, unknown>;
    } catch {
      throw Errors.WECHAT_PUSH_REJECTED('decrypted push is not JSON (is the console set to JSON?)', { status: 400 });
    }
    // Seen-once mark for as long as the timestamp is acceptable: a replay carries the same
    // msg_signature. Taken before handling (two deliveries at once run once) and given back when
    // handling fails, so WeChat's own retry of a push we could not handle is not refused.
    const seenKey = `push:${q.msg_signature}`;
    const mark = String(Date.now());
    const seenFor = this.config.wechatPlatform.pushMaxSkewSeconds * 2 * 1000;
    if (!(await this.store.setIfAbsent(seenKey, mark, seenFor))) {
      platformMetrics.pushes.inc({ event: String(msg.Event ?? 'unknown'), result: 'replay' });
      throw Errors.WECHAT_PUSH_REJECTED('this push was already received (replay)', { status: 409 });
    }
    try {
      await this.dispatch(msg);
    } catch (err) {
      await this.store.deleteIfValue(seenKey, mark).catch(() => undefined);
      throw err;
    }
    return 'success';
  }

  private async dispatch(msg: Record<string, unknown>): Promise<void> {
    const event = String(msg.Event ?? msg.MsgType ?? 'unknown');
    switch (event) {
      case 'trade_manage_order_settlement':
        await this.settlement(msg);
        break;
      case 'trade_manage_remind_shipping':
        await this.remindShipping(msg);
        break;
      case 'wxa_media_check':
        this.mediaCheck(msg);
        break;
      default:
        // acknowledged so WeChat stops retrying; recorded so an operator can see what arrived
        this.logger.log(`message push "${event}" acknowledged without handling`);
        platformMetrics.pushes.inc({ event: 'other', result: 'ignored' });
        return;
    }
    platformMetrics.pushes.inc({ event, result: 'handled' });
  }

  /** The shopper confirmed receipt in WeChat (or it was auto-confirmed): complete the order. */
  private async settlement(msg: Record<string, unknown>): Promise<void> {
    const orderNo = String(msg.merchant_trade_no ?? '');
    const order = orderNo ? await this.orders.findByOrderNo(orderNo) : null;
    if (!order) {
      this.logger.warn(`settlement push for unknown order "${orderNo}" acknowledged`);
      return;
    }
    const transactionId = await this.payments.transactionIdOf(order.id);
    if (transactionId !== msg.transaction_id) {
      this.logger.warn(`settlement push for order ${orderNo} names another transaction; ignored`);
      return;
    }
    if (order.status !== OrderStatus.SHIPPED) {
      this.logger.log(`settlement push for order ${orderNo} in state ${order.status}: nothing to do`);
      return;
    }
    await this.orders.complete(order, 'wechat_confirmed_receipt');
  }

  private async remindShipping(msg: Record<string, unknown>): Promise<void> {
    const orderNo = String(msg.merchant_trade_no ?? '');
    const expedited = orderNo ? await this.shipping.expedite(orderNo) : false;
    this.logger.warn(
      `WeChat reminds to ship order ${orderNo || '(unknown)'}${expedited ? '; its pending upload was retried now' : ''}: ${String(msg.msg ?? '')}`,
    );
  }

  private mediaCheck(msg: Record<string, unknown>): void {
    const result = msg.result as { suggest?: unknown; label?: unknown } | undefined;
    const suggest = result?.suggest;
    const traceId = msg.trace_id;
    if (typeof traceId !== 'string' || (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky')) {
      this.logger.warn('wxa_media_check push without trace_id/result.suggest acknowledged');
      return;
    }
    this.events.publish('media_check_result', {
      traceId,
      verdict: suggest,
      ...(typeof result?.label === 'number' ? { label: result.label } : {}),
    });
  }
}
