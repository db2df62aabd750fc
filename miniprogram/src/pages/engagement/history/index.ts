import type { HistoryItem } from '../../../contracts/favourite';
import { clearHistory, listHistory, removeHistory } from '../../../services/engagement';
import { track } from '../../../services/tracker';
import { confirm, toast } from '../../../utils/feedback';
import { pullToRefresh } from '../../../utils/load';
import type { LoadStatus, MoreStatus, Tap } from '../../../utils/page';
import { pagedList } from '../../../utils/paged';
import { remembered } from '../../../utils/review';
import { productPath } from '../../../utils/routes';

type Row = ReturnType<typeof remembered<HistoryItem>>;

/** Browsing history (footprints), newest first: delete one, or clear all. */
Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    items: [] as Row[],
    page: 0,
    more: 'idle' as MoreStatus,
  },
  seq: 0,
  shown: false,

  onShow() {
    track({ type: 'page_view', page: this.route });
    void this.reload(this.shown);
    this.shown = true;
  },

  onPullDownRefresh() {
    return pullToRefresh(() => this.reload(true));
  },

  onReachBottom() {
    void this.loadMore();
  },

  ...pagedList((_host, page) => listHistory(page), remembered<HistoryItem>),

  onOpen(e: Tap<{ id: number }>) {
    wx.navigateTo({ url: productPath(e.currentTarget.dataset.id) });
  },

  async onRemove(e: Tap<{ id: number }>) {
    const id = e.currentTarget.dataset.id;
    try {
      await removeHistory(id);
    } catch {
      return; // request.ts has told the shopper
    }
    const items = this.data.items.filter((i) => i.productId !== id);
    this.setData({ items, status: items.length === 0 ? 'empty' : 'ready' });
    toast('已删除');
  },

  async onClear() {
    if (!(await confirm({ content: '确定清空全部浏览记录吗？', confirmText: '清空' }))) return;
    try {
      await clearHistory();
    } catch {
      return;
    }
    this.setData({ items: [], status: 'empty', more: 'idle' });
    toast('浏览记录已清空');
  },
});
