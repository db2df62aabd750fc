import { AFTERSALE_STATUS_TEXT, type AfterSale } from '../../../contracts/aftersale';
import { cancelAfterSale, listAfterSales } from '../../../services/aftersale';
import { loadInto, pullToRefresh } from '../../../utils/load';
import type { LoadStatus } from '../../../utils/page';
import { idParam } from '../../../utils/query';
import { formatDateTime } from '../../../utils/time';

type View = AfterSale & { statusText: string; typeText: string; timeText: string; cancellable: boolean };

/** The shopper's after-sale requests (one order's with ?orderId), each with its state and result. */
Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    items: [] as View[],
  },
  orderId: null as number | null,

  onLoad(query: Record<string, string | undefined>) {
    this.orderId = idParam(query.orderId);
  },

  onShow() {
    void this.load();
  },

  onPullDownRefresh() {
    return pullToRefresh(() => this.load(true));
  },

  load(quiet: unknown = false) {
    return loadInto(this, quiet, async () => {
      const list = await listAfterSales(this.orderId ?? undefined);
      this.setData({
        status: 'ready',
        items: list.items.map((a) => ({
          ...a,
          statusText: AFTERSALE_STATUS_TEXT[a.status],
          typeText: a.type === 'REFUND_ONLY' ? '仅退款' : '退货退款',
          timeText: formatDateTime(a.createdAt),
          cancellable: a.status === 'REQUESTED' || a.status === 'APPROVED',
        })),
      });
    });
  },

  async onCancel(e: { currentTarget: { dataset: { id: number } } }) {
    try {
      await cancelAfterSale(Number(e.currentTarget.dataset.id));
    } catch {
      // toasted by request.ts
    }
    await this.load(true);
  },
});
