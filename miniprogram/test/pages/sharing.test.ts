import type { HomePage, ProductDetail } from '../../src/contracts/catalog';
import type { TestApp } from '../../../apps/api/test/support/test-app';
import { startDemoShop } from '../support/demo-shop';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MiniProgram, SRC } from '../support/mini-program';

/** Sharing from home and product detail; opening a share; images that load late or never. */
describe('sharing, customer service and images', () => {
  let t: TestApp;
  let product: ProductDetail;
  let home: HomePage;

  beforeAll(async () => {
    t = await startDemoShop();
    home = (await t.http.get('/api/v1/catalog/home').expect(200)).body as HomePage;
    product = (await t.http.get(`/api/v1/catalog/products/${home.hot[0].id}`).expect(200)).body as ProductDetail;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('product detail shares to a chat and to Moments with the product id and a source', async () => {
    const mp = MiniProgram.start(t.baseUrl);
    try {
      const page = await mp.open(`/pages/product/detail/index?id=${product.id}`);
      expect(page.instance.onShareAppMessage()).toEqual({
        title: product.title,
        path: `/pages/product/detail/index?id=${product.id}&source=share_message`,
        imageUrl: product.images[0],
      });
      expect(page.instance.onShareTimeline()).toEqual({
        title: product.title,
        query: `id=${product.id}&source=share_timeline`,
        imageUrl: product.images[0],
      });
      // customer service: WeChat's own contact button is on the page (simulate drops native
      // attributes such as open-type, so the template says which button it is)
      expect(page.text('.contact')).toBe('客服');
    } finally {
      mp.close();
    }
  });

  it('home shares the shop', async () => {
    const mp = MiniProgram.start(t.baseUrl);
    try {
      const page = await mp.open('/pages/home/index');
      expect(page.instance.onShareAppMessage()).toEqual({
        title: 'SutWxApp 商城',
        path: '/pages/home/index?source=share_message',
        imageUrl: home.banners[0].image,
      });
      expect(page.instance.onShareTimeline()).toMatchObject({ query: 'source=share_timeline' });
    } finally {
      mp.close();
    }
  });

  it('a shared link opens on the product even when login fails, without asking for it first', async () => {
    // codes WeChat cannot have issued are refused by the sandbox (40029): this phone never logs in
    const mp = MiniProgram.start(t.baseUrl, `invalid-${Date.now()}`);
    try {
      const page = await mp.open(`/pages/product/detail/index?id=${product.id}&source=share_timeline`);
      expect(page.data.status).toBe('ready');
      expect(page.text('.title')).toBe(product.title);
      const detail = mp.wx.requests.find((r) => r.path === `/api/v1/catalog/products/${product.id}`)!;
      expect(detail.headers.Authorization).toBeUndefined();
      // nothing bothers the shopper about the failed login
      expect(page.toast()).toBeNull();
      expect(mp.wx.toasts).toEqual([]);
    } finally {
      mp.close();
    }
  });

  it('a shopper arriving from a share has the source on their product_view', async () => {
    const mp = MiniProgram.start(t.baseUrl);
    try {
      await mp.open(`/pages/product/detail/index?id=${product.id}&source=share_message`);
      const views = (await mp.acceptedEvents()).filter((e) => e.type === 'product_view');
      expect(views).toEqual([expect.objectContaining({ productId: product.id, source: 'share_message' })]);
      // an unknown source is not passed on (the API would refuse the batch)
      await mp.open(`/pages/product/detail/index?id=${product.id}&source=${encodeURIComponent('<x>')}`);
      const later = (await mp.acceptedEvents()).filter((e) => e.type === 'product_view');
      expect(later[later.length - 1]).not.toHaveProperty('source');
    } finally {
      mp.close();
    }
  });

  it("customer service is WeChat's contact button on product detail and order detail", () => {
    for (const page of ['product/detail', 'order/detail']) {
      const wxml = readFileSync(join(SRC, 'pages', page, 'index.wxml'), 'utf8');
      expect([page, /<button[^>]*class="[^"]*contact[^"]*"[^>]*open-type="contact"/.test(wxml)]).toEqual([page, true]);
      expect([page, /open-type="contact"[^>]*aria-label="联系客服"/.test(wxml)]).toEqual([page, true]);
    }
  });

  it('images: a placeholder while loading, lazy below the fold, a labelled fallback when one fails', async () => {
    const mp = MiniProgram.start(t.baseUrl);
    try {
      const page = await mp.open('/pages/home/index');
      const card = '.hot .product-card >>> .image';
      expect(page.has(`${card} >>> .t-image--loading`)).toBe(true); // placeholder until it loads
      expect(page.has(`${card} >>> .t-image__img`)).toBe(true);
      // lazy-loaded, from the URL the API gave (whatever format the media pipeline serves)
      expect(page.$(card)!.instance.data).toMatchObject({ lazy: true, src: home.hot[0].image, loading: 'default' });

      page.$(`${card}`)!.instance.onLoadError({ detail: { errMsg: 'image load fail' } });
      await mp.until(() => page.has(`${card} >>> .t-image--failed`), 'the fallback');
      expect(page.has(`${card} >>> .t-image__img`)).toBe(false);
      expect(page.text('.hot .product-card >>> .image-fallback')).toBe('图片加载失败');

      const second = page.$$('.hot .product-card >>> .image')[1];
      second.instance.onLoaded({ detail: { width: 339, height: 339 } });
      await mp.until(() => !second.querySelector('.t-image--loading'), 'the loaded image');
      expect(second.querySelector('.t-image__img')).toBeDefined();
    } finally {
      mp.close();
    }
  });
});
