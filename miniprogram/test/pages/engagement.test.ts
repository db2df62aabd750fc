import type { Order } from '../../src/contracts/order';
import type { FavouriteStatus, HistoryPage } from '../../src/contracts/favourite';
import type { MyReview, PendingReviews, ProductReviewOverview } from '../../src/contracts/review';
import { ReviewService } from '../../../apps/api/src/modules/review/review.service';
import { HistoryService } from '../../../apps/api/src/modules/favourite/history.service';
import { createShopper, type Shopper } from '../../../apps/api/test/support/factories';
import { photoJpeg } from '../../../apps/api/test/support/images';
import { createAddress, setShelf } from '../../../apps/api/test/support/factories';
import { backendLabel, startTestApp, type TestApp } from '../../../apps/api/test/support/test-app';
import type { MiniProgram } from '../support/mini-program';
import { OrderDesk } from '../support/orders';
import { newShopperEachTest } from '../support/session';
import { Shop } from '../support/shop';

/** Favourites, browsing history and reviews: the shopper's pages on the real API. */
describe(`engagement pages (${backendLabel})`, () => {
  let t: TestApp;
  let shop: Shop;
  let desk: OrderDesk;
  let categoryId: number;
  let mp: MiniProgram;
  let shopper: Shopper;

  beforeAll(async () => {
    t = await startTestApp({ ORDER_MAX_UNPAID_PER_SHOPPER: '100' });
    shop = await Shop.open(t);
    desk = new OrderDesk(t, shop);
    categoryId = (await shop.category('互动测试')).id;
  });
  afterAll(async () => {
    await t?.close();
  });
  newShopperEachTest(
    () => t,
    (session) => ({ mp, shopper } = session),
  );

  const product = (title: string, stock = 50) => shop.product({ categoryId, title, stock });
  const get = async <T>(s: Shopper, path: string): Promise<T> =>
    (await t.http.get(`/api/v1${path}`).set(s.auth).expect(200)).body as T;

  /** An order of one SKU, paid, shipped and received: its item can be reviewed. */
  async function completedOrder(s: Shopper, skuId: number): Promise<Order> {
    const order = await desk.place(s, await createAddress(t, s), skuId);
    await desk.pay(s, order.id);
    await desk.ship(order.id);
    await t.http.post(`/api/v1/orders/${order.id}/confirm-receipt`).set(s.auth).expect(200);
    return order;
  }

  it('product detail: the heart toggles the favourite and shows how many shoppers favourited it', async () => {
    const p = await product('收藏测试');
    const other = await createShopper(t);
    await t.http.put(`/api/v1/favourites/${p.id}`).set(other.auth).expect(200);

    const detail = await mp.open(`/pages/product/detail/index?id=${p.id}`);
    await mp.idle();
    expect(detail.data.favourited).toBe(false);
    expect(detail.text('.favourite-count')).toBe('1');
    expect(detail.text('.reviews-card')).toContain('暂无评价');

    detail.tap('.favourite');
    await mp.idle();
    expect(detail.data.favourited).toBe(true);
    expect(detail.text('.favourite-count')).toBe('2');
    expect(await get<FavouriteStatus>(shopper, `/favourites/${p.id}`)).toEqual({
      productId: p.id,
      favourited: true,
      count: 2,
    });

    detail.tap('.favourite');
    await mp.idle();
    expect(detail.data.favourited).toBe(false);
    expect(detail.text('.favourite-count')).toBe('1');
    expect((await get<FavouriteStatus>(shopper, `/favourites/${p.id}`)).favourited).toBe(false);
  });

  it("product cards: a small heart on the signed-in shopper's favourites in the search results", async () => {
    const liked = await product('红心卡片 收藏的');
    const plain = await product('红心卡片 没收藏');
    await t.http.put(`/api/v1/favourites/${liked.id}`).set(shopper.auth).expect(200);
    // signed in first (any page that needs the shopper), so the search page has a token
    await mp.open('/pages/engagement/favourites/index');
    await mp.idle();

    const page = await mp.open(`/pages/product/search/index?keyword=${encodeURIComponent('红心卡片')}`);
    await mp.idle();
    const titles = page.texts('.product-card >>> .title');
    expect(titles).toHaveLength(2);
    const hearts = page.$$('.product-card').map((card) => card.querySelector('.favourited') !== undefined);
    expect(hearts[titles.indexOf(liked.title)]).toBe(true);
    expect(hearts[titles.indexOf(plain.title)]).toBe(false);
  });

  it('favourites list: newest first, sold-out and off-shelf marked, an entry from the me page, remove one', async () => {
    const onSale = await product('在售收藏');
    const soldOut = await product('售罄收藏', 0);
    const offShelf = await product('下架收藏');
    for (const p of [onSale, soldOut, offShelf]) {
      await t.http.put(`/api/v1/favourites/${p.id}`).set(shopper.auth).expect(200);
    }
    await setShelf(t, offShelf.id, false);

    const me = await mp.open('/pages/me/index');
    me.tap('.favourites');
    const page = await mp.expectPage('pages/engagement/favourites/index');
    await mp.idle();
    expect(page.texts('.item .title')).toEqual([offShelf.title, soldOut.title, onSale.title]);
    expect(page.texts('.availability')).toEqual(['已下架', '已售罄']);

    page.tap('.remove', 1);
    await mp.idle();
    expect(page.texts('.item .title')).toEqual([offShelf.title, onSale.title]);
    expect((await get<FavouriteStatus>(shopper, `/favourites/${soldOut.id}`)).favourited).toBe(false);

    page.tap('.item', 1);
    const detail = await mp.expectPage('pages/product/detail/index');
    expect(Number(detail.query.id)).toBe(onSale.id);
  });

  it('history list: newest first, delete one, clear all after confirming', async () => {
    const first = await product('浏览一');
    const second = await product('浏览二');
    const third = await product('浏览三');
    for (const p of [first, second, third, first]) {
      await t.http.get(`/api/v1/catalog/products/${p.id}`).set(shopper.auth).expect(200);
      await t.app.get(HistoryService).flush(); // views are buffered; the flush writes them in order
    }
    await setShelf(t, second.id, false);

    const me = await mp.open('/pages/me/index');
    me.tap('.history');
    const page = await mp.expectPage('pages/engagement/history/index');
    await mp.idle();
    expect(page.texts('.item .title')).toEqual([first.title, third.title, second.title]);
    expect(page.texts('.availability')).toEqual(['已下架']);

    page.tap('.remove', 1);
    await mp.idle();
    expect(page.texts('.item .title')).toEqual([first.title, second.title]);
    const left = await get<HistoryPage>(shopper, '/history');
    expect(left.items.map((i) => i.productId)).toEqual([first.id, second.id]);

    page.tap('.clear');
    await mp.until(() => page.dialog() !== null, 'the confirm dialog');
    expect(page.dialog()?.content).toBe('确定清空全部浏览记录吗？');
    page.answerDialog(true);
    await mp.idle();
    expect(page.data.status).toBe('empty');
    expect(page.text()).toContain('还没有浏览记录');
    expect((await get<HistoryPage>(shopper, '/history')).total).toBe(0);
  });

  it('write a review with a photo from the order detail, anonymously; it shows once its photo is cleared', async () => {
    const p = await product('评价测试');
    const order = await completedOrder(shopper, p.skus[0].id);

    const me = await mp.open('/pages/me/index');
    await mp.until(() => me.data.toReview === 1, 'the 待评价 count');
    const list = await mp.open('/pages/order/list/index?status=COMPLETED');
    await mp.idle();
    expect(list.texts('.order .review')).toEqual(['评价']);
    const detail = await mp.open(`/pages/order/detail/index?id=${order.id}`);
    await mp.idle();
    detail.tap('.review');
    const page = await mp.expectPage('pages/engagement/write-review/index');
    await mp.idle();
    expect(page.texts('.pending-item .title')).toEqual([p.title]);
    page.tap('.review-button');
    await mp.idle();
    expect(page.text('.current-title')).toBe(p.title);

    // an empty review is refused before any request
    page.tap('.submit');
    await mp.idle();
    expect(page.toast()).toBe('请写下您的评价内容');

    page.fire('.rating', 'change', { value: 4 });
    page.fire('.content', 'change', { value: '质量不错，物流也快' });
    page.fire('.anonymous', 'change', { value: true });
    mp.wx.chosenMedia = [mp.wx.addTempFile('http://tmp/review-1.jpg', await photoJpeg(400, 300))];
    page.tap('.photo-add');
    await mp.until(() => (page.data.photos as string[]).length === 1, 'the chosen photo');
    expect(page.text('.photo-add')).toContain('1/9');

    page.tap('.submit');
    await mp.until(() => mp.wx.calls.includes('navigateBack 1'), 'going back after submitting');
    const uploads = mp.wx.requests.filter((r) => r.path === '/api/v1/media?kind=review');
    expect(uploads.map((r) => r.status)).toEqual([201]);
    const posted = mp.wx.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/reviews');
    expect(posted.map((r) => r.status)).toEqual([201]);
    const sent = posted[0].body as { rating: number; content: string; images: string[]; anonymous: boolean };
    expect(sent).toMatchObject({ rating: 4, content: '质量不错，物流也快', anonymous: true });
    expect(sent.images).toHaveLength(1);

    const pending = await get<PendingReviews>(shopper, '/reviews/pending');
    expect(pending.total).toBe(0);
    expect(pending.items.map((i) => [i.orderId, i.canReview, i.canFollowUp])).toEqual([[order.id, false, true]]);

    // the photo passes WeChat's check in the sandbox; then the review is public
    const reviews = t.app.get(ReviewService);
    let overview: ProductReviewOverview | null = null;
    for (let tries = 0; tries < 200 && overview?.summary.withPhotos !== 1; tries++) {
      if (tries > 0) await new Promise((r) => setTimeout(r, 50));
      await reviews.settlePending();
      overview = (await t.http.get(`/api/v1/catalog/products/${p.id}/reviews/overview`).expect(200))
        .body as ProductReviewOverview;
    }
    expect(overview?.summary.withPhotos).toBe(1);
    const shown = overview!.reviews[0];
    expect(shown).toMatchObject({ rating: 4, content: '质量不错，物流也快', anonymous: true });
    expect(shown.images).toHaveLength(1);
  });

  it('reviews: summary on the product page, filter tabs, anonymous authors and the merchant reply', async () => {
    const p = await product('评价列表');
    const written: MyReview[] = [];
    for (const [rating, anonymous] of [
      [5, false],
      [4, true],
      [3, false],
      [1, false],
    ] as const) {
      const s = await createShopper(t);
      const order = await completedOrder(s, p.skus[0].id);
      const item = (await get<PendingReviews>(s, '/reviews/pending')).items.find((i) => i.orderId === order.id)!;
      const res = await t.http
        .post('/api/v1/reviews')
        .set(s.auth)
        .send({ orderItemId: item.orderItemId, rating, content: `${rating} 星评价`, anonymous })
        .expect(201);
      written.push(res.body as MyReview);
    }
    expect(written.map((r) => r.status)).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED']);
    const bad = written[3];
    await t.http
      .post(`/api/v1/admin/reviews/${bad.id}/reply`)
      .set(shop.admin.auth)
      .send({ content: '抱歉，已安排客服联系您' })
      .expect((res) => {
        if (res.status >= 300) throw new Error(`reply answered ${res.status} ${JSON.stringify(res.body)}`);
      });

    const detail = await mp.open(`/pages/product/detail/index?id=${p.id}`);
    await mp.until(() => detail.data.summary !== null, 'the rating summary');
    expect(detail.text('.reviews-head')).toContain('评价 4');
    expect(detail.text('.rating-summary')).toContain('3.3 分');
    expect(detail.text('.rating-summary')).toContain('好评率 50%');
    expect(detail.$$('.review-item')).toHaveLength(3);

    detail.tap('.reviews-head');
    const page = await mp.expectPage('pages/engagement/reviews/index');
    await mp.idle();
    expect(page.texts('.tab').length).toBe(5);
    expect(page.data.tabs.map((tab: { title: string }) => tab.title)).toEqual([
      '全部 4',
      '有图 0',
      '好评 2',
      '中评 1',
      '差评 1',
    ]);
    expect(page.$$('.review-item')).toHaveLength(4);
    expect(page.texts('.review-item >>> .author')).toContain('匿名用户');

    page.fire('.tabs', 'change', { value: 'good' });
    await mp.idle();
    expect(page.texts('.review-item >>> .content').sort()).toEqual(['4 星评价', '5 星评价']);

    page.fire('.tabs', 'change', { value: 'bad' });
    await mp.idle();
    expect(page.texts('.review-item >>> .content')).toEqual(['1 星评价']);
    expect(page.text('.review-item >>> .reply')).toBe('商家回复：抱歉，已安排客服联系您');

    page.fire('.tabs', 'change', { value: 'photos' });
    await mp.idle();
    expect(page.data.status).toBe('empty');
    expect(page.text()).toContain('暂无相关评价');
  });

  it('reviews page: the next page loads on scrolling to the bottom', async () => {
    const p = await product('评价分页');
    for (let i = 0; i < 12; i++) {
      const s = await createShopper(t);
      const order = await completedOrder(s, p.skus[0].id);
      const item = (await get<PendingReviews>(s, '/reviews/pending')).items.find((x) => x.orderId === order.id)!;
      await t.http
        .post('/api/v1/reviews')
        .set(s.auth)
        .send({ orderItemId: item.orderItemId, rating: 5, content: `第 ${i} 条评价` })
        .expect(201);
    }
    const page = await mp.open(`/pages/engagement/reviews/index?productId=${p.id}`);
    await mp.idle();
    expect(page.$$('.review-item')).toHaveLength(10);
    expect(page.data.more).toBe('idle');
    await page.call('onReachBottom');
    await mp.idle();
    expect(page.$$('.review-item')).toHaveLength(12);
    expect(page.text('.load-more')).toBe('没有更多了');
    const contents = page.texts('.review-item >>> .content');
    expect(new Set(contents).size).toBe(12);
  });

  it('follow-up: a reviewed item offers 追评 from the me page, without stars', async () => {
    const p = await product('追评测试');
    const order = await completedOrder(shopper, p.skus[0].id);
    const item = (await get<PendingReviews>(shopper, '/reviews/pending')).items.find((x) => x.orderId === order.id)!;
    const first = await t.http
      .post('/api/v1/reviews')
      .set(shopper.auth)
      .send({ orderItemId: item.orderItemId, rating: 5, content: '初次评价' })
      .expect(201);

    const me = await mp.open('/pages/me/index');
    me.tap('.to-review');
    const page = await mp.expectPage('pages/engagement/write-review/index');
    expect(page.has('.review-button')).toBe(false);
    page.tap('.follow-up-button');
    await mp.idle();
    expect(page.has('.rating')).toBe(false);
    expect(page.has('.anonymous')).toBe(false);
    page.fire('.content', 'change', { value: '用了一个月，依然好用' });
    page.tap('.submit');
    await mp.until(() => mp.wx.calls.includes('navigateBack 1'), 'going back after the follow-up');
    const posted = mp.wx.requests.filter((r) => r.path === `/api/v1/reviews/${(first.body as MyReview).id}/follow-up`);
    expect(posted.map((r) => r.status)).toEqual([201]);
    const after = await get<PendingReviews>(shopper, '/reviews/pending');
    expect(after.items.some((x) => x.orderId === order.id)).toBe(false);
  });
});
