import { randomBytes, randomInt } from 'node:crypto';
import {
  formatRfc3339Beijing,
  type WechatPayRefund,
  type WechatPayRefundNotice,
  type WechatPayTransaction,
} from '@sutwxapp/wechat';
import type { SandboxClock } from '../context';
import type { SandboxPayCredentials } from './credentials';
import {
  checkAmount,
  checkNotifyUrl,
  checkText,
  fail,
  isObject,
  OUT_REFUND_NO,
  OUT_TRADE_NO,
  paramError,
  parseRfc3339,
  sameJson,
  type Outcome,
} from './validate';

export type SandboxTradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export interface SandboxOrder {
  outTradeNo: string;
  description: string;
  notifyUrl: string;
  totalFen: number;
  openid: string;
  attach?: string;
  timeExpire?: string;
  /** ms on the sandbox clock; unpaid orders expire at time_expire or after 7 days */
  expiresAt: number;
  createdAt: number;
  tradeState: SandboxTradeState;
  prepayIds: string[];
  transactionId?: string;
  successTime?: string;
  /** the first order body, to detect "same out_trade_no, different parameters" */
  request: Record<string, unknown>;
}

export interface SandboxRefund {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  refundFen: number;
  reason?: string;
  notifyUrl?: string;
  status: 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';
  createTime: string;
  successTime?: string;
  request: Record<string, unknown>;
}

const DESC: Record<SandboxTradeState, string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '订单发生过退款',
};
const REENTRY = '请求重入时，参数与首次请求时不一致';
const DEFAULT_ORDER_TTL_MS = 7 * 24 * 3600 * 1000;
/**
 * The books keep the newest orders only (about 1 KB each): `npm start` runs this sandbox for as
 * long as a developer leaves it, and a soak pays tens of thousands of orders through it. An older
 * order, and its refunds, then answer ORDER_NOT_EXIST.
 */
export const MAX_LEDGER_ORDERS = 2000;

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/** The sandbox merchant's books: orders and refunds, with WeChat Pay's rules. */
export class PayLedger {
  readonly orders = new Map<string, SandboxOrder>();
  readonly refunds = new Map<string, SandboxRefund>();

  constructor(
    private readonly credentials: SandboxPayCredentials,
    private readonly clock: SandboxClock,
  ) {}

