import type { HistoryItem } from '../../../contracts/favourite';
import { clearHistory, listHistory, removeHistory } from '../../../services/engagement';
import { confirm, toast } from '../../../utils/feedback';
import { remembered } from '../../../utils/review';
import { shopperProductList } from '../shopper-product-list';

/** Browsing history (footprints), newest first: delete one, or clear all. */
Page({
  ...shopperProductList({ list: listHistory, view: remembered<HistoryItem>, remove: removeHistory, removed: '已删除' }),

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
