import type { Page as ListPage } from '../../contracts/common';
import { track } from '../../services/tracker';
import { toast } from '../../utils/feedback';
import { pullToRefresh } from '../../utils/load';
import type { LoadStatus, MoreStatus, Tap } from '../../utils/page';
import { pagedList, type PagedData } from '../../utils/paged';
import { productPath } from '../../utils/routes';

interface Host {
  data: PagedData;
  setData(patch: Record<string, unknown>): void;
  route: string;
  shown: boolean;
  reload(quiet?: unknown): Promise<void>;
  loadMore(): Promise<void>;
}

/**
 * The shared skeleton of the shopper's own product lists (favourites, browsing history):
 * loads on every show (quietly after the first), pull to refresh, more at the bottom, a row
 * opens its product, and `onRemove` drops one row once the server has.
 */
export function shopperProductList<T, V extends { productId: number }>(options: {
  list: (page: number) => Promise<ListPage<T>>;
  view: (item: T) => V;
  remove: (productId: number) => Promise<unknown>;
  removed: string;
}) {
  return {
    data: {
      status: 'loading' as LoadStatus,
      errorMessage: '',
      items: [] as V[],
      page: 0,
      more: 'idle' as MoreStatus,
    },
    seq: 0,
    shown: false,

    onShow(this: Host) {
      track({ type: 'page_view', page: this.route });
      void this.reload(this.shown);
      this.shown = true;
    },

    onPullDownRefresh(this: Host) {
      return pullToRefresh(() => this.reload(true));
    },

    onReachBottom(this: Host) {
      void this.loadMore();
    },

    ...pagedList((_host, page) => options.list(page), options.view),

    onOpen(e: Tap<{ id: number }>) {
      wx.navigateTo({ url: productPath(e.currentTarget.dataset.id) });
    },

    async onRemove(this: Host, e: Tap<{ id: number }>) {
      const id = e.currentTarget.dataset.id;
      try {
        await options.remove(id);
      } catch {
        return; // request.ts has told the shopper
      }
      const items = (this.data.items as V[]).filter((i) => i.productId !== id);
      this.setData({ items, status: items.length === 0 ? 'empty' : 'ready' });
      toast(options.removed);
    },
  };
}
