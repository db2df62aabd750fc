import type { AfterSaleList } from '../../src/contracts/aftersale';
import type { Order, OrderPage } from '../../src/contracts/order';
import { createShopper, type Shopper } from '../../../apps/api/test/support/factories';
import { photoJpeg } from '../../../apps/api/test/support/images';
import { createAddress } from '../../../apps/api/test/support/factories';
import { backendLabel, startTestApp, type TestApp } from '../../../apps/api/test/support/test-app';
import { MiniProgram } from '../support/mini-program';
import { Shop } from '../support/shop';

/** Coupon centre, check-in, checkout with a coupon and points, after-sale with a photo: on the real API. */
describe(`promotion and after-sale pages (${backendLabel})`, () => {
  let t: TestApp;
  let shop: Shop;
  let mp: MiniProgram;
  let shopper: Shopper;
  let skuId: number;
  let templateId: number;
  const PRICE = 25000;

  beforeAll(async () => {
    t = await startTestApp();
    shop = await Shop.open(t);
    const category = await shop.category('促销测试');
    const product = await shop.product({ categoryId: category.id, title: '促销测试商品', price: PRICE, stock: 100 });
    skuId = product.skus[0].id;
    templateId = (
      await t.http
        .post('/api/v1/admin/coupons')
        .set(shop.admin.auth)
        .send({
          name: `满199减30-${shop.tag}`,
          kind: 'THRESHOLD',
          thresholdFen: 19900,
          amountFen: 3000,
          validDays: 30,
          totalQuantity: 1000,
        })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    mp = MiniProgram.start(t.baseUrl);
    shopper = await createShopper(t, mp.wx.loginCode);
    await createAddress(t, shopper);
  });
  afterEach(() => {
    mp.close();
  });

  it('claims a coupon, checks in, checks out with the coupon and the points, then asks for an after-sale with a photo', async () => {
    // 领券中心: claim, then the card says it is taken
    const centre = await mp.open('/pages/promotion/coupons/index');
    expect(centre.text('.offers')).toContain(`满199减30-${shop.tag}`);
    // only claimable cards have a 领取 button (a shared MariaDB database has other suites' coupons too)
    const index = (await t.http.get('/api/v1/coupons').set(shopper.auth).expect(200)).body.items
      .filter((o: { claimable: boolean }) => o.claimable)
      .findIndex((o: { id: number }) => o.id === templateId);
    centre.tap('.claim', index);
    await mp.idle();
    expect(centre.toast()).toBe('领取成功');
    const mine = (await t.http.get('/api/v1/coupons/mine?status=usable').set(shopper.auth).expect(200)).body.items;
    expect(mine.map((c: { templateId: number }) => c.templateId)).toEqual([templateId]);

    // 签到: one tap, the balance shows the day-1 reward
    const checkin = await mp.open('/pages/promotion/checkin/index');
    checkin.tap('.checkin');
    await mp.idle();
    const reward = t.config.promotion.checkinRewards[0];
    expect(checkin.text('.balance')).toBe(String(reward));
    expect(checkin.has('.checked')).toBe(true);

    // checkout: the best coupon is picked by itself; the points are used on a tap
    const checkout = await mp.open(`/pages/order/checkout/index?skuId=${skuId}&quantity=1`);
    expect(checkout.text('.coupons')).toContain('满199减30');
    expect(checkout.text('.payable')).toBe('¥220.00');
    checkout.tap('.points-row');
    await mp.idle();
    const expected = PRICE - 3000 - reward * t.config.promotion.pointsFenPerPoint;
    expect(checkout.text('.payable')).toBe(`¥${(expected / 100).toFixed(2)}`);
    mp.wx.requestPayment = async () => ({ errMsg: 'requestPayment:fail cancel' });
    checkout.tap('.submit');
    await mp.expectPage('pages/order/pay-result/index');
    const orders = (await t.http.get('/api/v1/orders').set(shopper.auth).expect(200)).body as OrderPage;
    const order = orders.items[0] as Order;
    expect(order.payableAmount).toBe(expected);
    expect(order.discountAmount).toBe(PRICE - expected);
    expect((await t.http.get('/api/v1/points').set(shopper.auth).expect(200)).body.balance).toBe(0);

    // paid, then an after-sale request for the line, with a photo from the album
    await t.http.post(`/api/v1/orders/${order.id}/pay`).set(shopper.auth).expect(200);
    await t.http.post(`/api/v1/sandbox/orders/${order.id}/simulate-payment`).set(shopper.auth).expect(200);
    const photo = mp.wx.addTempFile('http://tmp/broken-1.jpg', await photoJpeg(300, 300));
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.chooseMedia = (options: {
      success: (res: { tempFiles: Array<{ tempFilePath: string }> }) => void;
    }) => options.success({ tempFiles: [{ tempFilePath: photo }] });
    const apply = await mp.open(`/pages/aftersale/apply/index?orderId=${order.id}&skuId=${skuId}`);
    apply.tap('.reason', 0);
    apply.tap('.add-photo');
    await mp.idle();
    expect(mp.wx.requests.filter((r) => r.path === '/api/v1/media?kind=review').map((r) => r.status)).toEqual([201]);
    apply.tap('.submit');
    const list = await mp.expectPage('pages/aftersale/list/index');
    expect(list.text('.request')).toContain('待审核');
    const requests = (await t.http.get(`/api/v1/aftersales?orderId=${order.id}`).set(shopper.auth).expect(200))
      .body as AfterSaleList;
    expect(requests.items).toHaveLength(1);
    expect(requests.items[0]).toMatchObject({
      type: 'REFUND_ONLY',
      reason: '商品破损',
      quantity: 1,
      refundAmount: expected,
    });
    expect(requests.items[0].photos).toHaveLength(1);
    // the order detail shows the line's after-sale state
    const detail = await mp.open(`/pages/order/detail/index?id=${order.id}`);
    expect(detail.text('.aftersale-state')).toBe('售后：待审核');
  });
  it('the order list shows each order’s after-sale badge, with one extra request per page', async () => {
    const addressId = await createAddress(t, shopper);
    const paidOrder = async (): Promise<Order> => {
      const order = (
        await t.http
          .post('/api/v1/orders')
          .set(shopper.auth)
          .send({ items: [{ skuId, quantity: 1 }], addressId })
          .expect(201)
      ).body as Order;
      await t.http.post(`/api/v1/orders/${order.id}/pay`).set(shopper.auth).expect(200);
      await t.http.post(`/api/v1/sandbox/orders/${order.id}/simulate-payment`).set(shopper.auth).expect(200);
      return order;
    };
    const request = async (orderId: number): Promise<number> =>
      (
        await t.http
          .post('/api/v1/aftersales')
          .set(shopper.auth)
          .send({ orderId, skuId, quantity: 1, type: 'REFUND_ONLY', reason: '不想要了' })
          .expect(201)
      ).body.id;
    const plain = await paidOrder();
    const rejected = await paidOrder();
    const rejectedId = await request(rejected.id);
    await t.http
      .post(`/api/v1/admin/aftersales/${rejectedId}/reject`)
      .set(shop.admin.auth)
      .send({ reason: '商品完好' })
      .expect(200);
    const open = await paidOrder();
    await request(open.id);

    const list = await mp.open('/pages/order/list/index');
    // newest first: open, rejected, plain
    expect(list.texts('.order-status')).toEqual(['待发货', '待发货', '待发货']);
    const badgeOf = (orderNo: string): string | null => {
      const text = list.texts('.order').find((card) => card.includes(orderNo)) ?? '';
      expect(text).toContain(orderNo);
      return ['售后中', '已退款', '售后关闭'].find((label) => text.includes(label)) ?? null;
    };
    expect(badgeOf(open.orderNo)).toBe('售后中');
    expect(badgeOf(rejected.orderNo)).toBe('售后关闭');
    expect(badgeOf(plain.orderNo)).toBeNull();
    expect(list.$$('.aftersale-badge')).toHaveLength(2);
    const badgeRequests = mp.wx.requests.filter((r) => r.path.startsWith('/api/v1/aftersales/by-orders'));
    expect(badgeRequests).toHaveLength(1);
    expect(badgeRequests[0].status).toBe(200);
  });
});
