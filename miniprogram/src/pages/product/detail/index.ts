import type { ProductDetail } from '../../../contracts/catalog';
import { cartBadgeCount } from '../../../services/cart-badge';
import { addToCart, refreshCartBadge } from '../../../services/cart';
import { getProduct } from '../../../services/catalog';
import { track } from '../../../services/tracker';
import { messageOf } from '../../../utils/errors';
import type { DetailEvent, LoadStatus, Tap } from '../../../utils/page';
import { idParam } from '../../../utils/query';
import { checkoutPath, routes } from '../../../utils/routes';
import { productShare, shareSource, type ShareSource } from '../../../utils/share';
import { initialSelection, priceView, selectionLabel, type PriceView } from '../../../utils/sku';
import type { PickerAction, PickerConfirm } from './sku-picker/index';
import { toast } from '../../../utils/feedback';
import type { ReviewSummary } from '../../../contracts/review';
import { addFavourite, favouriteStatus, removeFavourite, reviewOverview } from '../../../services/engagement';
import { reviewView, type ReviewView } from '../../../utils/review';
import { reviewsPath } from '../../../utils/routes';

const NO_PRICE: PriceView = { min: 0, max: 0, originalMin: 0, originalMax: 0 };

Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    product: null as ProductDetail | null,
    price: NO_PRICE,
    soldOut: false,
    galleryIndex: 0,
    viewerVisible: false,
    specLabel: '',
    pickerVisible: false,
    pickerAction: 'both' as PickerAction,
    cartCount: 0,
    favourited: false,
    favouriteCount: 0,
    favouriteBusy: false,
    summary: null as ReviewSummary | null,
    reviews: [] as ReviewView[],
  },
  productId: 0,
  /** set when the page was opened from a share: product_view records where the shopper came from */
  source: null as ShareSource | null,

  onLoad(query: Record<string, string | undefined>) {
    this.productId = idParam(query.id) ?? 0;
    this.source = shareSource(query.source);
    wx.showShareMenu({ menus: ['shareAppMessage', 'shareTimeline'] });
    void this.load();
  },

  onShow() {
    track({ type: 'page_view', page: this.route });
    // a shopper opening a shared link may not be logged in yet: the product shows regardless
    void refreshCartBadge().then(() => this.setData({ cartCount: cartBadgeCount() }));
  },

  async load() {
    if (!this.productId) {
      this.setData({ status: 'error', errorMessage: '商品不存在或已下架' });
      return;
    }
    this.setData({ status: 'loading' });
    try {
      const product = await getProduct(this.productId);
      this.setData({
        product,
        price: priceView(product.skus, null) ?? { ...NO_PRICE, min: product.minPrice },
        soldOut: product.skus.every((s) => s.stock <= 0),
        // the picker reports later changes; this is where it starts
        specLabel: selectionLabel(product.specAxes, initialSelection(product.specAxes, product.skus)),
        status: 'ready',
      });
      wx.setNavigationBarTitle({ title: product.title });
      void this.loadEngagement();
      track({
        type: 'product_view',
        page: this.route,
        productId: product.id,
        ...(this.source ? { source: this.source } : {}),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: messageOf(err) });
    }
  },

  /** The heart and the reviews: extras, the product shows without them. */
  async loadEngagement() {
    const [fav, overview] = await Promise.all([
      favouriteStatus(this.productId).catch(() => null),
      reviewOverview(this.productId).catch(() => null),
    ]);
    if (fav) this.setData({ favourited: fav.favourited, favouriteCount: fav.count });
    if (overview) this.setData({ summary: overview.summary, reviews: overview.reviews.slice(0, 3).map(reviewView) });
  },

  async onFavouriteTap() {
    if (this.data.favouriteBusy) return;
    this.setData({ favouriteBusy: true });
    try {
      const wanted = !this.data.favourited;
      const fav = await (wanted ? addFavourite(this.productId) : removeFavourite(this.productId));
      this.setData({ favourited: fav.favourited, favouriteCount: fav.count });
      toast(fav.favourited ? '已收藏' : '已取消收藏', fav.favourited ? 'success' : undefined);
    } catch {
      // request.ts has told the shopper (e.g. 收藏已达上限)
    } finally {
      this.setData({ favouriteBusy: false });
    }
  },

  onAllReviews() {
    wx.navigateTo({ url: reviewsPath(this.productId) });
  },

  onShareAppMessage() {
    return productShare(this.data.product, this.productId).message;
  },

  onShareTimeline() {
    return productShare(this.data.product, this.productId).timeline;
  },

  onGalleryChange(e: DetailEvent<{ current: number }>) {
    this.setData({ galleryIndex: e.detail.current });
  },

  onPreview(e: Tap<{ index: number }>) {
    this.setData({ viewerVisible: true, galleryIndex: e.currentTarget.dataset.index });
  },

  onViewerClose() {
    this.setData({ viewerVisible: false });
  },

  /** 领券: the coupons usable on this product. */
  onCoupons() {
    wx.navigateTo({ url: `${routes.coupons}?productId=${this.productId}` });
  },

  onSpecTap() {
    this.setData({ pickerVisible: true, pickerAction: 'both' });
  },

  onActionTap(e: Tap<{ action: 'cart' | 'buy' }>) {
    if (this.data.soldOut) return;
    this.setData({ pickerVisible: true, pickerAction: e.currentTarget.dataset.action });
  },

  /** The price line follows the picker: the chosen SKU's price and original, else the ranges. */
  onPickerChange(e: DetailEvent<{ label: string; skuId: number }>) {
    const skus = this.data.product?.skus ?? [];
    const selected = skus.find((s) => s.id === e.detail.skuId) ?? null;
    this.setData({ specLabel: e.detail.label, price: priceView(skus, selected) ?? this.data.price });
  },

  onPickerClose() {
    this.setData({ pickerVisible: false });
  },

  async onPickerConfirm(e: DetailEvent<PickerConfirm>) {
    const { action, skuId, quantity } = e.detail;
    if (action === 'buy') {
      this.setData({ pickerVisible: false });
      wx.navigateTo({ url: checkoutPath({ skuId, quantity }) });
      return;
    }
    try {
      await addToCart({ skuId, quantity });
      track({ type: 'add_to_cart', page: this.route, productId: this.productId });
      this.setData({ pickerVisible: false, cartCount: cartBadgeCount() });
      toast('已加入购物车', 'success');
    } catch {
      // request.ts has told the shopper (e.g. 库存不足); the picker stays open to adjust
    }
  },

  onCartTap() {
    wx.switchTab({ url: routes.cart });
  },
});
