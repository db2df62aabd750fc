import type { Order } from '../../contracts/order';
import { cancelOrder, confirmReceipt } from '../../services/order';
import { payOrder, sandboxPay, type PayOutcome } from '../../services/payment';
import { askOrderSubscriptions } from '../../services/subscribe';
import { confirm, toast } from '../../utils/feedback';

/**
 * The order buttons shared by the order list, order detail and pay result pages. Each resolves
 * to what the page should re-render from, or null when nothing happened (cancelled dialog, an
 * error request.ts has already shown).
 */

const OUTCOME_TOAST: Record<PayOutcome, string> = {
  paid: '支付成功',
  pending: '支付结果确认中，请稍后刷新',
  cancelled: '已取消支付',
  failed: '支付未完成',
};

export async function payNow(orderId: number): Promise<PayOutcome | null> {
  // asked on the tap that pays, as WeChat requires (never throws, never blocks the payment)
  await askOrderSubscriptions('pay');
  try {
    const outcome = await payOrder(orderId);
    toast(OUTCOME_TOAST[outcome], outcome === 'paid' ? 'success' : undefined);
    return outcome;
  } catch {
    return null;
  }
}

/** develop builds only: DevTools cannot pay, so the sandbox pays and notifies the API. */
export async function payWithSandbox(orderId: number): Promise<boolean> {
  try {
    await sandboxPay(orderId);
    toast('沙箱支付成功', 'success');
    return true;
  } catch {
    return false;
  }
}

/** Asks first; then the transition, whose answer is the order as it is now. */
async function confirmThen(
  question: string,
  label: string,
  keep: string,
  transition: () => Promise<Order>,
): Promise<Order | null> {
  if (!(await confirm({ content: question, confirmText: label, cancelText: keep }))) return null;
  try {
    return await transition();
  } catch {
    return null;
  }
}

export const cancel = (orderId: number): Promise<Order | null> =>
  confirmThen('确定取消这个订单吗？', '取消订单', '暂不取消', () => cancelOrder(orderId));

export const confirmReceived = (orderId: number): Promise<Order | null> =>
  confirmThen('确认已经收到商品了吗？', '确认收货', '还没收到', () => confirmReceipt(orderId));
