import type { Order, OrderPage } from '../../src/contracts/order';
import type { Tracking } from '../../src/contracts/logistics';
import { formatFen } from '../../src/utils/money';
import { createShopper, type Shopper } from '../../../apps/api/test/support/factories';
import { createAddress } from '../../../apps/api/test/support/factories';
import { backendLabel, startTestApp, type TestApp } from '../../../apps/api/test/support/test-app';
import { wechatAddress } from '../support/fake-wx';
import { MiniProgram } from '../support/mini-program';
import { OrderDesk } from '../support/orders';
import { Shop } from '../support/shop';

/** Checkout, pay result, order list and detail, logistics: the shopper's orders on the real API. */
describe(`order pages (${backendLabel})`, () => {
  let t: TestApp;
  let shop: Shop;
  let desk: OrderDesk;
  let mp: MiniProgram;
  let shopper: Shopper;
  let addressId: number;
  let skuId: number;
  const PRICE = 2500;

  beforeAll(async () => {
    // one shopper places many orders here; the unpaid-order limit has its own test (money-safety)
    t = await startTestApp({
      FREIGHT_FEN: '800',
      FREE_FREIGHT_THRESHOLD_FEN: '10000',
      ORDER_MAX_UNPAID_PER_SHOPPER: '100',
    });
    shop = await Shop.open(t);
    desk = new OrderDesk(t, shop);
    const category = await shop.category('订单测试');
    const product = await shop.product({ categoryId: category.id, title: '订单测试商品', price: PRICE, stock: 1000 });
    skuId = product.skus[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    mp = MiniProgram.start(t.baseUrl);
    shopper = await createShopper(t, mp.wx.loginCode);
    addressId = await createAddress(t, shopper);
  });
  afterEach(() => {
    mp.close();
  });

  it('buy now: previews freight and totals, retries a lost submit with the same key, pays later in the sandbox', async () => {
    const checkout = await mp.open(`/pages/order/checkout/index?skuId=${skuId}&quantity=2`);
    expect(checkout.text('.address')).toContain('张三');
    expect(checkout.text('.address')).toContain('138****8000');
    expect(checkout.text('.lines')).toContain('x2');
    expect(checkout.text('.goods-amount')).toBe(`¥${formatFen(2 * PRICE)}`);
    expect(checkout.text('.freight')).toBe('¥8.00');
    expect(checkout.text('.payable')).toBe(`¥${formatFen(2 * PRICE + 800)}`);

    // the order is made, but its answer never arrives: request.ts retries with the same key
    mp.wx.loseNextAnswers(1);
    mp.wx.requestPayment = async () => ({ errMsg: 'requestPayment:fail cancel' });
    checkout.tap('.submit');
    const result = await mp.expectPage('pages/order/pay-result/index');
    const submits = mp.wx.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/orders');
    expect(submits.map((r) => r.status)).toEqual([201, 200]);
    expect(new Set(submits.map((r) => r.headers['Idempotency-Key'])).size).toBe(1);
    const mine = (await t.http.get('/api/v1/orders').set(shopper.auth).expect(200)).body as OrderPage;
    expect(mine.total).toBe(1);

    // the shopper closed the pay sheet: the order waits; in DevTools the sandbox can pay it
    expect(result.text('.headline')).toBe('订单已提交，等待支付');
    expect(result.has('.pay')).toBe(true);
    result.tap('.sandbox-pay');
    await mp.idle();
    expect(result.text('.headline')).toBe('支付成功');
    expect((await desk.get(shopper, mine.items[0].id)).status).toBe('PAID');
  });

  it('a first-time buyer (no address yet) sees the goods and the real total, then imports a WeChat address', async () => {
    const newcomer = MiniProgram.start(t.baseUrl);
    try {
      const buyer = await createShopper(t, newcomer.wx.loginCode);
      const checkout = await newcomer.open(`/pages/order/checkout/index?skuId=${skuId}&quantity=2`);
      expect(checkout.data.status).toBe('ready');
      expect(checkout.data.address).toBeNull();
      // the goods and what they cost, not an empty page with 实付 ¥0.00
      expect(checkout.texts('.lines .title')).toEqual([`订单测试商品 ${shop.tag}`]);
      expect(checkout.text('.lines')).toContain('x2');
      expect(checkout.text('.goods-amount')).toBe(`¥${formatFen(2 * PRICE)}`);
      expect(checkout.text('.payable')).toBe(`¥${formatFen(2 * PRICE + 800)}`);
      expect(checkout.text('.address')).toContain('还没有收货地址');
      expect(checkout.text('.submit')).toBe('请先添加地址');

      // submitting says what is missing and orders nothing
      checkout.tap('.submit');
      await newcomer.idle();
      expect(checkout.toast()).toBe('请先添加收货地址');
      expect(newcomer.wx.toasts).toEqual([]);
      expect(newcomer.wx.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/orders')).toBe(false);

      // "add address" opens the address form
      checkout.tap('.add-address');
      await newcomer.expectPage('pages/address/edit/index');
      newcomer.navigateBack(1);
      await newcomer.expectPage('pages/order/checkout/index');

      // or WeChat's own address book: imported, saved, and used right away
      newcomer.wx.chooseAddress = async () => wechatAddress({ userName: '孙八', telNumber: '139 0013 9000' });
      checkout.tap('.import-address');
      await newcomer.until(() => checkout.data.address !== null, 'the imported address');
      await newcomer.idle();
      expect(checkout.text('.address')).toContain('孙八');
      expect(checkout.text('.address')).toContain('139****9000');
      expect(checkout.text('.payable')).toBe(`¥${formatFen(2 * PRICE + 800)}`);
      const book = (await t.http.get('/api/v1/addresses').set(buyer.auth).expect(200)).body as Array<{
        receiverName: string;
      }>;
      expect(book.map((a) => a.receiverName)).toEqual(['孙八']);
      expect(checkout.text('.submit')).toBe('提交订单');
    } finally {
      newcomer.close();
    }
  });

  it('a submit the stock cannot cover is refused with the reason, and nothing is ordered', async () => {
    const category = await shop.category('缺货');
    const scarce = await shop.product({ categoryId: category.id, title: '限量商品', stock: 1 });
    const checkout = await mp.open(`/pages/order/checkout/index?skuId=${scarce.skus[0].id}&quantity=3`);
    expect(checkout.data.status).toBe('ready'); // a preview reserves nothing, so it does not check stock
    checkout.tap('.submit');
    await mp.idle();
    expect(checkout.toast()).toBe('库存不足，请调整购买数量');
    expect(mp.wx.toasts).toEqual([]); // TDesign's toast, not WeChat's
    expect(mp.current.route).toBe('pages/order/checkout/index');
    expect(checkout.data.submitting).toBe(false);
    const mine = (await t.http.get('/api/v1/orders').set(shopper.auth).expect(200)).body as OrderPage;
    expect(mine.total).toBe(0);
  });

  it('order list: status tabs, infinite scroll, pull to refresh, pay and cancel from the list', async () => {
    const orders: Order[] = [];
    for (let i = 0; i < 11; i++) orders.push(await desk.place(shopper, addressId, skuId));
    await desk.pay(shopper, orders[0].id);

    const list = await mp.open('/pages/order/list/index');
    expect(list.text('.tabs >>> .t-tabs__item--active')).toBe('全部');
    expect(list.$$('.order')).toHaveLength(10);
    await list.call('onReachBottom');
    await mp.idle();
    expect(list.$$('.order')).toHaveLength(11);
    expect(list.text('.load-more')).toBe('没有更多了');

    list.tap('.tabs >>> .t-tabs__item', 2); // 待发货
    await mp.idle();
    expect(list.texts('.order-status')).toEqual(['待发货']);
    expect(list.text('.order')).toContain(orders[0].orderNo);

    list.tap('.tabs >>> .t-tabs__item', 1); // 待付款
    await mp.idle();
    expect(list.$$('.order')).toHaveLength(10);
    expect(new Set(list.texts('.order-status'))).toEqual(new Set(['待付款']));
    const newest = orders[orders.length - 1];
    expect(list.text('.order')).toContain(newest.orderNo);

    list.tap('.cancel', 0);
    await mp.until(() => list.dialog(), 'the cancel dialog');
    expect(list.dialog()).toEqual({
      title: '提示',
      content: '确定取消这个订单吗？',
      buttons: ['暂不取消', '取消订单'],
    });
    list.answerDialog(true);
    await mp.idle();
    expect(list.dialog()).toBeNull();
    expect(list.toast()).toBeNull(); // the 取消中 loading toast has closed again
    expect(mp.wx.modals).toEqual([]); // TDesign's dialog, not WeChat's
    expect((await desk.get(shopper, newest.id)).status).toBe('CANCELLED');
    expect(list.text()).not.toContain(newest.orderNo);

    await list.call('onPullDownRefresh');
    expect(mp.wx.calls).toContain('stopPullDownRefresh');
    expect(list.$$('.order')).toHaveLength(9);
  });

  it('order detail: countdown while unpaid, pay, logistics timeline once shipped, confirm receipt', async () => {
    const order = await desk.place(shopper, addressId, skuId);
    const detail = await mp.open(`/pages/order/detail/index?id=${order.id}`);
    expect(detail.text('.status-text')).toBe('待付款');
    expect(detail.text('.countdown')).toMatch(/^剩余 (29:5\d|30:00) 自动关闭$/);
    const before = detail.data.countdown as string;
    await mp.until(() => detail.data.countdown !== before, 'the countdown to tick', 3000);
    expect(detail.text('.order-no')).toBe(order.orderNo);
    expect(detail.text('.amounts')).toContain(`¥${formatFen(order.payableAmount)}`);

    detail.tap('.sandbox-pay');
    await mp.idle();
    expect(detail.text('.status-text')).toBe('待发货');
    expect(detail.has('.countdown')).toBe(false);
    expect(detail.has('.paid-at')).toBe(true);

    await desk.ship(order.id);
    await detail.call('onPullDownRefresh');
    expect(detail.text('.status-text')).toBe('待收货');
    expect(detail.text('.logistics-entry')).toContain('圆通速递');

    detail.tap('.logistics-entry');
    const logistics = await mp.expectPage('pages/order/logistics/index');
    const tracking = (await t.http.get(`/api/v1/orders/${order.id}/logistics`).set(shopper.auth).expect(200))
      .body as Tracking;
    expect(logistics.text('.carrier-name')).toBe('圆通速递');
    expect(logistics.text('.tracking-no')).toBe(`运单号 ${tracking.trackingNo}`);
    expect(logistics.text('.state')).toBe(tracking.stateText);
    expect(logistics.texts('.context')).toEqual(tracking.events.map((e) => e.context));

    mp.navigateBack(1);
    await mp.idle();
    detail.tap('.confirm-receipt');
    await mp.until(() => detail.dialog(), 'the receipt dialog');
    expect(detail.dialog()?.content).toBe('确认已经收到商品了吗？');
    detail.answerDialog(false); // 还没收到
    await mp.idle();
    expect(detail.dialog()).toBeNull();
    expect(detail.text('.status-text')).toBe('待收货');
    detail.tap('.confirm-receipt');
    await mp.until(() => detail.dialog(), 'the receipt dialog');
    detail.answerDialog(true);
    await mp.idle();
    expect(detail.text('.status-text')).toBe('已完成');
    expect((await desk.get(shopper, order.id)).status).toBe('COMPLETED');
  });

  it('order detail: cancelling an unpaid order', async () => {
    const order = await desk.place(shopper, addressId, skuId);
    const detail = await mp.open(`/pages/order/detail/index?id=${order.id}`);
    detail.tap('.cancel');
    await mp.until(() => detail.dialog(), 'the cancel dialog');
    detail.answerDialog(true);
    await mp.idle();
    expect(detail.text('.status-text')).toBe('已取消');
    expect(detail.has('.actions')).toBe(false);
    expect((await desk.get(shopper, order.id)).status).toBe('CANCELLED');
  });

  it('logistics of an order that has not shipped says so', async () => {
    const order = await desk.place(shopper, addressId, skuId);
    const logistics = await mp.open(`/pages/order/logistics/index?orderId=${order.id}`);
    expect(logistics.data.status).toBe('error');
    expect(logistics.text()).toContain('订单尚未发货');
  });
});
