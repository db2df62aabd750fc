import type { Order, OrderStatus } from '../../../contracts/order';
import { afterSaleStates } from '../../../services/aftersale';
import { pendingReviews } from '../../../services/engagement';
import { listOrders } from '../../../services/order';
import { messageOf } from '../../../utils/errors';
import { ORDER_TABS, orderCard, type OrderCardView } from '../../../utils/order';
import { pullToRefresh } from '../../../utils/load';
import {
  appendPatch,
  hasMore,
  type DetailEvent,
  type LoadStatus,
  type MoreStatus,
  type Tap,
} from '../../../utils/page';
import { logisticsPath, orderPath, writeReviewPath } from '../../../utils/routes';
import { cancel, confirmReceived, payNow } from '../order-actions';

type TabKey = OrderStatus | 'all';
const PAGE_SIZE = 10;
/** Orders that can carry after-sale requests (paid at some point and not cancelled before). */
const AFTERSALE_STATUSES: OrderStatus[] = ['PAID', 'SHIPPED', 'COMPLETED', 'REFUNDED'];

Page({
  data: {
    tabs: ORDER_TABS,
    active: 'all' as TabKey,
    status: 'loading' as LoadStatus,
    errorMessage: '',
    orders: [] as OrderCardView[],
    page: 0,
    more: 'idle' as MoreStatus,
    /** ids of completed orders with items still to review: their "评价" button */
    toReview: {} as Record<number, boolean>,
  },
  seq: 0,
  shown: false,

  onLoad(query: Record<string, string | undefined>) {
    const wanted = ORDER_TABS.find((tab) => tab.key === query.status);
    this.setData({ active: wanted ? wanted.key : 'all' });
  },

  onShow() {
    // First visit loads; coming back (from a detail page that paid or cancelled) refreshes.
    void this.reload(this.shown);
    this.shown = true;
  },

  onPullDownRefresh() {
    return pullToRefresh(() => this.reload(true));
  },

  onReachBottom() {
    void this.loadMore();
  },

  onTabChange(e: DetailEvent<{ value: TabKey }>) {
    if (e.detail.value === this.data.active) return;
    this.setData({ active: e.detail.value });
    void this.reload();
  },

  query(page: number) {
    return { status: this.data.active === 'all' ? undefined : this.data.active, page, pageSize: PAGE_SIZE };
  },

  /** First page again; `quiet` keeps the current list on screen while it loads. */
  async reload(quiet = false) {
    const seq = ++this.seq;
    if (quiet !== true) this.setData({ status: 'loading', orders: [], more: 'idle' });
    try {
      const [res, pending] = await Promise.all([listOrders(this.query(1)), pendingReviews().catch(() => null)]);
      if (seq !== this.seq) return;
      const toReview: Record<number, boolean> = {};
      for (const id of pending?.orderIds ?? []) toReview[id] = true;
      this.setData({
        orders: res.items.map(orderCard),
        toReview,
        page: 1,
        status: res.items.length === 0 ? 'empty' : 'ready',
        more: hasMore(res) ? 'idle' : 'done',
      });
      void this.loadAfterSaleLabels(seq, res.items);
    } catch (err) {
      if (seq === this.seq && quiet !== true) this.setData({ status: 'error', errorMessage: messageOf(err) });
    }
  },

  async loadMore() {
    if (this.data.status !== 'ready' || (this.data.more !== 'idle' && this.data.more !== 'error')) return;
    const seq = this.seq;
    this.setData({ more: 'loading' });
    try {
      const res = await listOrders(this.query(this.data.page + 1));
      if (seq !== this.seq) return;
      this.setData({
        ...appendPatch('orders', this.data.orders.length, res.items.map(orderCard)),
        page: res.page,
        more: hasMore(res) ? 'idle' : 'done',
      });
      void this.loadAfterSaleLabels(seq, res.items);
    } catch {
      if (seq === this.seq) this.setData({ more: 'error' });
    }
  },

  /**
   * One GET /aftersales/by-orders for the page just shown; each order with requests gets its
   * badge. A failure only leaves the badges out (the list itself is already there).
   */
  async loadAfterSaleLabels(seq: number, orders: Order[]) {
    const ids = orders.filter((o) => AFTERSALE_STATUSES.includes(o.status)).map((o) => o.id);
    if (ids.length === 0) return;
    try {
      const res = await afterSaleStates(ids);
      if (seq !== this.seq) return;
      const patch: Record<string, string> = {};
      for (const state of res.items) {
        const index = this.data.orders.findIndex((o) => o.id === state.orderId);
        if (index >= 0 && state.label) patch[`orders[${index}].afterSaleLabel`] = state.label;
      }
      if (Object.keys(patch).length > 0) this.setData(patch);
    } catch {
      // badges are a hint: the list works without them
    }
  },

  /** Puts a changed order back in place (or drops it when it left the current tab). */
  replace(order: Order) {
    const index = this.data.orders.findIndex((o) => o.id === order.id);
    if (index < 0) return;
    if (this.data.active !== 'all' && order.status !== this.data.active) void this.reload(true);
    else
      this.setData({
        [`orders[${index}]`]: { ...orderCard(order), afterSaleLabel: this.data.orders[index].afterSaleLabel },
      });
  },

  onOrderTap(e: Tap<{ id: number }>) {
    wx.navigateTo({ url: orderPath(e.currentTarget.dataset.id) });
  },

  async onPay(e: Tap<{ id: number }>) {
    if ((await payNow(e.currentTarget.dataset.id)) !== null) await this.reload(true);
  },

  async onCancel(e: Tap<{ id: number }>) {
    const order = await cancel(e.currentTarget.dataset.id);
    if (order) this.replace(order);
  },

  async onConfirmReceipt(e: Tap<{ id: number }>) {
    const order = await confirmReceived(e.currentTarget.dataset.id);
    if (order) this.replace(order);
  },

  onReview(e: Tap<{ id: number }>) {
    wx.navigateTo({ url: writeReviewPath({ orderId: e.currentTarget.dataset.id }) });
  },

  onLogistics(e: Tap<{ id: number }>) {
    wx.navigateTo({ url: logisticsPath(e.currentTarget.dataset.id) });
  },
});
