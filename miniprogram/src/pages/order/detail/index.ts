import { ORDER_STATUS_TEXT, type Order } from '../../../contracts/order';
import { isDevelop } from '../../../services/env';
import { pendingReviews } from '../../../services/engagement';
import { getOrder } from '../../../services/order';
import { fullAddress, maskPhone } from '../../../utils/address';
import { orderActions, orderLines, type OrderActions, type OrderLineView } from '../../../utils/order';
import type { LoadStatus, Tap } from '../../../utils/page';
import { idParam, withQuery } from '../../../utils/query';
import { AFTERSALE_STATUS_TEXT } from '../../../contracts/aftersale';
import { listAfterSales } from '../../../services/aftersale';
import { logisticsPath, productPath, routes, writeReviewPath } from '../../../utils/routes';
import { formatCountdown, formatDateTime } from '../../../utils/time';
import { cancel, confirmReceived, payNow, payWithSandbox } from '../order-actions';
import { loadInto, pullToRefresh } from '../../../utils/load';

Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    order: null as Order | null,
    statusText: '',
    cancelText: '',
    countdown: '',
    phone: '',
    addressLine: '',
    lines: [] as OrderLineView[],
    /** skuId → the latest after-sale request's state, for lines that have one */
    afterSaleText: {} as Record<number, string>,
    createdAt: '',
    paidAt: '',
    actions: { pay: false, cancel: false, confirmReceipt: false, logistics: false } as OrderActions,
    develop: false,
    /** a completed order with items still to review */
    toReview: false,
  },
  orderId: 0,
  /** when the payment deadline passes, as this phone's clock sees it */
  deadline: 0,
  timer: null as ReturnType<typeof setInterval> | null,

  onLoad(query: Record<string, string | undefined>) {
    this.orderId = idParam(query.id) ?? 0;
    this.setData({ develop: isDevelop() });
  },

  onShow() {
    // Also on returning from the pay sheet or the logistics page: the order may have moved on.
    void this.load(this.data.status === 'ready');
  },

  onHide() {
    this.stopCountdown();
  },

  onUnload() {
    this.stopCountdown();
  },

  onPullDownRefresh() {
    return pullToRefresh(() => this.load(true));
  },

  load(quiet: unknown = false) {
    return loadInto(this, quiet, async () => {
      const order = await getOrder(this.orderId);
      this.show(order);
      if (['PAID', 'SHIPPED', 'COMPLETED', 'REFUNDING', 'REFUNDED'].includes(order.status)) {
        // newest first: the first request seen for a line is its current one
        const requests = await listAfterSales(order.id);
        const afterSaleText: Record<number, string> = {};
        for (const r of requests.items) afterSaleText[r.skuId] ??= `售后：${AFTERSALE_STATUS_TEXT[r.status]}`;
        this.setData({ afterSaleText });
      }
      if (order.status === 'COMPLETED') {
        const pending = await pendingReviews().catch(() => null);
        this.setData({ toReview: Boolean(pending?.orderIds.includes(order.id)) });
      }
    });
  },

  onReview() {
    wx.navigateTo({ url: writeReviewPath({ orderId: this.orderId }) });
  },

  show(order: Order) {
    this.setData({
      status: 'ready',
      order,
      statusText: ORDER_STATUS_TEXT[order.status],
      cancelText: order.cancelReason ? `关闭原因：${order.cancelReason}` : '',
      phone: maskPhone(order.address.phone),
      addressLine: fullAddress(order.address),
      lines: orderLines(order.items),
      createdAt: formatDateTime(order.createdAt),
      paidAt: formatDateTime(order.paidAt),
      actions: orderActions(order),
    });
    this.stopCountdown();
    if (order.status === 'PENDING_PAYMENT' && order.secondsToPay > 0) {
      // secondsToPay, not payDeadline: the phone's clock may be off, the remaining time is not.
      this.deadline = Date.now() + order.secondsToPay * 1000;
      this.tick();
      this.timer = setInterval(() => this.tick(), 1000);
    } else {
      this.setData({ countdown: '' });
    }
  },

  tick() {
    const left = Math.ceil((this.deadline - Date.now()) / 1000);
    if (left > 0) {
      this.setData({ countdown: formatCountdown(left) });
      return;
    }
    // Time is up: the API closes the order; show what it says now.
    this.stopCountdown();
    this.setData({ countdown: '' });
    void this.load(true);
  },

  stopCountdown() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  },

  async onPay() {
    if ((await payNow(this.orderId)) !== null) await this.load(true);
  },

  async onSandboxPay() {
    if (await payWithSandbox(this.orderId)) await this.load(true);
  },

  async onCancel() {
    const order = await cancel(this.orderId);
    if (order) this.show(order);
  },

  async onConfirmReceipt() {
    const order = await confirmReceived(this.orderId);
    if (order) this.show(order);
  },

  onAfterSale(e: { currentTarget: { dataset: { skuId: number } } }) {
    const order = this.data.order;
    if (order)
      wx.navigateTo({
        url: withQuery(routes.aftersaleApply, { orderId: order.id, skuId: e.currentTarget.dataset.skuId }),
      });
  },

  onAfterSaleList() {
    const order = this.data.order;
    if (order) wx.navigateTo({ url: withQuery(routes.aftersaleList, { orderId: order.id }) });
  },

  onLogistics() {
    wx.navigateTo({ url: logisticsPath(this.orderId) });
  },

  onOpenProduct(e: Tap<{ productId: number }>) {
    wx.navigateTo({ url: productPath(e.currentTarget.dataset.productId) });
  },
});
