import type { CartView } from '../src/contracts/cart';
import type { HomePage, ProductDetail } from '../src/contracts/catalog';
import type { Order } from '../src/contracts/order';
import { formatFen } from '../src/utils/money';
import { createShopper } from '../../apps/api/test/support/factories';
import type { TestApp } from '../../apps/api/test/support/test-app';
import { startDemoShop } from './support/demo-shop';
import { wechatAddress } from './support/fake-wx';
import { MiniProgram } from './support/mini-program';
import { payInSandbox } from './support/wechat-pay';

/**
 * A shopper's first purchase, tap by tap, on the real API with the demo shop and the WeChat
 * sandbox: home → product → SKU → cart → checkout (address imported from WeChat) → WeChat Pay →
 * pay result → order detail showing the order paid.
 */
describe('journey: home to a paid order', () => {
  let t: TestApp;
  let mp: MiniProgram;
  const FREIGHT = 800;

  beforeAll(async () => {
    // freight always applies, so the checkout total is goods + freight
    t = await startDemoShop({ FREIGHT_FEN: String(FREIGHT), FREE_FREIGHT_THRESHOLD_FEN: '100000000' });
    mp = MiniProgram.start(t.baseUrl);
  });
  afterAll(async () => {
    mp?.close();
    await t?.close();
  });

  it('taps through from the home page to an order paid with WeChat Pay', async () => {
    // ---- home: pick a product on the first screen that has two spec axes
    const served = (await t.http.get('/api/v1/catalog/home').expect(200)).body as HomePage;
    const candidates: Array<{ list: 'hot' | 'newest'; index: number; id: number }> = [
      ...served.hot.map((p, index) => ({ list: 'hot' as const, index, id: p.id })),
      ...served.newest.map((p, index) => ({ list: 'newest' as const, index, id: p.id })),
    ];
    let product: ProductDetail | undefined;
    let card = candidates[0];
    for (card of candidates) {
      product = (await t.http.get(`/api/v1/catalog/products/${card.id}`).expect(200)).body as ProductDetail;
      if (product.specAxes.length >= 2 && product.skus.some((s) => s.stock > 0)) break;
    }
    if (!product || product.specAxes.length < 2)
      throw new Error('the demo home page shows no product with two spec axes');
    const sku = product.skus.find((s) => s.stock > 0)!;

    const home = mp.launch('/pages/home/index');
    await mp.idle();
    home.tap(`.${card.list} .product-card >>> .card`, card.index);

    // ---- product: choose the SKU by its spec values and add it to the cart
    const detail = await mp.expectPage('pages/product/detail/index');
    expect(detail.query.id).toBe(String(product.id));
    expect(detail.text('.title')).toBe(product.title);
    detail.tap('.add-to-cart');
    await mp.idle();
    for (const axis of product.specAxes) {
      const option = detail
        .$$('.sku-picker >>> .option')
        .find((o) => o.dom?.getAttribute('data-axis') === axis.name && o.dom?.textContent === sku.specs[axis.name]);
      option!.dispatchEvent('tap');
      await mp.idle();
    }
    // the picked SKU's price, and its own original struck through when it is on sale
    const original = sku.originalPrice && sku.originalPrice > sku.price ? `¥${formatFen(sku.originalPrice)}` : '';
    expect(detail.text('.sku-picker >>> .picker-price')).toBe(`¥${formatFen(sku.price)}${original}`);
    detail.tap('.sku-picker >>> .confirm-cart');
    await mp.idle();
    expect(detail.toast()).toBe('已加入购物车');

    // ---- cart
    detail.tap('.cart-link');
    const cart = await mp.expectPage('pages/cart/index');
    expect(cart.texts('.lines .title')).toEqual([product.title]);
    expect(cart.text('.lines .specs')).toBe(product.specAxes.map((a) => sku.specs[a.name]).join(' '));
    expect(cart.text('.total')).toBe(`¥${formatFen(sku.price)}`);
    expect(cart.text('.checkout')).toBe('结算(1)');
    cart.tap('.checkout');

    // ---- checkout: no address yet → the goods and the real total show; import one from WeChat
    const checkout = await mp.expectPage('pages/order/checkout/index');
    expect(checkout.text('.address')).toContain('还没有收货地址');
    expect(checkout.texts('.lines .title')).toEqual([product.title]);
    expect(checkout.text('.payable')).toBe(`¥${formatFen(sku.price + FREIGHT)}`);
    mp.wx.chooseAddress = async () => wechatAddress({ userName: '王小明', telNumber: '13912345678' });
    checkout.tap('.import-address');
    await mp.until(() => checkout.data.address !== null, 'the imported address on checkout');
    await mp.idle();
    expect(checkout.text('.address')).toContain('王小明');
    expect(checkout.text('.address')).toContain('浙江省杭州市西湖区文三路 90 号');
    expect(checkout.texts('.lines .title')).toEqual([product.title]);
    expect(checkout.text('.goods-amount')).toBe(`¥${formatFen(sku.price)}`);
    expect(checkout.text('.freight')).toBe(`¥${formatFen(FREIGHT)}`);
    expect(checkout.text('.payable')).toBe(`¥${formatFen(sku.price + FREIGHT)}`);
    checkout.input('.remark', '工作日送货');

    // ---- submit and pay: wx.requestPayment runs against the sandbox, as WeChat would
    mp.wx.requestPayment = payInSandbox(t);
    checkout.tap('.submit');
    const result = await mp.expectPage('pages/order/pay-result/index');
    expect(mp.wx.calls).toContain('requestPayment');
    expect(result.text('.headline')).toBe('支付成功');
    expect(result.text('.amount')).toBe(`¥${formatFen(sku.price + FREIGHT)}`);

    // ---- the order, as its detail page shows it
    result.tap('.view-order');
    const order = await mp.expectPage('pages/order/detail/index');
    expect(order.text('.status-text')).toBe('待发货');
    expect(order.has('.paid-at')).toBe(true);
    expect(order.has('.pay')).toBe(false);
    expect(order.text('.lines')).toContain(product.title);
    expect(order.text('.meta')).toContain('工作日送货');

    // ---- and as the API has it
    const shopper = await createShopper(t, mp.wx.loginCode);
    const stored = (await t.http.get(`/api/v1/orders/${order.query.id}`).set(shopper.auth).expect(200)).body as Order;
    expect(stored).toMatchObject({
      status: 'PAID',
      payableAmount: sku.price + FREIGHT,
      freightAmount: FREIGHT,
      remark: '工作日送货',
      items: [expect.objectContaining({ skuId: sku.id, quantity: 1 })],
      address: expect.objectContaining({ receiverName: '王小明', phone: '13912345678' }),
    });
    expect(stored.paidAt).not.toBeNull();
    const emptied = (await t.http.get('/api/v1/cart/items').set(shopper.auth).expect(200)).body as CartView;
    expect(emptied.items).toEqual([]);

    // ---- behaviour events went out in batches and were accepted
    const events = await mp.acceptedEvents();
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(['page_view', 'product_view', 'add_to_cart', 'checkout']),
    );
  });
});
