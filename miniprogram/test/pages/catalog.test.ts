import type { HomePage, ProductDetail, ProductPage } from '../../src/contracts/catalog';
import type { CartView } from '../../src/contracts/cart';
import { createShopper } from '../../../apps/api/test/support/factories';
import type { TestApp } from '../../../apps/api/test/support/test-app';
import { startDemoShop } from '../support/demo-shop';
import { MiniProgram } from '../support/mini-program';
import { Shop } from '../support/shop';
import { formatFen } from '../../src/utils/money';

/** Browsing pages against the real API serving the shop's demo catalog. */
describe('catalog pages', () => {
  let t: TestApp;
  let mp: MiniProgram;
  const get = async <T>(path: string): Promise<T> => (await t.http.get(`/api/v1${path}`).expect(200)).body as T;

  beforeAll(async () => {
    t = await startDemoShop();
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    mp = MiniProgram.start(t.baseUrl);
  });
  afterEach(() => {
    mp.close();
  });

  it('home shows the banners, categories, hot and new products GET /catalog/home serves', async () => {
    const served = await get<HomePage>('/catalog/home');
    expect(served.banners.length).toBeGreaterThan(0);
    const home = await mp.open('/pages/home/index');
    expect(home.data.status).toBe('ready');
    expect(home.$$('.banner')).toHaveLength(served.banners.length);
    expect(home.texts('.category-name')).toEqual(served.categories.map((c) => c.name));
    const cards = (list: string) => home.texts(`.${list} .product-card >>> .title`);
    expect(cards('hot')).toEqual(served.hot.map((p) => p.title));
    expect(cards('newest')).toEqual(served.newest.map((p) => p.title));
    expect(home.text('.hot')).toContain(`¥${formatFen(served.hot[0].minPrice)}`);
    expect(home.text('.hot')).toContain(`已售 ${served.hot[0].sales}`);

    await home.call('onPullDownRefresh');
    expect(mp.wx.calls).toContain('stopPullDownRefresh');
    expect((await mp.acceptedEvents()).map((e) => e.type)).toContain('page_view');
  });

  it('a banner opens the product it advertises', async () => {
    const served = await get<HomePage>('/catalog/home');
    const home = await mp.open('/pages/home/index');
    home.tap('.banner', 0);
    const detail = await mp.expectPage('pages/product/detail/index');
    expect(`/${detail.route}?id=${detail.query.id}`).toBe(served.banners[0].link);
    expect(detail.text('.title')).toBe((await get<ProductDetail>(`/catalog/products/${detail.query.id}`)).title);
  });

  it('a home category opens the category tab on that category', async () => {
    const served = await get<HomePage>('/catalog/home');
    const target = served.categories[2];
    const home = await mp.open('/pages/home/index');
    home.tap('.category', 2);
    const category = await mp.expectPage('pages/category/index');
    expect(category.data.activeTop).toBe(target.id);
    expect(category.text('.top.active')).toBe(target.name);
    const listed = await get<ProductPage>(`/catalog/products?categoryId=${target.id}&pageSize=10`);
    expect(category.texts('.product-card >>> .title')).toEqual(listed.items.map((p) => p.title));
  });

  it('shows an error state when the API cannot be reached, and loads on retry', async () => {
    mp.wx.failNextRequests(3); // the first try and both automatic retries
    const home = mp.launch('/pages/home/index');
    await mp.until(() => home.data.status === 'error', 'the error state');
    expect(home.text()).toContain('网络不给力，请检查网络后重试');
    home.tap('.page-state >>> .retry');
    await mp.idle();
    expect(home.data.status).toBe('ready');
    expect(home.has('.hot')).toBe(true);
  });

  it('category: tree, subcategories and an infinitely scrolling product list', async () => {
    const shop = await Shop.open(t);
    const top = await shop.category('测试大类');
    const left = await shop.category('左', top.id);
    const right = await shop.category('右', top.id);
    for (let i = 0; i < 7; i++) await shop.product({ categoryId: left.id, title: `左边商品${i}` });
    for (let i = 0; i < 5; i++) await shop.product({ categoryId: right.id, title: `右边商品${i}` });
    const tree = await get<Array<{ id: number; name: string }>>('/catalog/categories');

    const page = await mp.open('/pages/category/index');
    expect(page.texts('.top')).toEqual(tree.map((c) => c.name));
    page.tap(
      `.top`,
      tree.findIndex((c) => c.id === top.id),
    );
    await mp.idle();
    expect(page.texts('.child')).toEqual(['全部', left.name, right.name]);
    expect(page.$$('.product-card')).toHaveLength(10);
    expect(page.data.more).toBe('idle');

    page.fire('.content', 'scrolltolower', {});
    await mp.idle();
    expect(page.$$('.product-card')).toHaveLength(12);
    expect(page.text('.load-more')).toBe('没有更多了');

    page.tap('.child', 2);
    await mp.idle();
    expect(page.texts('.product-card >>> .title').sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => `右边商品${i} ${shop.tag}`).sort(),
    );

    // pull-down on the list: a product added meanwhile shows up, the list never blanks meanwhile
    await shop.product({ categoryId: right.id, title: '右边新品' });
    const before = mp.wx.requests.length;
    page.fire('.content', 'refresherrefresh', {});
    await mp.until(() => page.data.refreshing === true, 'the refresher');
    expect(page.$$('.product-card')).toHaveLength(5);
    await mp.idle();
    expect(mp.wx.requests.slice(before).map((r) => r.path.split('?')[0])).toEqual([
      '/api/v1/catalog/categories',
      '/api/v1/catalog/products',
    ]);
    expect(page.data.refreshing).toBe(false);
    expect(page.texts('.product-card >>> .title')).toContain(`右边新品 ${shop.tag}`);
  });

  it('search: keyword results, sorting by price both ways, history, and an empty result', async () => {
    const page = await mp.open('/pages/product/search/index');
    expect(page.$$('.history-item')).toHaveLength(0);

    page.input('.search-input', '蓝牙');
    page.input('.search-input', '蓝牙', 'confirm');
    await mp.idle();
    const served = await get<ProductPage>(`/catalog/products?keyword=${encodeURIComponent('蓝牙')}&pageSize=10`);
    expect(served.total).toBeGreaterThan(1);
    expect(page.text('.result-total')).toBe(`共 ${served.total} 件商品`);
    // 综合 by default: the API's relevance order (a title match before a description match)
    expect(page.text('.sort.active')).toBe('综合');
    expect(page.texts('.product-card >>> .title')).toEqual(served.items.map((p) => p.title));

    const prices = () => (page.data.results as Array<{ minPrice: number }>).map((p) => p.minPrice);
    page.tap('.sort', 3);
    await mp.idle();
    expect(prices()).toEqual([...prices()].sort((a, b) => a - b));
    expect(page.text('.sort.active')).toBe('价格 ↑');
    page.tap('.sort', 3);
    await mp.idle();
    expect(prices()).toEqual([...prices()].sort((a, b) => b - a));
    expect(page.text('.sort.active')).toBe('价格 ↓');

    page.input('.search-input', '不存在的商品名xyz', 'confirm');
    await mp.idle();
    expect(page.data.listStatus).toBe('empty');
    expect(page.text()).toContain('没有找到“不存在的商品名xyz”相关的商品');

    const again = await mp.open('/pages/product/search/index');
    expect(again.texts('.history-item')).toEqual(['不存在的商品名xyz', '蓝牙']);
    again.tap('.history-item', 1);
    await mp.idle();
    expect(again.text('.result-total')).toBe(`共 ${served.total} 件商品`);
    again.input('.search-input', '');
    await mp.idle();
    again.tap('.clear-history');
    await mp.idle();
    expect(again.$$('.history-item')).toHaveLength(0);
    expect(mp.wx.storage.has('sut.search.history')).toBe(false);

    const searches = (await mp.acceptedEvents()).filter((e) => e.type === 'search').map((e) => e.keyword);
    expect(searches).toEqual(['蓝牙', '不存在的商品名xyz', '蓝牙']);
  });

  it('product detail: gallery, price range, SKU picker by spec axes with stock, add to cart', async () => {
    const [found] = (await get<ProductPage>(`/catalog/products?keyword=${encodeURIComponent('星耀 X5')}`)).items;
    const product = await get<ProductDetail>(`/catalog/products/${found.id}`);
    const inStock = product.skus.filter((s) => s.stock > 0);
    const soldOut = product.skus.find((s) => s.stock === 0)!;
    expect(soldOut).toBeDefined(); // the demo sells out a few combinations on purpose

    const page = await mp.open(`/pages/product/detail/index?id=${product.id}`);
    expect(page.text('.title')).toBe(product.title);
    expect(page.$$('.gallery-image')).toHaveLength(product.images.length);
    const min = Math.min(...inStock.map((s) => s.price));
    const max = Math.max(...inStock.map((s) => s.price));
    // the struck-through original is the range of the same SKUs' originals, never one SKU's
    const originals = inStock.map((s) => Math.max(s.originalPrice ?? 0, s.price));
    const [oMin, oMax] = [Math.min(...originals), Math.max(...originals)];
    expect(oMax).toBeGreaterThan(max); // the demo phone is on sale
    expect(page.text('.detail-price')).toBe(
      `¥${formatFen(min)} - ${formatFen(max)}¥${formatFen(oMin)}${oMax > oMin ? ` - ${formatFen(oMax)}` : ''}`,
    );
    expect(page.text('.spec-row')).toContain(`请选择 ${product.specAxes.map((a) => a.name).join(' ')}`);
    expect(page.has('.page-state >>> .skeleton')).toBe(false);

    page.tap('.add-to-cart');
    await mp.idle();
    const [colour, storage] = product.specAxes;
    const option = (axis: string, value: string) =>
      page
        .$$('.sku-picker >>> .option')
        .find((o) => o.dom?.textContent === value && o.dom?.getAttribute('data-axis') === axis);
    // picking the sold-out SKU's colour greys out its storage
    option(colour.name, soldOut.specs[colour.name])!.dispatchEvent('tap');
    await mp.idle();
    const disabled = page.$$('.sku-picker >>> .option.disabled').map((o) => o.dom?.textContent);
    expect(disabled).toContain(soldOut.specs[storage.name]);

    const wanted = inStock.find((s) => s.specs[colour.name] !== soldOut.specs[colour.name])!;
    option(colour.name, wanted.specs[colour.name])!.dispatchEvent('tap');
    option(storage.name, wanted.specs[storage.name])!.dispatchEvent('tap');
    await mp.idle();
    const own =
      wanted.originalPrice && wanted.originalPrice > wanted.price ? `¥${formatFen(wanted.originalPrice)}` : '';
    expect(page.text('.sku-picker >>> .picker-price')).toBe(`¥${formatFen(wanted.price)}${own}`);
    // the page's price line follows the pick: this SKU's price against this SKU's original
    expect(page.text('.detail-price')).toBe(`¥${formatFen(wanted.price)}${own}`);
    expect(page.text('.sku-picker >>> .stock')).toBe(`库存 ${wanted.stock} 件`);
    expect(page.text('.spec-row')).toContain(`已选：${wanted.specs[colour.name]} ${wanted.specs[storage.name]}`);
    page.tap('.sku-picker >>> .stepper >>> .t-stepper__plus');
    await mp.idle();
    page.tap('.sku-picker >>> .confirm-cart');
    await mp.idle();
    expect(page.toast()).toBe('已加入购物车');
    expect(page.data.pickerVisible).toBe(false);
    // the cart tab's badge and the page's cart icon count what is now in the cart
    expect(mp.tabBadges.get(2)).toBe('2');
    expect(page.text('.cart-link')).toContain('2');

    const shopper = await createShopper(t, mp.wx.loginCode);
    const cart = (await t.http.get('/api/v1/cart/items').set(shopper.auth).expect(200)).body as CartView;
    expect(cart.items).toEqual([expect.objectContaining({ skuId: wanted.id, quantity: 2, price: wanted.price })]);

    const events = await mp.acceptedEvents();
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'product_view', productId: product.id, page: 'pages/product/detail/index' }),
        expect.objectContaining({ type: 'add_to_cart', productId: product.id }),
      ]),
    );

    // buy now: the same picker, straight to checkout with this SKU
    page.tap('.buy-now');
    await mp.idle();
    expect(page.has('.sku-picker >>> .confirm-cart')).toBe(false);
    page.tap('.sku-picker >>> .confirm-buy');
    const checkout = await mp.expectPage('pages/order/checkout/index');
    expect(checkout.query).toEqual({ skuId: String(wanted.id), quantity: '2' });
  });

  it('product detail of a product that does not exist shows the error state', async () => {
    const page = await mp.open('/pages/product/detail/index?id=99999999');
    expect(page.data.status).toBe('error');
    expect(page.text()).toContain('商品不存在或已下架');
  });
});
