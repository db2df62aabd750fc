import type { FavouriteItem } from '../../../contracts/favourite';
import { listFavourites, removeFavourite } from '../../../services/engagement';
import { track } from '../../../services/tracker';
import { toast } from '../../../utils/feedback';
import { pullToRefresh } from '../../../utils/load';
import type { LoadStatus, MoreStatus, Tap } from '../../../utils/page';
import { pagedList } from '../../../utils/paged';
import { remembered } from '../../../utils/review';
import { productPath } from '../../../utils/routes';

type Row = ReturnType<typeof remembered<FavouriteItem>>;

/** The shopper's favourites, newest first; off-shelf and sold-out ones are marked. */
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

  ...pagedList((_host, page) => listFavourites(page), remembered<FavouriteItem>),

  onOpen(e: Tap<{ id: number }>) {
    wx.navigateTo({ url: productPath(e.currentTarget.dataset.id) });
  },

  async onRemove(e: Tap<{ id: number }>) {
    const id = e.currentTarget.dataset.id;
    try {
      await removeFavourite(id);
    } catch {
      return; // request.ts has told the shopper
    }
    const items = this.data.items.filter((i) => i.productId !== id);
    this.setData({ items, status: items.length === 0 ? 'empty' : 'ready' });
    toast('已取消收藏');
  },
});
