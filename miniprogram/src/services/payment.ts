import type { PaySyncResponse, RequestPaymentParams } from '../contracts/order';
import { api } from './request';

/** paid: WeChat Pay confirmed; cancelled: the shopper closed the sheet; pending: not confirmed yet. */
export type PayOutcome = 'paid' | 'cancelled' | 'failed' | 'pending';

export const prepay = (orderId: number) =>
  api.post<RequestPaymentParams>(`/orders/${orderId}/pay`, {}, { loading: '正在调起支付' });

export const syncPayment = (orderId: number) =>
  api.post<PaySyncResponse>(`/orders/${orderId}/pay/sync`, {}, { toast: false });

/**
 * develop only (the API serves it only with WECHAT_SANDBOX on): the sandbox pays the order and
 * delivers the signed notification, because DevTools' wx.requestPayment cannot pay.
 */
export async function sandboxPay(orderId: number): Promise<void> {
  // The sandbox pays a WeChat Pay order, which exists once a prepay was asked for.
  await prepay(orderId);
  await api.post<unknown>(`/sandbox/orders/${orderId}/simulate-payment`, {}, { loading: '沙箱支付中' });
}

function requestPayment(params: RequestPaymentParams): Promise<'ok' | 'cancel' | 'fail'> {
  return new Promise((resolve) =>
    wx.requestPayment({
      ...params,
      success: () => resolve('ok'),
      fail: (err) => resolve(/cancel/.test(err.errMsg) ? 'cancel' : 'fail'),
    }),
  );
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * prepay → wx.requestPayment (params passed as the API made them) → pay/sync. requestPayment's
 * "ok" is only the client's word: the order counts as paid once the API, having asked WeChat
 * Pay, says so. The notification may lag a moment behind, hence a few tries.
 */
export async function payOrder(orderId: number): Promise<PayOutcome> {
  const params = await prepay(orderId);
  const result = await requestPayment(params);
  if (result === 'cancel') return 'cancelled';
  if (result === 'fail') return 'failed';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      if ((await syncPayment(orderId)).paid) return 'paid';
    } catch {
      // try again: the pay result page re-reads the order anyway
    }
    if (attempt < 2) await sleep(800 * (attempt + 1));
  }
  return 'pending';
}
