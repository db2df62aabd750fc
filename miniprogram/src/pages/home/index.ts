import type { Banner, Category, ProductSummary } from '../../contracts/catalog';
import { refreshCartBadge } from '../../services/cart';
import { getHome } from '../../services/catalog';
import { favouriteMap } from '../../services/engagement';
import { track } from '../../services/tracker';
import type { LoadStatus, Tap } from '../../utils/page';
import { HANDOFF, routes } from '../../utils/routes';
import { loadInto, pullToRefresh } from '../../utils/load';
import { homeShare } from '../../utils/share';

Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    banners: [] as Banner[],
    categories: [] as Category[],
    hot: [] as ProductSummary[],
    newest: [] as ProductSummary[],
    /** product ids in the signed-in shopper's favourites (the hearts on the cards) */
    favourites: {} as Record<number, true>,
  },

  onLoad() {
    wx.showShareMenu({ menus: ['shareAppMessage', 'shareTimeline'] });
    void this.load();
    void favouriteMap().then((favourites) => this.setData({ favourites }));
  },

  onShow() {
    track({ type: 'page_view', page: this.route });
    // back on the tab: the cart may have changed elsewhere (the first show waits for the first screen)
    if (this.data.status === 'ready') void refreshCartBadge();
  },

  onShareAppMessage() {
    return homeShare(this.data.banners[0]?.image).message;
  },

  onShareTimeline() {
    return homeShare(this.data.banners[0]?.image).timeline;
  },

  onPullDownRefresh() {
    return pullToRefresh(() => this.load(true));
  },

  /** The whole first screen in one request (GET /catalog/home). */
  load(quiet: unknown = false) {
    return loadInto(this, quiet, async () => {
      const home = await getHome();
      const empty = home.hot.length === 0 && home.newest.length === 0;
      this.setData({ ...home, status: empty ? 'empty' : 'ready' });
      void refreshCartBadge();
    });
  },

  onBannerTap(e: Tap<{ link: string | null }>) {
    const link = e.currentTarget.dataset.link;
    if (link) wx.navigateTo({ url: link });
  },

  onCategoryTap(e: Tap<{ id: number }>) {
    // switchTab takes no query string: the category tab picks this up in onShow.
    wx.setStorageSync(HANDOFF.category, e.currentTarget.dataset.id);
    wx.switchTab({ url: routes.category });
  },

  onSearchTap() {
    wx.navigateTo({ url: routes.search });
  },
});
