import type { ProductPage } from '../../src/contracts/catalog';
import { createShopper, type Shopper } from '../../../apps/api/test/support/factories';
import { createAddress } from '../../../apps/api/test/support/factories';
import { backendLabel, type TestApp } from '../../../apps/api/test/support/test-app';
import { startDemoShop, startOwnShop } from '../support/demo-shop';
import { MiniProgram, type PageHandle } from '../support/mini-program';
import { OrderDesk } from '../support/orders';
import { Shop } from '../support/shop';

/**
 * Every page's faces, checked by what is on screen (no snapshots): the skeleton while the first
 * answer is on its way, the loaded page, and the empty state where a page has one. The README's
 * page table lists the same states.
 */
interface PageCase {
  url: () => string;
  /** an element only the loaded page has */
  loaded: string;
  /** the list skeleton lives in a second page-state (search results) */
  skeleton?: string;
}

describe(`every page: skeleton, loaded, empty (${backendLabel})`, () => {
  let demo: TestApp;
  let shopper: Shopper;
  let loginCode: string;
  let productId: number;
  let skuId: number;
  let orderId: number;
  let shippedId: number;
  let addressId: number;

  beforeAll(async () => {
    demo = await startDemoShop();
    loginCode = `states-${Date.now()}`;
    shopper = await createShopper(demo, loginCode);
    const shop = await Shop.open(demo);
    const page = (await demo.http.get('/api/v1/catalog/products?pageSize=1').expect(200)).body as ProductPage;
    productId = page.items[0].id;
    const detail = (await demo.http.get(`/api/v1/catalog/products/${productId}`).expect(200)).body as {
      skus: Array<{ id: number; stock: number }>;
    };
    skuId = detail.skus.find((s) => s.stock > 5)!.id;
    addressId = await createAddress(demo, shopper);
    const desk = new OrderDesk(demo, shop);
    orderId = (await desk.place(shopper, addressId, skuId)).id;
    const shipped = await desk.place(shopper, addressId, skuId);
    await desk.pay(shopper, shipped.id);
    await desk.ship(shipped.id);
    shippedId = shipped.id;
    await demo.http.post('/api/v1/cart/items').set(shopper.auth).send({ skuId, quantity: 1 }).expect(201);
  });
  afterAll(async () => {
    await demo?.close();
  });

  const cases: Record<string, PageCase> = {
    home: { url: () => '/pages/home/index', loaded: '.hot' },
    category: { url: () => '/pages/category/index', loaded: '.top' },
    cart: { url: () => '/pages/cart/index', loaded: '.lines' },
    me: { url: () => '/pages/me/index', loaded: '.shortcut' },
    'product detail': { url: () => `/pages/product/detail/index?id=${productId}`, loaded: '.detail-price' },
    checkout: { url: () => `/pages/order/checkout/index?skuId=${skuId}&quantity=1`, loaded: '.lines .line' },
    'order list': { url: () => '/pages/order/list/index', loaded: '.order' },
    'order detail': { url: () => `/pages/order/detail/index?id=${orderId}`, loaded: '.status-text' },
    'pay result': { url: () => `/pages/order/pay-result/index?orderId=${orderId}`, loaded: '.headline' },
    logistics: { url: () => `/pages/order/logistics/index?orderId=${shippedId}`, loaded: '.carrier-name' },
    'address list': { url: () => '/pages/address/list/index', loaded: '.address' },
    'address edit': { url: () => `/pages/address/edit/index?id=${addressId}`, loaded: '.receiver' },
  };

  function expectSkeleton(page: PageHandle, selector = '.page-state'): void {
    // the first answer cannot have arrived: launch() only ran onLoad/onShow
    expect([page.route, page.has(`${selector} >>> .skeleton`)]).toEqual([page.route, true]);
    // TDesign skeleton blocks, drawn (their rows rendered), not just declared
    expect(page.$$(`${selector} >>> .skeleton-piece >>> .t-skeleton__row`).length).toBeGreaterThan(0);
  }

  for (const [name, c] of Object.entries(cases)) {
    it(`${name}: skeleton first, then the loaded page`, async () => {
      const mp = MiniProgram.start(demo.baseUrl, loginCode);
      try {
        const page = mp.launch(c.url());
        expectSkeleton(page);
        expect(page.has(c.loaded)).toBe(false);
        await mp.idle();
        await mp.until(() => page.data.status === 'ready', `${name} loaded`);
        expect(page.has(c.loaded)).toBe(true);
        expect(page.has('.page-state >>> .skeleton')).toBe(false);
      } finally {
        mp.close();
      }
    });
  }

  it('search: the results skeleton, then results', async () => {
    const mp = MiniProgram.start(demo.baseUrl, loginCode);
    try {
      const page = await mp.open('/pages/product/search/index');
      page.input('.search-input', '蓝牙', 'confirm');
      await mp.until(() => page.data.listStatus === 'loading', 'the search to start');
      expectSkeleton(page, '.list-state');
      await mp.idle();
      expect(page.data.listStatus).toBe('ready');
      expect(page.$$('.product-card').length).toBeGreaterThan(0);
    } finally {
      mp.close();
    }
  });

  describe('empty states, on a shop with nothing in it', () => {
    let empty: TestApp;
    beforeAll(async () => {
      empty = await startOwnShop();
    });
    afterAll(async () => {
      await empty?.close();
    });

    const emptyCases: Array<[string, string, string]> = [
      ['home', '/pages/home/index', '店铺还没有上架商品'],
      ['category', '/pages/category/index', '暂无分类'],
      ['cart', '/pages/cart/index', '购物车还是空的'],
      ['order list', '/pages/order/list/index', '暂无相关订单'],
      ['address list', '/pages/address/list/index', '还没有收货地址'],
    ];
    for (const [name, url, text] of emptyCases) {
      it(`${name}: the empty state says so (TDesign Empty)`, async () => {
        const mp = MiniProgram.start(empty.baseUrl);
        try {
          const page = await mp.open(url);
          await mp.until(() => page.data.status === 'empty', `${name} empty`);
          expect(page.text('.page-state >>> .empty >>> .t-empty__description')).toBe(text);
        } finally {
          mp.close();
        }
      });
    }

    it('search: no results for a keyword says which', async () => {
      const mp = MiniProgram.start(empty.baseUrl);
      try {
        const page = await mp.open('/pages/product/search/index');
        page.input('.search-input', '不存在的东西', 'confirm');
        await mp.idle();
        expect(page.data.listStatus).toBe('empty');
        expect(page.text('.list-state')).toContain('没有找到“不存在的东西”相关的商品');
      } finally {
        mp.close();
      }
    });
  });
});
