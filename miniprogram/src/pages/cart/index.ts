import { getCart, removeCartItem, selectAllCartItems, updateCartItem } from '../../services/cart';
import { confirm, toast } from '../../utils/feedback';
import type { DetailEvent, LoadStatus, Tap } from '../../utils/page';
import { checkoutPath, productPath, routes } from '../../utils/routes';
import { cartScreen, type CartLineView } from './cart-view';
import type { CartView } from '../../contracts/cart';
import { loadInto } from '../../utils/load';
import { reloadOnShow } from '../../utils/reload-on-show';

Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    lines: [] as CartLineView[],
    unavailable: [] as CartLineView[],
    allSelected: false,
    selectedCount: 0,
    selectedTotal: 0,
  },

  // The cart changes on other pages (add to cart, checkout): read it on every visit.
  ...reloadOnShow,

  load(quiet: unknown = false) {
    return loadInto(this, quiet, async () => {
      this.show(await getCart());
    });
  },

  show(view: CartView) {
    const screen = cartScreen(view);
    this.setData({ ...screen, status: view.items.length === 0 ? 'empty' : 'ready' });
  },

  /** Runs a cart change; the API answers with the whole new cart. Errors were toasted. */
  async change(action: () => Promise<CartView | void>) {
    try {
      const view = await action();
      if (view) this.show(view);
      else await this.load(true);
    } catch {
      await this.load(true);
    }
  },

  onToggle(e: Tap<{ id: number; selected: boolean }>) {
    const { id, selected } = e.currentTarget.dataset;
    void this.change(() => updateCartItem(id, { selected: !selected }));
  },

  onSelectAll() {
    void this.change(() => selectAllCartItems(!this.data.allSelected));
  },

  onQuantityChange(e: DetailEvent<{ value: number }, { id: number }>) {
    const id = e.currentTarget.dataset.id;
    void this.change(() => updateCartItem(id, { quantity: e.detail.value }));
  },

  async onDelete(e: Tap<{ id: number }>) {
    const id = e.currentTarget.dataset.id;
    if (await confirm({ content: '确定删除这件商品吗？', confirmText: '删除' }))
      void this.change(() => removeCartItem(id));
  },

  async onClearUnavailable() {
    if (!(await confirm({ content: '确定清空失效商品吗？', confirmText: '清空' }))) return;
    const ids = this.data.unavailable.map((line) => line.id);
    void this.change(async () => {
      for (const id of ids) await removeCartItem(id);
    });
  },

  onOpenProduct(e: Tap<{ productId: number }>) {
    wx.navigateTo({ url: productPath(e.currentTarget.dataset.productId) });
  },

  onCheckout() {
    if (this.data.selectedCount === 0) {
      toast('请先选择要结算的商品');
      return;
    }
    wx.navigateTo({ url: checkoutPath() });
  },

  onShopTap() {
    wx.switchTab({ url: routes.home });
  },
});
