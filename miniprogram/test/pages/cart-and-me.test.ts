import type { Address } from '../../src/contracts/address';
import type { CartView } from '../../src/contracts/cart';
import type { MeProfile, UserProfile } from '../../src/contracts/auth';
import { formatFen } from '../../src/utils/money';
import { photoJpeg } from '../../../apps/api/test/support/images';
import { createAdmin, type Shopper } from '../../../apps/api/test/support/factories';
import { createAddress } from '../../../apps/api/test/support/factories';
import { backendLabel, startTestApp, type TestApp } from '../../../apps/api/test/support/test-app';
import type { MiniProgram } from '../support/mini-program';
import { OrderDesk } from '../support/orders';
import { newShopperEachTest } from '../support/session';
import { Shop } from '../support/shop';

/** The cart, the address book and the "me" tab: the shopper's own data on the real API. */
describe(`cart, address and me pages (${backendLabel})`, () => {
  let t: TestApp;
  let shop: Shop;
  let mp: MiniProgram;
  let shopper: Shopper;
  let categoryId: number;

  beforeAll(async () => {
    t = await startTestApp();
    shop = await Shop.open(t);
    categoryId = (await shop.category('购物车测试')).id;
  });
  afterAll(async () => {
    await t?.close();
  });
  newShopperEachTest(
    () => t,
    (session) => ({ mp, shopper } = session),
  );

  const cartOf = async (): Promise<CartView> =>
    (await t.http.get('/api/v1/cart/items').set(shopper.auth).expect(200)).body as CartView;
  const addToCart = (skuId: number, quantity: number) =>
    t.http.post('/api/v1/cart/items').set(shopper.auth).send({ skuId, quantity }).expect(201);

  it('partial updates reach the API as POST + X-HTTP-Method-Override: PATCH (wx.request has no PATCH)', async () => {
    const me = await mp.open('/pages/me/index');
    me.input('.nickname', '新昵称', 'blur');
    await mp.idle();
    const update = mp.wx.requests.find((r) => r.path === '/api/v1/me' && r.method === 'POST');
    expect(update?.headers['X-HTTP-Method-Override']).toBe('PATCH');
    expect({ status: update?.status, body: update?.response }).toMatchObject({
      status: 200,
      body: { nickname: '新昵称' },
    });
  });

  it('cart: lines, totals from the API, selection, quantities, removal and unavailable items', async () => {
    const tee = await shop.product({ categoryId, title: 'T 恤', axes: [['尺码', ['M', 'L']]], price: 5900, stock: 5 });
    const mug = await shop.product({ categoryId, title: '马克杯', price: 3500, stock: 2 });
    const gone = await shop.product({ categoryId, title: '下架商品', price: 1000 });
    await addToCart(tee.skus[0].id, 2);
    await addToCart(mug.skus[0].id, 1);
    await addToCart(gone.skus[0].id, 1);
    await t.http.patch(`/api/v1/admin/products/${gone.id}`).set(shop.admin.auth).send({ onShelf: false }).expect(200);

    const cart = await mp.open('/pages/cart/index');
    expect(cart.texts('.lines .title').sort()).toEqual([tee.title, mug.title].sort());
    expect(cart.texts('.unavailable .title')).toEqual([gone.title]);
    expect(cart.text('.unavailable')).toContain('已下架');
    expect(cart.text('.total')).toBe(`¥${formatFen(2 * 5900 + 3500)}`);
    expect(cart.text('.checkout')).toBe('结算(3)');

    const mugRow = cart.$$('.lines .line').findIndex((l) => l.dom?.textContent?.includes(mug.title));
    const teeRow = 1 - mugRow;
    cart.tap('.lines .check', mugRow); // unselect the mug
    await mp.idle();
    expect(cart.text('.total')).toBe(`¥${formatFen(2 * 5900)}`);
    expect(cart.text('.checkout')).toBe('结算(2)');
    expect((await cartOf()).items.find((i) => i.skuId === mug.skus[0].id)?.selected).toBe(false);

    cart.tap(`.lines .stepper >>> .t-stepper__plus`, teeRow); // 2 → 3 T-shirts
    await mp.idle();
    expect(cart.text('.total')).toBe(`¥${formatFen(3 * 5900)}`);
    expect((await cartOf()).items.find((i) => i.skuId === tee.skus[0].id)?.quantity).toBe(3);

    cart.tap('.select-all'); // everything buyable selected again
    await mp.idle();
    expect(cart.text('.checkout')).toBe('结算(4)');

    cart.tap('.clear-unavailable');
    await mp.until(() => cart.dialog(), 'the clear dialog');
    expect(cart.dialog()).toEqual({ title: '提示', content: '确定清空失效商品吗？', buttons: ['取消', '清空'] });
    cart.answerDialog(true);
    await mp.idle();
    expect(cart.has('.unavailable')).toBe(false);

    cart.tap('.lines .delete', mugRow);
    await mp.until(() => cart.dialog(), 'the delete dialog');
    expect(cart.dialog()?.content).toBe('确定删除这件商品吗？');
    cart.answerDialog(false); // second thoughts: the line stays
    await mp.idle();
    expect(cart.dialog()).toBeNull();
    expect(cart.texts('.lines .title')).toHaveLength(2);
    cart.tap('.lines .delete', mugRow);
    await mp.until(() => cart.dialog(), 'the delete dialog');
    cart.answerDialog(true);
    await mp.idle();
    expect(cart.texts('.lines .title')).toEqual([tee.title]);
    // the tab bar's badge follows every change: 3 T-shirts left in the cart
    expect(mp.tabBadges.get(2)).toBe('3');
    expect((await cartOf()).items.map((i) => i.skuId)).toEqual([tee.skus[0].id]);

    cart.tap('.checkout');
    expect((await mp.expectPage('pages/order/checkout/index')).query).toEqual({ from: 'cart' });
  });

  it('cart: a line with more than the stock says how many are left', async () => {
    const lamp = await shop.product({ categoryId, title: '台灯', stock: 5 });
    await addToCart(lamp.skus[0].id, 4);
    await t.http
      .post(`/api/v1/admin/skus/${lamp.skus[0].id}/stock-adjustments`)
      .set(shop.admin.auth)
      .send({ delta: -3, reason: '盘点' })
      .expect(201);
    const cart = await mp.open('/pages/cart/index');
    expect(cart.text('.lines .notice')).toBe('库存仅剩 2 件，请减少数量');
  });

  it('cart: empty, with a way back to the shop', async () => {
    const cart = await mp.open('/pages/cart/index');
    expect(cart.data.status).toBe('empty');
    expect(cart.text()).toContain('购物车还是空的');
    expect(mp.tabBadges.has(2)).toBe(false); // nothing in the cart, no badge
    cart.tap('.page-state >>> .action');
    await mp.expectPage('pages/home/index');
  });

  it('a token the API no longer accepts is replaced by one silent re-login', async () => {
    const lamp = await shop.product({ categoryId, title: '夜灯' });
    await addToCart(lamp.skus[0].id, 1);
    mp.wx.storage.set(
      'sut.session',
      JSON.stringify({ token: 'not-a-valid-token', expiresAt: Date.now() + 3_600_000, user: {} }),
    );
    const cart = await mp.open('/pages/cart/index');
    expect(cart.texts('.lines .title')).toEqual([lamp.title]);
    expect(mp.wx.logins).toBe(1);
    expect(mp.wx.requests.filter((r) => r.path === '/api/v1/cart/items').map((r) => r.status)).toEqual([401, 200]);
  });

  it('address book: import from WeChat, edit, make default, delete', async () => {
    const list = await mp.open('/pages/address/list/index');
    expect(list.data.status).toBe('empty');
    mp.wx.chooseAddress = async () => ({
      userName: '赵六',
      telNumber: '+86 13700001111',
      provinceName: '四川省',
      cityName: '成都市',
      countyName: '武侯区',
      detailInfo: '天府大道 100 号',
      detailInfoNew: '',
      postalCode: '610000',
      nationalCode: '',
    });
    list.tap('.import');
    await mp.idle();
    expect(list.text('.address')).toContain('赵六');
    expect(list.text('.address')).toContain('137****1111');

    // a second address, typed in by hand
    list.tap('.add');
    const edit = await mp.expectPage('pages/address/edit/index');
    edit.input('.receiver', '钱七');
    edit.input('.phone', '1590000');
    edit.tap('.save');
    await mp.idle();
    expect(edit.toast()).toBe('请填写正确的手机号码');
    expect(mp.wx.toasts).toEqual([]); // TDesign's toast, not WeChat's
    edit.input('.phone', '15900002222');
    edit.fire('.region-picker', 'change', { value: ['广东省', '广州市', '天河区'] });
    edit.input('.detail', '体育西路 1 号');
    edit.tap('.save');
    await mp.expectPage('pages/address/list/index');
    expect(list.$$('.address')).toHaveLength(2);

    const stored = (await t.http.get('/api/v1/addresses').set(shopper.auth).expect(200)).body as Address[];
    const qian = stored.find((a) => a.receiverName === '钱七')!;
    expect(qian).toMatchObject({ phone: '15900002222', province: '广东省', city: '广州市', district: '天河区' });

    // edit it: the form starts from what is stored
    const row = list.$$('.address').findIndex((a) => a.dom?.textContent?.includes('钱七'));
    list.tap('.edit', row);
    const again = await mp.expectPage('pages/address/edit/index');
    expect(again.data.form).toMatchObject({ receiverName: '钱七', detail: '体育西路 1 号' });
    again.input('.detail', '体育西路 2 号');
    again.tap('.save');
    await mp.expectPage('pages/address/list/index');
    expect(list.text()).toContain('体育西路 2 号');

    // make it the default
    list.tap('.set-default');
    await mp.idle();
    const defaults = ((await t.http.get('/api/v1/addresses').set(shopper.auth).expect(200)).body as Address[]).filter(
      (a) => a.isDefault,
    );
    expect(defaults.map((a) => a.receiverName)).toEqual(['钱七']);

    // delete the other one
    const zhao = list.$$('.address').findIndex((a) => a.dom?.textContent?.includes('赵六'));
    list.tap('.delete', zhao);
    await mp.until(() => list.dialog(), 'the delete dialog');
    expect(list.dialog()).toEqual({ title: '提示', content: '确定删除这个地址吗？', buttons: ['取消', '删除'] });
    list.answerDialog(true);
    await mp.idle();
    expect(list.$$('.address')).toHaveLength(1);
    expect(list.text()).not.toContain('赵六');
  });

  it('address book in select mode hands the picked address to checkout', async () => {
    const mug = await shop.product({ categoryId, title: '选址商品' });
    await createAddress(t, shopper, { receiverName: '默认人', isDefault: true });
    await createAddress(t, shopper, { receiverName: '别的人', isDefault: false });
    const checkout = await mp.open(`/pages/order/checkout/index?skuId=${mug.skus[0].id}&quantity=1`);
    expect(checkout.text('.address')).toContain('默认人');
    checkout.tap('.address');
    const list = await mp.expectPage('pages/address/list/index');
    list.tap(
      '.address',
      list.$$('.address').findIndex((a) => a.dom?.textContent?.includes('别的人')),
    );
    await mp.expectPage('pages/order/checkout/index');
    await mp.idle();
    expect(checkout.text('.address')).toContain('别的人');
  });

  it('me: profile, nickname, order shortcuts with counts', async () => {
    const cup = await shop.product({ categoryId, title: '杯子' });
    const addressId = await createAddress(t, shopper);
    const desk = new OrderDesk(t, shop);
    await desk.place(shopper, addressId, cup.skus[0].id);
    await desk.place(shopper, addressId, cup.skus[0].id);
    const paid = await desk.place(shopper, addressId, cup.skus[0].id);
    await desk.pay(shopper, paid.id);

    const me = await mp.open('/pages/me/index');
    const counts = Object.fromEntries(
      (me.data.shortcuts as Array<{ title: string; count: number }>).map((s) => [s.title, s.count]),
    );
    expect(counts).toEqual({ 待付款: 2, 待发货: 1, 待收货: 0, 已完成: 0 });
    expect(me.texts('.shortcut')).toEqual(['2待付款', '1待发货', '待收货', '已完成', '待评价']); // badge, then title
    // one summary request, not one order list per shortcut
    const orderCalls = mp.wx.requests.filter((r) => r.path.startsWith('/api/v1/orders')).map((r) => r.path);
    expect(orderCalls).toEqual(['/api/v1/orders/summary']);

    me.input('.nickname', '小明同学', 'blur');
    await mp.idle();
    const profile = (await t.http.get('/api/v1/me').set(shopper.auth).expect(200)).body as UserProfile;
    expect(profile.nickname).toBe('小明同学');
    expect(me.toast()).toBe('昵称已更新');

    // the avatar the current WeChat way: chooseAvatar hands a temporary file, which is uploaded
    // to the API (POST /media?kind=avatar, multipart) and saved on the profile by its ref
    const avatarFile = mp.wx.addTempFile('http://tmp/avatar-1.jpg', await photoJpeg(400, 400));
    // a stale token on the phone: the upload logs in again silently and is sent once more
    const session = JSON.parse(mp.wx.storage.get('sut.session')!) as { token: string };
    mp.wx.storage.set('sut.session', JSON.stringify({ ...session, token: `${session.token}x` }));
    me.fire('.avatar-button', 'chooseavatar', { avatarUrl: avatarFile });
    await mp.idle();
    const uploads = mp.wx.requests.filter((r) => r.path === '/api/v1/media?kind=avatar');
    expect(uploads.map((r) => r.status)).toEqual([401, 201]);
    const uploaded = (uploads[1].response as { items: Array<{ id: number; ref: string }> }).items[0];
    const saved = mp.wx.requests.find(
      (r) =>
        r.path === '/api/v1/me' &&
        r.method === 'POST' &&
        r.status === 200 &&
        (r.body as { avatarUrl?: string }).avatarUrl,
    );
    expect(saved?.body).toEqual({ avatarUrl: uploaded.ref });
    const serverAvatar = ((await t.http.get('/api/v1/me').set(shopper.auth).expect(200)).body as UserProfile).avatarUrl;
    expect(serverAvatar).toMatch(/^http:\/\/.+\/[0-9a-f]{16,64}\/240\.jpg$/);
    expect(me.data).toMatchObject({ avatarUrl: serverAvatar, avatarError: '', avatarUploading: false });
    expect(me.has('.avatar-note')).toBe(false);
    expect(me.toast()).toBe('头像已更新');
    me.dismissToast();
    // the page shows the API's copy, which really is there
    await t.http.get(new URL(serverAvatar!).pathname).expect(200);

    // a file the API refuses: one line under the nickname, the profile keeps its avatar
    const notAnImage = mp.wx.addTempFile('http://tmp/avatar-2.jpg', Buffer.from('%PDF-1.7 not a picture'));
    me.fire('.avatar-button', 'chooseavatar', { avatarUrl: notAnImage });
    await mp.idle();
    expect(me.text('.avatar-error')).toBe('头像上传失败：仅支持 JPG、PNG、WebP、GIF 图片');
    expect(me.data.avatarUrl).toBe(serverAvatar);
    expect(mp.wx.takeToasts()).toEqual([]);
    expect(((await t.http.get('/api/v1/me').set(shopper.auth).expect(200)).body as UserProfile).avatarUrl).toBe(
      serverAvatar,
    );

    // no network: the same one line
    mp.wx.failNextRequests(1);
    me.fire('.avatar-button', 'chooseavatar', { avatarUrl: avatarFile });
    await mp.idle();
    expect(me.text('.avatar-error')).toBe('头像上传失败：网络不给力，请检查网络后重试');

    // declining the phone number prompt asks nothing of the API and says nothing
    me.dismissToast();
    const before = mp.wx.requests.length;
    me.fire('.bind-phone', 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' });
    await mp.idle();
    expect(mp.wx.requests.length).toBe(before);
    expect(me.toast()).toBeNull();
    expect(mp.wx.toasts).toEqual([]);

    me.tap('.shortcut', 1);
    const list = await mp.expectPage('pages/order/list/index');
    expect(list.text('.tabs >>> .t-tabs__item--active')).toBe('待发货');
    expect(list.texts('.order-status')).toEqual(['待发货']);
  });

  it('me: a bound phone number shows masked, and still after the page is opened again', async () => {
    const me = await mp.open('/pages/me/index');
    me.fire('.bind-phone', 'getphonenumber', { code: 'phone13912349876' });
    await mp.idle();
    expect(me.data.phoneMasked).toBe('139****9876');
    const again = await mp.open('/pages/me/index');
    expect(again.data.phoneMasked).toBe('139****9876');
    expect(again.has('.bind-phone')).toBe(false);
  });

  it('me: a nickname WeChat wants a person to check shows 昵称审核中 until an operator approves it', async () => {
    const me = await mp.open('/pages/me/index');
    expect(me.has('.nickname-pending')).toBe(false);
    // the sandbox's msg_sec_check answers `review` for this marker word
    me.input('.nickname', '待人工审核的昵称', 'blur');
    await mp.idle();
    expect(me.text('.nickname-pending')).toBe('昵称审核中');
    expect(me.toast()).toBe('昵称已提交，审核通过后对他人展示');
    me.dismissToast();
    const held = (await t.http.get('/api/v1/me').set(shopper.auth).expect(200)).body as MeProfile;
    expect(held).toMatchObject({ nicknamePending: true, pendingNickname: '待人工审核的昵称' });
    expect(held.nickname).not.toBe('待人工审核的昵称');

    const admin = await createAdmin(t);
    const queue = await t.http
      .get('/api/v1/admin/content-reviews')
      .query({ status: 'PENDING', pageSize: 100 })
      .set(admin.auth)
      .expect(200);
    const review = (queue.body.items as Array<{ id: number; userId: number }>).find(
      (r) => r.userId === shopper.userId,
    )!;
    await t.http.post(`/api/v1/admin/content-reviews/${review.id}/approve`).set(admin.auth).send({}).expect(200);
    const again = await mp.open('/pages/me/index');
    expect(again.has('.nickname-pending')).toBe(false);
    expect(again.data.nickname).toBe('待人工审核的昵称');
  });
});
