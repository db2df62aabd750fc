import { toast } from '../../../utils/feedback';
import type { ProductSummary } from '../../../contracts/catalog';
import { CATALOG_LIMITS } from '../../../contracts/catalog';
import { listProducts } from '../../../services/catalog';
import { favouriteMap } from '../../../services/engagement';
import { track } from '../../../services/tracker';
import { messageOf } from '../../../utils/errors';
import { pullToRefresh } from '../../../utils/load';
import {
  appendPatch,
  hasMore,
  type DetailEvent,
  type LoadStatus,
  type MoreStatus,
  type Tap,
} from '../../../utils/page';
import { addToHistory, HISTORY_KEY, readHistory, sortParam, sortTabs, type SortKey } from './search-state';

const PAGE_SIZE = 10;

Page({
  data: {
    keyword: '',
    maxLength: CATALOG_LIMITS.keywordMaxLength,
    history: [] as string[],
    searched: false,
    searchedKeyword: '',
    sortKey: 'relevance' as SortKey,
    sorts: sortTabs('relevance'),
    listStatus: 'loading' as LoadStatus,
    listError: '',
    results: [] as ProductSummary[],
    total: 0,
    page: 0,
    more: 'idle' as MoreStatus,
    /** product ids in the signed-in shopper's favourites (the hearts on the cards) */
    favourites: {} as Record<number, true>,
  },
  seq: 0,

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ history: readHistory() });
    void favouriteMap().then((favourites) => this.setData({ favourites }));
    if (query.keyword) this.search(query.keyword);
  },

  onShow() {
    track({ type: 'page_view', page: this.route });
  },

  onReachBottom() {
    void this.loadMore();
  },

  /** Pull-down on the results: the same search again, the list stays until the answer. */
  onPullDownRefresh() {
    if (!this.data.searched) return pullToRefresh(async () => undefined);
    return pullToRefresh(() => this.runSearch(true));
  },

  onInput(e: DetailEvent<{ value: string }>) {
    this.setData({ keyword: e.detail.value });
    if (e.detail.value === '') this.setData({ searched: false, history: readHistory() });
  },

  onConfirm(e: DetailEvent<{ value: string }>) {
    this.search(e.detail.value);
  },

  onSearchTap() {
    this.search(this.data.keyword);
  },

  onHistoryTap(e: Tap<{ keyword: string }>) {
    this.search(e.currentTarget.dataset.keyword);
  },

  onClearHistory() {
    wx.removeStorageSync(HISTORY_KEY);
    this.setData({ history: [] });
  },

  onSortTap(e: Tap<{ key: SortKey }>) {
    const key = e.currentTarget.dataset.key;
    // Tapping 价格 again flips the direction.
    const next: SortKey = key === 'price_asc' && this.data.sortKey === 'price_asc' ? 'price_desc' : key;
    if (next === this.data.sortKey) return;
    this.setData({ sortKey: next, sorts: sortTabs(next) });
    void this.runSearch();
  },

  search(raw: string) {
    const keyword = raw.trim();
    if (!keyword) {
      toast('请输入搜索内容');
      return;
    }
    this.setData({ keyword, searchedKeyword: keyword, searched: true, history: addToHistory(keyword) });
    track({ type: 'search', page: this.route, keyword });
    void this.runSearch();
  },

  async runSearch(quiet: unknown = false) {
    const seq = ++this.seq;
    if (quiet !== true) this.setData({ listStatus: 'loading', results: [], page: 0, more: 'idle' });
    try {
      const res = await listProducts({
        keyword: this.data.searchedKeyword,
        sort: sortParam(this.data.sortKey),
        page: 1,
        pageSize: PAGE_SIZE,
      });
      if (seq !== this.seq) return;
      this.setData({
        results: res.items,
        total: res.total,
        page: 1,
        listStatus: res.items.length === 0 ? 'empty' : 'ready',
        more: hasMore(res) ? 'idle' : 'done',
      });
    } catch (err) {
      if (seq === this.seq && quiet !== true) this.setData({ listStatus: 'error', listError: messageOf(err) });
    }
  },

  async loadMore() {
    if (!this.data.searched || this.data.listStatus !== 'ready') return;
    if (this.data.more !== 'idle' && this.data.more !== 'error') return;
    const seq = this.seq;
    this.setData({ more: 'loading' });
    try {
      const res = await listProducts({
        keyword: this.data.searchedKeyword,
        sort: sortParam(this.data.sortKey),
        page: this.data.page + 1,
        pageSize: PAGE_SIZE,
      });
      if (seq !== this.seq) return;
      this.setData({
        ...appendPatch('results', this.data.results.length, res.items),
        page: res.page,
        more: hasMore(res) ? 'idle' : 'done',
      });
    } catch {
      if (seq === this.seq) this.setData({ more: 'error' });
    }
  },
});
