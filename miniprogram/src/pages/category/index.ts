import type { Category, CategoryNode, ProductSummary } from '../../contracts/catalog';
import { getCategoryTree, listProducts } from '../../services/catalog';
import { favouriteMap } from '../../services/engagement';
import { track } from '../../services/tracker';
import { messageOf } from '../../utils/errors';
import { appendPatch, hasMore, type LoadStatus, type MoreStatus, type Tap } from '../../utils/page';
import { HANDOFF, takeHandoff } from '../../utils/routes';

const PAGE_SIZE = 10;

Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    tree: [] as CategoryNode[],
    children: [] as Category[],
    activeTop: 0,
    /** 0: the whole top-level category */
    activeChild: 0,
    listStatus: 'loading' as LoadStatus,
    listError: '',
    products: [] as ProductSummary[],
    page: 0,
    more: 'idle' as MoreStatus,
    /** the list's pull-down refresher is showing */
    refreshing: false,
    /** product ids in the signed-in shopper's favourites (the hearts on the cards) */
    favourites: {} as Record<number, true>,
  },
  /** bumps on every new listing, so a late answer for an old category is ignored */
  listSeq: 0,

  onLoad() {
    void this.load();
    void favouriteMap().then((favourites) => this.setData({ favourites }));
  },

  onShow() {
    track({ type: 'page_view', page: this.route });
    // A category tapped on the home tab; before the tree has loaded, load() picks it up.
    if (this.data.status !== 'ready') return;
    const wanted = takeHandoff(HANDOFF.category);
    if (typeof wanted === 'number') this.open(wanted);
  },

  /**
   * Pull-down on the product list (the list is a scroll-view, so its own refresher rather than
   * the page's): the category tree and the list reload, what is on screen stays until they answer.
   */
  async onRefresh() {
    this.setData({ refreshing: true });
    try {
      const tree = await getCategoryTree();
      if (tree.length > 0) {
        this.setData({ tree });
        const top = tree.find((c) => c.id === this.data.activeTop) ?? tree[0];
        this.setData({ activeTop: top.id, children: top.children });
      }
      await this.reloadProducts(true);
    } catch {
      // offline: keep what is shown; the retry is another pull
    } finally {
      this.setData({ refreshing: false });
    }
  },

  async load() {
    this.setData({ status: 'loading' });
    try {
      const tree = await getCategoryTree();
      if (tree.length === 0) {
        this.setData({ status: 'empty' });
        return;
      }
      this.setData({ tree, status: 'ready' });
      const wanted = takeHandoff(HANDOFF.category);
      this.open(typeof wanted === 'number' ? wanted : tree[0].id);
    } catch (err) {
      this.setData({ status: 'error', errorMessage: messageOf(err) });
    }
  },

  /** Shows a top-level category, or a subcategory inside its parent. */
  open(categoryId: number) {
    const top =
      this.data.tree.find((c) => c.id === categoryId) ??
      this.data.tree.find((c) => c.children.some((child) => child.id === categoryId)) ??
      this.data.tree[0];
    const child = top.id === categoryId ? 0 : categoryId;
    this.setData({ activeTop: top.id, activeChild: child, children: top.children });
    void this.reloadProducts();
  },

  onTopTap(e: Tap<{ id: number }>) {
    if (e.currentTarget.dataset.id !== this.data.activeTop) this.open(e.currentTarget.dataset.id);
  },

  onChildTap(e: Tap<{ id: number }>) {
    const id = e.currentTarget.dataset.id;
    if (id === this.data.activeChild) return;
    this.setData({ activeChild: id });
    void this.reloadProducts();
  },

  /** `quiet` (a pull-down refresh) keeps the list on screen until the new first page arrives. */
  async reloadProducts(quiet: unknown = false) {
    const seq = ++this.listSeq;
    if (quiet !== true) this.setData({ listStatus: 'loading', products: [], page: 0, more: 'idle' });
    try {
      const res = await listProducts({
        categoryId: this.data.activeChild || this.data.activeTop,
        page: 1,
        pageSize: PAGE_SIZE,
      });
      if (seq !== this.listSeq) return;
      this.setData({
        products: res.items,
        page: 1,
        listStatus: res.items.length === 0 ? 'empty' : 'ready',
        more: hasMore(res) ? 'idle' : 'done',
      });
    } catch (err) {
      if (seq === this.listSeq && quiet !== true) this.setData({ listStatus: 'error', listError: messageOf(err) });
    }
  },

  /** Infinite scroll: the next page when the list nears its end (or "tap to retry"). */
  async loadMore() {
    if (this.data.listStatus !== 'ready' || (this.data.more !== 'idle' && this.data.more !== 'error')) return;
    const seq = this.listSeq;
    this.setData({ more: 'loading' });
    try {
      const res = await listProducts({
        categoryId: this.data.activeChild || this.data.activeTop,
        page: this.data.page + 1,
        pageSize: PAGE_SIZE,
      });
      if (seq !== this.listSeq) return;
      this.setData({
        ...appendPatch('products', this.data.products.length, res.items),
        page: res.page,
        more: hasMore(res) ? 'idle' : 'done',
      });
    } catch {
      if (seq === this.listSeq) this.setData({ more: 'error' });
    }
  },
});
