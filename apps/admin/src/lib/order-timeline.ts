import {
  AFTERSALE_STATUS_TEXT,
  type AdminOrder,
  type AfterSale,
  type OrderPaymentInfo,
  type OrderRefundRecord,
} from '@sutwxapp/contracts';
import { formatFen } from './money';

export interface TimelineEvent {
  /** ISO time */
  at: string;
  title: string;
  detail: string;
  tone: 'default' | 'primary' | 'success' | 'warning' | 'error';
}

const CANCEL_REASONS: Record<string, string> = {
  shopper_cancelled: '买家取消',
  payment_timeout: '超时未支付，自动取消',
};

const REFUND_KIND: Record<OrderRefundRecord['kind'], string> = {
  admin: '整单退款',
  aftersale: '售后退款',
  paid_after_cancel: '取消后到账，自动退回',
};

const REFUND_STATUS: Record<OrderRefundRecord['status'], string> = {
  SUBMITTING: '提交中',
  PROCESSING: '微信支付处理中',
  SUCCESS: '已退款',
  ABNORMAL: '退款异常，需到商户平台处理',
  CLOSED: '已关闭',
};

/**
 * An order's history from the facts the API keeps: created, paid, each parcel shipped, signed
 * for, completed, cancelled, refunds asked and done, after-sale requests. Oldest first; events
 * at the same instant keep the order they happen in.
 */
export function orderTimeline(
  order: AdminOrder,
  payment: OrderPaymentInfo | null = null,
  aftersales: AfterSale[] = [],
): TimelineEvent[] {
  const events: TimelineEvent[] = [
    { at: order.createdAt, title: '下单', detail: `应付 ${formatFen(order.payableAmount)}`, tone: 'default' },
  ];
  if (order.paidAt) {
    const tx = payment?.payment?.transactionId;
    events.push({
      at: order.paidAt,
      title: '支付成功',
      detail: `微信支付 ${formatFen(payment?.payment?.amount ?? order.payableAmount)}${tx ? `，交易单号 ${tx}` : ''}`,
      tone: 'primary',
    });
  }
  order.shipments.forEach((s, i) => {
    events.push({
      at: s.shippedAt,
      title: order.shipments.length > 1 ? `发货（包裹 ${i + 1}/${order.shipments.length}）` : '发货',
      detail: `${s.carrierName} ${s.trackingNo}`,
      tone: 'primary',
    });
  });
  if (order.signedAt)
    events.push({ at: order.signedAt, title: '已签收', detail: '物流显示包裹已签收', tone: 'default' });
  if (order.completedAt) events.push({ at: order.completedAt, title: '交易完成', detail: '', tone: 'success' });
  if (order.cancelledAt) {
    const reason = order.cancelReason ? (CANCEL_REASONS[order.cancelReason] ?? order.cancelReason) : '';
    events.push({ at: order.cancelledAt, title: '已取消', detail: reason, tone: 'warning' });
  }
  const refunds = payment?.refunds ?? [];
  // without the refund rows (not loaded yet), the order's own facts still tell the story
  if (refunds.length === 0 && order.refundRequestedAt) {
    events.push({ at: order.refundRequestedAt, title: '申请退款', detail: order.refundReason ?? '', tone: 'warning' });
  }
  for (const r of refunds) {
    events.push({
      at: r.createdAt,
      title: `${REFUND_KIND[r.kind]} ${formatFen(r.amount)}`,
      detail: [r.reason, REFUND_STATUS[r.status]].filter(Boolean).join('，'),
      tone: r.status === 'ABNORMAL' ? 'error' : 'warning',
    });
    if (r.succeededAt) {
      events.push({
        at: r.succeededAt,
        title: `退款到账 ${formatFen(r.amount)}`,
        detail: r.outRefundNo,
        tone: 'success',
      });
    }
  }
  if (order.refundedAt && !refunds.some((r) => r.kind === 'admin' && r.succeededAt)) {
    events.push({ at: order.refundedAt, title: '已退款', detail: '', tone: 'success' });
  }
  for (const a of aftersales) {
    events.push({
      at: a.createdAt,
      title: `售后申请 #${a.id}（${a.type === 'REFUND_ONLY' ? '仅退款' : '退货退款'}）`,
      detail: `${a.reason}，${a.quantity} 件，当前：${AFTERSALE_STATUS_TEXT[a.status]}`,
      tone: 'warning',
    });
  }
  // Compared to the second, as shown: within one second the events keep the order they were
  // pushed in (the order of the process). WeChat Pay's success_time has whole seconds, so a
  // payment in the order's first second would otherwise come before the order itself.
  const second = (at: string): number => Math.floor(Date.parse(at) / 1000);
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => second(a.e.at) - second(b.e.at) || a.i - b.i)
    .map(({ e }) => e);
}