  prepay(b: Record<string, unknown>): Outcome<string> {
    if (b.appid !== this.credentials.appId || b.mchid !== this.credentials.mchId) {
      return fail(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配，请检查后再试');
    }
    const amount = isObject(b.amount) ? b.amount : {};
    const payer = isObject(b.payer) ? b.payer : {};
    const invalid =
      checkText('/description', b.description, 127, true) ??
      (typeof b.out_trade_no === 'string' && OUT_TRADE_NO.test(b.out_trade_no)
        ? undefined
        : paramError('/out_trade_no', b.out_trade_no, '6-32 位字母、数字、_-|*')) ??
      checkText('/attach', b.attach, 128, false) ??
      checkNotifyUrl('/notify_url', b.notify_url) ??
      checkAmount('/amount/total', amount.total) ??
      (amount.currency === undefined || amount.currency === 'CNY'
        ? undefined
        : paramError('/amount/currency', amount.currency, 'Currency code is invalid')) ??
      (b.time_expire === undefined || (typeof b.time_expire === 'string' && parseRfc3339(b.time_expire) !== undefined)
        ? undefined
        : paramError('/time_expire', b.time_expire, '必须为 RFC 3339 格式，如 2018-06-08T10:34:56+08:00'));
    if (invalid) return invalid;
    if (typeof payer.openid !== 'string' || !payer.openid)
      return fail(400, 'PARAM_ERROR', 'JSAPI支付必须传openid', 268501013);

    const outTradeNo = b.out_trade_no as string;
    const existing = this.orders.get(outTradeNo);
    if (existing) {
      if (existing.tradeState === 'SUCCESS' || existing.tradeState === 'REFUND')
        return fail(400, 'ORDER_PAID', '该订单已支付');
      if (existing.tradeState === 'CLOSED') return fail(400, 'ORDER_CLOSED', '订单已关闭');
      if (!sameJson(existing.request, b)) return fail(400, 'INVALID_REQUEST', REENTRY, 268498688);
      const prepayId = this.newPrepayId();
      existing.prepayIds.push(prepayId); // same parameters: a fresh prepay_id for the same order
      return { ok: true, value: prepayId };
    }
    const now = this.clock.now();
    const expire = typeof b.time_expire === 'string' ? (parseRfc3339(b.time_expire) as number) : undefined;
    const prepayId = this.newPrepayId();
    this.orders.set(outTradeNo, {
      outTradeNo,
      description: b.description as string,
      notifyUrl: b.notify_url as string,
      totalFen: amount.total as number,
      openid: payer.openid,
      attach: b.attach as string | undefined,
      timeExpire: b.time_expire as string | undefined,
      // deadlines earlier than order time + 1 min are bumped to + 1 min, like WeChat
      expiresAt: expire === undefined ? now + DEFAULT_ORDER_TTL_MS : Math.max(expire, now + 60_000),
      createdAt: now,
      tradeState: 'NOTPAY',
      prepayIds: [prepayId],
      request: b,
    });
    if (this.orders.size > MAX_LEDGER_ORDERS) this.forgetOldest();
    return { ok: true, value: prepayId };
  }

  private forgetOldest(): void {
    const [oldest] = this.orders.keys();
    this.orders.delete(oldest);
    for (const [no, r] of this.refunds) if (r.outTradeNo === oldest) this.refunds.delete(no);
  }

  find(outTradeNo: string): Outcome<SandboxOrder> {
    const order = this.orders.get(outTradeNo);
    return order ? { ok: true, value: order } : fail(404, 'ORDER_NOT_EXIST', '订单不存在');
  }

  findByTransactionId(transactionId: string): Outcome<SandboxOrder> {
    for (const order of this.orders.values())
      if (order.transactionId === transactionId) return { ok: true, value: order };
    return fail(404, 'ORDER_NOT_EXIST', '订单不存在');
  }

  /** Repeatable; unknown orders answer 204 too (as reported in the field). */
  close(outTradeNo: string): Outcome<void> {
    const order = this.orders.get(outTradeNo);
    if (order && (order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND')) {
      return fail(400, 'ORDER_PAID', '订单已支付');
    }
    if (order) order.tradeState = 'CLOSED';
    return { ok: true, value: undefined };
  }

  /** The shopper pays (what WeChat does after wx.requestPayment succeeds). */
  pay(outTradeNo: string): Outcome<SandboxOrder> {
    const found = this.find(outTradeNo);
    if (!found.ok) return found;
    const order = found.value;
    if (order.tradeState === 'CLOSED') return fail(400, 'ORDER_CLOSED', '订单已关闭');
    if (order.tradeState === 'NOTPAY') {
      if (this.clock.now() > order.expiresAt) return fail(400, 'ORDER_EXPIRED', '订单已过期');
      order.tradeState = 'SUCCESS';
      order.transactionId = '42000' + digits(23);
      order.successTime = formatRfc3339Beijing(this.clock.now());
    }
    return { ok: true, value: order };
  }

  createRefund(b: Record<string, unknown>): Outcome<SandboxRefund> {
    const amount = isObject(b.amount) ? b.amount : {};
    const invalid =
      (typeof b.out_refund_no === 'string' && OUT_REFUND_NO.test(b.out_refund_no)
        ? undefined
        : paramError('/out_refund_no', b.out_refund_no, '1-64 位字母、数字、_-|*@')) ??
      checkText('/reason', b.reason, 80, false) ??
      (b.notify_url === undefined ? undefined : checkNotifyUrl('/notify_url', b.notify_url)) ??
      checkAmount('/amount/refund', amount.refund) ??
      checkAmount('/amount/total', amount.total) ??
      (amount.currency === 'CNY'
        ? undefined
        : paramError('/amount/currency', amount.currency, 'Currency code is invalid'));
    if (invalid) return invalid;
    const outRefundNo = b.out_refund_no as string;
    const existing = this.refunds.get(outRefundNo);
    if (existing)
      return sameJson(existing.request, b)
        ? { ok: true, value: existing }
        : fail(400, 'INVALID_REQUEST', REENTRY, 268498688);

    const found =
      typeof b.out_trade_no === 'string'
        ? this.find(b.out_trade_no)
        : typeof b.transaction_id === 'string'
          ? this.findByTransactionId(b.transaction_id)
          : paramError('/out_trade_no', undefined, 'transaction_id 与 out_trade_no 必须二选一');
    if (!found.ok) return found.code === 'ORDER_NOT_EXIST' ? fail(404, 'RESOURCE_NOT_EXISTS', '订单不存在') : found;
    const order = found.value;
    if (order.tradeState !== 'SUCCESS' && order.tradeState !== 'REFUND')
      return fail(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    if (amount.total !== order.totalFen) return paramError('/amount/total', amount.total, '订单金额与原订单不一致');
    if ((amount.refund as number) > order.totalFen - this.refundedFen(order.outTradeNo)) {
      return fail(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    }
    const refund: SandboxRefund = {
      refundId: '50' + digits(30),
      outRefundNo,
      outTradeNo: order.outTradeNo,
      refundFen: amount.refund as number,
      reason: b.reason as string | undefined,
      notifyUrl: b.notify_url as string | undefined,
      status: 'PROCESSING',
      createTime: formatRfc3339Beijing(this.clock.now()),
      request: b,
    };
    this.refunds.set(outRefundNo, refund);
    return { ok: true, value: refund };
  }

  findRefund(outRefundNo: string): Outcome<SandboxRefund> {
    const refund = this.refunds.get(outRefundNo);
    return refund ? { ok: true, value: refund } : fail(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
  }

  /** PROCESSING → SUCCESS (or ABNORMAL / CLOSED); money only moves on SUCCESS. */
  finishRefund(outRefundNo: string, status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED'): Outcome<SandboxRefund> {
    const found = this.findRefund(outRefundNo);
    if (!found.ok) return found;
    const refund = found.value;
    if (refund.status !== 'PROCESSING') return fail(400, 'INVALID_REQUEST', `退款单已是 ${refund.status} 状态`);
    refund.status = status;
    if (status === 'SUCCESS') {
      refund.successTime = formatRfc3339Beijing(this.clock.now());
      (this.orders.get(refund.outTradeNo) as SandboxOrder).tradeState = 'REFUND';
    }
    return { ok: true, value: refund };
  }

  /** PROCESSING and SUCCESS refunds both hold money back from further refunds. */
  refundedFen(outTradeNo: string): number {
    let sum = 0;
    for (const r of this.refunds.values()) {
      if (r.outTradeNo === outTradeNo && (r.status === 'PROCESSING' || r.status === 'SUCCESS')) sum += r.refundFen;
    }
    return sum;
  }

  /** The query answer and the TRANSACTION.* notification plaintext (spec §2.5). */
  transactionView(order: SandboxOrder): WechatPayTransaction {
    const paid = order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND';
    return {
      appid: this.credentials.appId,
      mchid: this.credentials.mchId,
      out_trade_no: order.outTradeNo,
      ...(paid ? { transaction_id: order.transactionId, trade_type: 'JSAPI' } : {}),
      trade_state: order.tradeState,
      trade_state_desc: DESC[order.tradeState],
      ...(paid ? { bank_type: 'OTHERS', success_time: order.successTime, payer: { openid: order.openid } } : {}),
      ...(order.attach !== undefined ? { attach: order.attach } : {}),
      amount: paid
        ? { total: order.totalFen, payer_total: order.totalFen, currency: 'CNY', payer_currency: 'CNY' }
        : { total: order.totalFen, currency: 'CNY', payer_currency: 'CNY' },
    };
  }

  refundView(r: SandboxRefund): WechatPayRefund {
    const order = this.orders.get(r.outTradeNo) as SandboxOrder;
    return {
      refund_id: r.refundId,
      out_refund_no: r.outRefundNo,
      transaction_id: order.transactionId as string,
      out_trade_no: r.outTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      ...(r.successTime ? { success_time: r.successTime } : {}),
      create_time: r.createTime,
      status: r.status,
      funds_account: 'AVAILABLE',
      amount: {
        total: order.totalFen,
        refund: r.refundFen,
        from: [],
        payer_total: order.totalFen,
        payer_refund: r.refundFen,
        settlement_refund: r.refundFen,
        settlement_total: order.totalFen,
        discount_refund: 0,
        currency: 'CNY',
      },
    };
  }

  /** The REFUND.* notification plaintext (spec §2.6). */
  refundNotice(r: SandboxRefund): WechatPayRefundNotice {
    const order = this.orders.get(r.outTradeNo) as SandboxOrder;
    return {
      mchid: this.credentials.mchId,
      transaction_id: order.transactionId as string,
      out_trade_no: r.outTradeNo,
      refund_id: r.refundId,
      out_refund_no: r.outRefundNo,
      refund_status: r.status,
      ...(r.successTime ? { success_time: r.successTime } : {}),
      user_received_account: '支付用户零钱',
      amount: { total: order.totalFen, refund: r.refundFen, payer_total: order.totalFen, payer_refund: r.refundFen },
    };
  }

  private newPrepayId(): string {
    const stamp = formatRfc3339Beijing(this.clock.now()).slice(0, 19).replace(/\D/g, '');
    return `wx${stamp}${randomBytes(10).toString('hex')}`;
  }
}
