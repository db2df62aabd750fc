import type { Order } from '../../../contracts/order';
import { isDevelop } from '../../../services/env';
import { getOrder } from '../../../services/order';
import { messageOf } from '../../../utils/errors';
import type { LoadStatus } from '../../../utils/page';
import { idParam } from '../../../utils/query';
import { orderPath, routes } from '../../../utils/routes';
import { payNow, payWithSandbox } from '../order-actions';

function headline(order: Order): string {
  if (order.paidAt) return '支付成功';
  if (order.status === 'PENDING_PAYMENT') return '订单已提交，等待支付';
  return '订单已关闭';
}

/** Where checkout lands: shows what the API says about the order, whatever the sheet said. */
Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    paid: false,
    payable: false,
    develop: false,
    headline: '',
    payableAmount: 0,
    orderNo: '',
  },
  orderId: 0,

  onLoad(query: Record<string, string | undefined>) {
    this.orderId = idParam(query.orderId) ?? 0;
    this.setData({ develop: isDevelop() });
    void this.load();
  },

  async load() {
    this.setData({ status: 'loading' });
    try {
      const order = await getOrder(this.orderId);
      this.setData({
        status: 'ready',
        paid: order.paidAt !== null,
        payable: order.status === 'PENDING_PAYMENT',
        headline: headline(order),
        payableAmount: order.payableAmount,
        orderNo: order.orderNo,
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: messageOf(err) });
    }
  },

  async onPay() {
    if ((await payNow(this.orderId)) !== null) await this.load();
  },

  async onSandboxPay() {
    if (await payWithSandbox(this.orderId)) await this.load();
  },

  onViewOrder() {
    wx.redirectTo({ url: orderPath(this.orderId) });
  },

  onHome() {
    wx.switchTab({ url: routes.home });
  },
});
