import type { ProductDetail } from '../../../contracts/catalog';
import { addToCart } from '../../../services/cart';
import { getProduct } from '../../../services/catalog';
import { track } from '../../../services/tracker';
import { messageOf } from '../../../utils/errors';
import type { DetailEvent, LoadStatus, Tap } from '../../../utils/page';
import { idParam } from '../../../utils/query';
import { checkoutPath, routes } from '../../../utils/routes';
import { initialSelection, priceRange, selectionLabel } from '../../../utils/sku';
import type { PickerAction, PickerConfirm } from './sku-picker/index';

Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    product: null as ProductDetail | null,
    priceMin: 0,
    priceMax: 0,
    originalPrice: 0,
    soldOut: false,
    galleryIndex: 0,
    specLabel: '',
    pickerVisible: false,
    pickerAction: 'both' as PickerAction,
  },
  productId: 0,

  onLoad(query: Record<string, string | undefined>) {
    this.productId = idParam(query.id) ?? 0;
    void this.load();
  },

  onShow() {
    track({ type: 'page_view', page: this.route });
  },

  async load() {
    if (!this.productId) {
      this.setData({ status: 'error', errorMessage: '商品不存在或已下架' });
      return;
    }
    this.setData({ status: 'loading' });
    try {
      const product = await getProduct(this.productId);
      const range = priceRange(product.skus);
      const original = Math.max(0, ...product.skus.map((s) => s.originalPrice ?? 0));
      this.setData({
        product,
        priceMin: range?.min ?? product.minPrice,
        priceMax: range?.max ?? 0,
        originalPrice: original,
        soldOut: product.skus.every((s) => s.stock <= 0),
        // the picker reports later changes; this is where it starts
        specLabel: selectionLabel(product.specAxes, initialSelection(product.specAxes, product.skus)),
        status: 'ready',
      });
      wx.setNavigationBarTitle({ title: product.title });
      track({ type: 'product_view', page: this.route, productId: product.id });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: messageOf(err) });
    }
  },

  onGalleryChange(e: DetailEvent<{ current: number }>) {
    this.setData({ galleryIndex: e.detail.current });
  },

  onPreview(e: Tap<{ index: number }>) {
    const urls = this.data.product?.images ?? [];
    wx.previewImage({ urls, current: urls[e.currentTarget.dataset.index] });
  },

  onSpecTap() {
    this.setData({ pickerVisible: true, pickerAction: 'both' });
  },

  onActionTap(e: Tap<{ action: 'cart' | 'buy' }>) {
    if (this.data.soldOut) return;
    this.setData({ pickerVisible: true, pickerAction: e.currentTarget.dataset.action });
  },

  onPickerChange(e: DetailEvent<{ label: string }>) {
    this.setData({ specLabel: e.detail.label });
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
      this.setData({ pickerVisible: false });
      wx.showToast({ title: '已加入购物车', icon: 'success' });
    } catch {
      // request.ts has told the shopper (e.g. 库存不足); the picker stays open to adjust
    }
  },

  onCartTap() {
    wx.switchTab({ url: routes.cart });
  },
});
