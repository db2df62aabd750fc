import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import { TransactionService } from '../src/database/transaction.service';
import { AfterSaleService } from '../src/modules/aftersale/aftersale.service';
import { AuthService } from '../src/modules/auth/auth.service';
import { PointsService } from '../src/modules/promotion/points.service';
import { RefundService } from '../src/modules/payment/refund.service';
import { PromotionDemoSeeder } from '../src/modules/promotion/promotion-demo-seeder';
import {
  buyer,
  createAdmin,
  createShopper,
  type Admin,
  type Shopper,
  createAddress,
  createProduct,
  payOrder,
  placeOrder,
  skuStock,
  submitOrder,
} from './support/factories';
import { photoJpeg } from './support/images';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

describe(`coupons, points, check-in and after-sale (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;
  let sandbox: WechatSandbox;
  beforeAll(async () => {
    // 500 claims at once on 2 shared cores queue on one template row: the test is about exact
    // counts, not latency, so pool and query waits are generous here (the 503 bounds have their
    // own tests).
    t = await startTestApp({ DB_POOL_ACQUIRE_TIMEOUT_MS: '60000', DB_QUERY_TIMEOUT_MS: '60000' });
    admin = await createAdmin(t);
    sandbox = t.sandbox;
  });
  afterAll(async () => {
    await t?.close();
  });

  const template = async (overrides: Record<string, unknown> = {}): Promise<number> =>
    (
      await t.http
        .post('/api/v1/admin/coupons')
        .set(admin.auth)
        .send({
          name: '满199减30',
          kind: 'THRESHOLD',
          thresholdFen: 19900,
          amountFen: 3000,
          validDays: 7,
          totalQuantity: 1000,
          perUserLimit: 1,
          ...overrides,
        })
        .expect(201)
    ).body.id;

  const claim = (s: Shopper, id: number) => t.http.post(`/api/v1/coupons/${id}/claim`).set(s.auth);
  const givePoints = (userId: number, points: number) =>
    t.app
      .get(TransactionService)
      .run((em) =>
        t.app.get(PointsService).credit(em, userId, points, 'CHECKIN', `test:${userId}:${Date.now()}:${Math.random()}`),
      );
  const balance = async (s: Shopper) =>
    (await t.http.get('/api/v1/points').set(s.auth).expect(200)).body.balance as number;

  it('lets 500 parallel claims take exactly 100 coupons, never past the per-shopper limit', async () => {
    const id = await template({ totalQuantity: 100, perUserLimit: 2, name: '抢券' });
    const shoppers = await Promise.all(Array.from({ length: 125 }, () => createShopper(t)));
    const results = await Promise.all(shoppers.flatMap((s) => [0, 1, 2, 3].map(() => claim(s, id))));
    const ok = results.filter((r) => r.status === 201).length;
    expect(ok).toBe(100);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(['COUPON_SOLD_OUT', 'COUPON_LIMIT_REACHED']).toContain(r.body.code);
    }
    for (const s of shoppers) {
      const mine = (await t.http.get('/api/v1/coupons/mine').set(s.auth).expect(200)).body.items;
      expect(mine.filter((c: { templateId: number }) => c.templateId === id).length).toBeLessThanOrEqual(2);
    }
    // newest first: the template made above is on the first page (other suites may share the database)
    const list = (await t.http.get('/api/v1/admin/coupons?pageSize=50').set(admin.auth).expect(200)).body.items;
    expect(list.find((x: { id: number }) => x.id === id).claimedCount).toBe(100);
  });

  it('checks out with the best coupon, splits it over the lines, consumes it on payment and returns it on cancel', async () => {
    const { shopper: s, addressId } = await buyer(t);
    const a = await createProduct(t, { price: 15000, stock: 10 });
    const b = await createProduct(t, { price: 5000, stock: 10 });
    const big = await template();
    const small = await template({ name: '无门槛', kind: 'NO_THRESHOLD', amountFen: 500, thresholdFen: undefined });
    const onlyB = await template({
      name: 'B专享',
      kind: 'PERCENT',
      percentOff: 50,
      maxDiscountFen: 100000,
      scope: 'PRODUCTS',
      scopeIds: [999999],
    });
    const offers = (await t.http.get(`/api/v1/coupons?productId=${a.productId}`).set(s.auth).expect(200)).body.items;
    expect(offers.map((o: { id: number }) => o.id)).toEqual(expect.arrayContaining([big, small]));
    expect(offers.map((o: { id: number }) => o.id)).not.toContain(onlyB);
    const cBig = (await claim(s, big).expect(201)).body;
    const cSmall = (await claim(s, small).expect(201)).body;
    const cOnly = (await claim(s, onlyB).expect(201)).body;
    expect((await claim(s, big)).body.code).toBe('COUPON_LIMIT_REACHED');

    const items = [
      { skuId: a.skuIds[0], quantity: 1 },
      { skuId: b.skuIds[0], quantity: 1 },
    ];
    const preview = (await t.http.post('/api/v1/orders/preview').set(s.auth).send({ items }).expect(200)).body;
    expect(preview.selectedCouponId).toBe(cBig.id);
    expect(preview.discountAmount).toBe(3000);
    expect(preview.payableAmount).toBe(20000 - 3000);
    const unusable = preview.coupons.find((c: { userCouponId: number }) => c.userCouponId === cOnly.id);
    expect(unusable).toMatchObject({ usable: false, reason: '本单商品不在该券适用范围内' });
    // below the threshold the 满减 coupon says how much is missing
    const low = (
      await t.http
        .post('/api/v1/orders/preview')
        .set(s.auth)
        .send({ items: [items[1]] })
        .expect(200)
    ).body;
    expect(low.selectedCouponId).toBe(cSmall.id);
    expect(low.coupons.find((c: { userCouponId: number }) => c.userCouponId === cBig.id).reason).toBe(
      '还差 ¥149.00 可用',
    );

    const refused = await submitOrder(t, s, { items, addressId, couponId: cOnly.id }).expect(409);
    expect(refused.body.code).toBe('COUPON_NOT_USABLE');
    const order = (await submitOrder(t, s, { items, addressId, couponId: cBig.id }).expect(201)).body;
    expect(order.payableAmount).toBe(17000);
    expect(order.discountAmount).toBe(3000);
    const locked = (await t.http.get('/api/v1/coupons/mine?status=used').set(s.auth).expect(200)).body.items;
    expect(locked.map((c: { id: number }) => c.id)).toEqual([cBig.id]);
    // a second order can't use the locked coupon
    const again = await submitOrder(t, s, { items, addressId, couponId: cBig.id }).expect(409);
    expect(again.body.code).toBe('COUPON_NOT_USABLE');
    await t.http.post(`/api/v1/orders/${order.id}/cancel`).set(s.auth).expect(200);
    const usable = (await t.http.get('/api/v1/coupons/mine?status=usable').set(s.auth).expect(200)).body.items;
    expect(usable.map((c: { id: number }) => c.id)).toContain(cBig.id);

    const { order: paid } = await placeOrder(t, {
      buyer: { shopper: s, addressId },
      items,
      body: { couponId: cBig.id },
    });
    await payOrder(t, s, paid);
    const used = (await t.http.get('/api/v1/coupons/mine?status=used').set(s.auth).expect(200)).body.items;
    expect(used.find((c: { id: number }) => c.id === cBig.id).status).toBe('USED');
  });

  it('lets exactly one of two parallel check-ins through, with the streak reward', async () => {
    const s = await createShopper(t);
    const [x, y] = await Promise.all([
      t.http.post('/api/v1/checkin').set(s.auth),
      t.http.post('/api/v1/checkin').set(s.auth),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    expect([x, y].find((r) => r.status === 409)!.body.code).toBe('ALREADY_CHECKED_IN');
    const status = (await t.http.get('/api/v1/checkin').set(s.auth).expect(200)).body;
    expect(status).toMatchObject({ checkedInToday: true, streak: 1, nextReward: 0 });
    expect(await balance(s)).toBe(status.rewards[0]);
  });

  it('spends points at checkout within the cap; two devices at once never take the balance below zero; cancel returns them', async () => {
    const { shopper: s, addressId } = await buyer(t);
    const p = await createProduct(t, { price: 10000, stock: 10 });
    await givePoints(s.userId, 3000);
    const items = [{ skuId: p.skuIds[0], quantity: 1 }];
    const over = await submitOrder(t, s, { items, addressId, points: 6000 }).expect(409);
    expect(over.body.code).toBe('POINTS_INSUFFICIENT');
    const [one, two] = await Promise.all([0, 1].map(() => submitOrder(t, s, { items, addressId, points: 2000 })));
    expect([one.status, two.status].sort()).toEqual([201, 409]);
    const made = [one, two].find((r) => r.status === 201)!.body;
    expect([one, two].find((r) => r.status === 409)!.body.code).toBe('POINTS_INSUFFICIENT');
    // freight applies after the discount: 8000 of goods is below the free-freight threshold
    expect(made.payableAmount).toBe(10000 - 2000 + t.config.order.freightFen);
    expect(await balance(s)).toBe(1000);
    await t.http.post(`/api/v1/orders/${made.id}/cancel`).set(s.auth).expect(200);
    expect(await balance(s)).toBe(3000);
    const capped = await submitOrder(t, s, { items, addressId, points: 1000 }).expect(201);
    expect(capped.body.discountAmount).toBe(1000);
    await givePoints(s.userId, 10000);
    const cap = await submitOrder(t, s, { items, addressId, points: 6000 }).expect(400);
    expect(cap.body.code).toBe('POINTS_OVER_CAP');
  });

  it('refunds one piece of a line (with a photo) for its paid share, coupon and points accounted for', async () => {
    const { shopper: s, addressId } = await buyer(t);
    const p = await createProduct(t, { price: 10000, stock: 10 });
    const q = await createProduct(t, { price: 10000, stock: 10 });
    const c = (await claim(s, await template()).expect(201)).body;
    await givePoints(s.userId, 1000);
    const items = [
      { skuId: p.skuIds[0], quantity: 3 },
      { skuId: q.skuIds[0], quantity: 1 },
    ];
    const { order } = await placeOrder(t, {
      buyer: { shopper: s, addressId },
      items,
      body: { couponId: c.id, points: 1000 },
    });
    // goods 40000, coupon 3000 → line p 2250, q 750; points 1000 → p 750, q 250; p paid 27000 for 3
    expect(order.payableAmount).toBe(40000 - 3000 - 1000);
    await payOrder(t, s, order);
    const upload = await t.http
      .post('/api/v1/media?kind=review')
      .set(s.auth)
      .attach('file', await photoJpeg(120, 90), { filename: 'broken.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const photo = upload.body.items[0].ref as string;
    const req = (
      await t.http
        .post('/api/v1/aftersales')
        .set(s.auth)
        .send({
          orderId: order.id,
          skuId: p.skuIds[0],
          quantity: 1,
          type: 'REFUND_ONLY',
          reason: '少件',
          photos: [photo],
        })
        .expect(201)
    ).body;
    // the photo comes back as the image URL the pages show (the upload's 750 px URL), not the ref
    const photoUrl = upload.body.items[0].url as string;
    expect(photoUrl).toMatch(/^https?:\/\//);
    expect(req).toMatchObject({ status: 'REQUESTED', refundAmount: 9000, photos: [photoUrl] });
    expect(req.photos[0]).not.toContain('media:');
    const mine = (await t.http.get(`/api/v1/aftersales?orderId=${order.id}`).set(s.auth).expect(200)).body;
    expect(mine.items[0].photos).toEqual([photoUrl]);
    const operators = (await t.http.get(`/api/v1/admin/aftersales?orderId=${order.id}`).set(admin.auth).expect(200))
      .body;
    expect(operators.items[0].photos).toEqual([photoUrl]);
    await t.http.get(new URL(photoUrl).pathname).expect(200);
    const dup = await t.http
      .post('/api/v1/aftersales')
      .set(s.auth)
      .send({ orderId: order.id, skuId: p.skuIds[0], quantity: 1, type: 'REFUND_ONLY', reason: '少件' })
      .expect(409);
    expect(dup.body.code).toBe('AFTERSALE_ALREADY_OPEN');
    const other = await createShopper(t);
    await t.http.get(`/api/v1/aftersales/${req.id}`).set(other.auth).expect(404);
    await t.http.get(`/api/v1/aftersales/${req.id}/logistics`).set(other.auth).expect(404);
    await t.http.post(`/api/v1/aftersales/${req.id}/cancel`).set(other.auth).send({}).expect(404);
    await t.http
      .post(`/api/v1/aftersales/${req.id}/return-shipment`)
      .set(other.auth)
      .send({ carrierCode: 'yuantong', trackingNo: 'YT1234567890' })
      .expect(404);
    expect((await t.http.get(`/api/v1/aftersales/${req.id}`).set(s.auth).expect(200)).body.status).toBe('REQUESTED');

    const approved = (await t.http.post(`/api/v1/admin/aftersales/${req.id}/approve`).set(admin.auth).expect(200)).body;
    expect(['REFUNDING', 'REFUNDED']).toContain(approved.status);
    await sandbox.whenIdle();
    await waitFor(
      async () => (await t.http.get(`/api/v1/aftersales/${req.id}`).set(s.auth)).body.status === 'REFUNDED',
    );
    expect(await t.app.get(RefundService).refundedTotal(order.id)).toBe(9000);
    // the piece never shipped: back in stock; a third of the line's 750 points came back
    expect(await skuStock(t, p.skuIds[0])).toBe(8);
    expect(await balance(s)).toBe(250);

    // the whole-order refund takes only what is left: Σ refunds = paid
    await t.http
      .post(`/api/v1/admin/orders/${order.id}/refund`)
      .set(admin.auth)
      .send({ reason: '协商退款' })
      .expect(200);
    await sandbox.whenIdle();
    await waitFor(async () => (await t.http.get(`/api/v1/orders/${order.id}`).set(s.auth)).body.status === 'REFUNDED');
    expect(await t.app.get(RefundService).refundedTotal(order.id)).toBe(order.payableAmount);
    expect(await skuStock(t, p.skuIds[0])).toBe(10);
    expect(await skuStock(t, q.skuIds[0])).toBe(10);
    expect(await balance(s)).toBe(1000);
    // the policy gives the still-valid coupon back
    const usable = (await t.http.get('/api/v1/coupons/mine?status=usable').set(s.auth).expect(200)).body.items;
    expect(usable.map((x: { id: number }) => x.id)).toContain(c.id);
  });

  it('walks a return: approve, ship back, receive with restock, refund; reject and timeouts', async () => {
    const { shopper: s, addressId } = await buyer(t);
    const p = await createProduct(t, { price: 5000, stock: 5 });
    const order = (
      await placeOrder(t, { buyer: { shopper: s, addressId }, items: [{ skuId: p.skuIds[0], quantity: 2 }] })
    ).order;
    await payOrder(t, s, order);
    await t.http
      .post(`/api/v1/admin/orders/${order.id}/ship`)
      .set(admin.auth)
      .send({ carrierCode: 'yuantong', trackingNo: 'YT1234567890' })
      .expect(200);
    const r = (
      await t.http
        .post('/api/v1/aftersales')
        .set(s.auth)
        .send({ orderId: order.id, skuId: p.skuIds[0], quantity: 2, type: 'RETURN_REFUND', reason: '尺码不合适' })
        .expect(201)
    ).body;
    const early = await t.http
      .post(`/api/v1/aftersales/${r.id}/return-shipment`)
      .set(s.auth)
      .send({ carrierCode: 'yuantong', trackingNo: 'YT9876543210' })
      .expect(409);
    expect(early.body.code).toBe('ILLEGAL_AFTERSALE_STATE');
    const notYet = await t.http.get(`/api/v1/aftersales/${r.id}/logistics`).set(s.auth).expect(409);
    expect(notYet.body.code).toBe('NOT_SHIPPED');
    await t.http.post(`/api/v1/admin/aftersales/${r.id}/approve`).set(admin.auth).expect(200);
    const shipped = (
      await t.http
        .post(`/api/v1/aftersales/${r.id}/return-shipment`)
        .set(s.auth)
        .send({ carrierCode: 'yuantong', trackingNo: 'YT9876543210' })
        .expect(200)
    ).body;
    expect(shipped.status).toBe('RETURN_SHIPPED');
    // the return is tracked like an outgoing parcel
    const parcel = (await t.http.get(`/api/v1/aftersales/${r.id}/logistics`).set(s.auth).expect(200)).body;
    expect(parcel).toMatchObject({ trackingNo: 'YT9876543210', carrier: { code: 'yuantong' } });
    await t.http.get(`/api/v1/admin/aftersales/${r.id}/logistics`).set(admin.auth).expect(200);
    expect(await skuStock(t, p.skuIds[0])).toBe(3);
    await t.http.post(`/api/v1/admin/aftersales/${r.id}/receive`).set(admin.auth).send({ restock: true }).expect(200);
    await sandbox.whenIdle();
    await waitFor(async () => (await t.http.get(`/api/v1/aftersales/${r.id}`).set(s.auth)).body.status === 'REFUNDED');
    expect(await skuStock(t, p.skuIds[0])).toBe(5);
    expect(await t.app.get(RefundService).refundedTotal(order.id)).toBe(10000);
    const list = (await t.http.get(`/api/v1/aftersales?orderId=${order.id}`).set(s.auth).expect(200)).body.items;
    expect(list.map((x: { status: string }) => x.status)).toEqual(['REFUNDED']);
    // nothing left to refund on that line
    const none = await t.http
      .post('/api/v1/aftersales')
      .set(s.auth)
      .send({ orderId: order.id, skuId: p.skuIds[0], quantity: 1, type: 'REFUND_ONLY', reason: '再退' })
      .expect(409);
    expect(none.body.code).toBe('AFTERSALE_NOT_ALLOWED');
  });

  it('times out durably: no answer → approved (refund-only refunded), return not shipped → closed; points earn, claw back and expire', async () => {
    const { shopper: s, addressId } = await buyer(t);
    const p = await createProduct(t, { price: 20000, stock: 5 });
    const q = await createProduct(t, { price: 10000, stock: 5 });
    const items = [
      { skuId: p.skuIds[0], quantity: 1 },
      { skuId: q.skuIds[0], quantity: 1 },
    ];
    const order = (await placeOrder(t, { buyer: { shopper: s, addressId }, items })).order;
    await payOrder(t, s, order);
    await t.http
      .post(`/api/v1/admin/orders/${order.id}/ship`)
      .set(admin.auth)
      .send({ carrierCode: 'yuantong', trackingNo: 'YT5555555555' })
      .expect(200);
    await t.http.post(`/api/v1/orders/${order.id}/confirm-receipt`).set(s.auth).expect(200);
    // 1 point per yuan paid on completion (300 yuan of goods)
    expect(await balance(s)).toBe(300);
    const refundOnly = (
      await t.http
        .post('/api/v1/aftersales')
        .set(s.auth)
        .send({ orderId: order.id, skuId: q.skuIds[0], quantity: 1, type: 'REFUND_ONLY', reason: '质量问题' })
        .expect(201)
    ).body;
    const ret = (
      await t.http
        .post('/api/v1/aftersales')
        .set(s.auth)
        .send({ orderId: order.id, skuId: p.skuIds[0], quantity: 1, type: 'RETURN_REFUND', reason: '不喜欢' })
        .expect(201)
    ).body;
    await t.http.post(`/api/v1/admin/aftersales/${ret.id}/approve`).set(admin.auth).expect(200);
    const sweeper = t.app.get(AfterSaleService);
    const day = 86_400_000;
    expect(await sweeper.sweep(new Date(Date.now() + 1 * day))).toBe(0);
    await sweeper.sweep(new Date(Date.now() + (t.config.promotion.aftersaleAutoApproveDays + 1) * day));
    await sandbox.whenIdle();
    await waitFor(
      async () => (await t.http.get(`/api/v1/aftersales/${refundOnly.id}`).set(s.auth)).body.status === 'REFUNDED',
    );
    // the refunded 100 yuan line takes its earned points back: 300 × 10000 / 30000
    expect(await balance(s)).toBe(200);
    await sweeper.sweep(new Date(Date.now() + (t.config.promotion.aftersaleReturnShipDays + 1) * day));
    const closed = (await t.http.get(`/api/v1/aftersales/${ret.id}`).set(s.auth).expect(200)).body;
    expect(closed.status).toBe('CLOSED');
    // a closed request frees the line for a new one
    await t.http
      .post('/api/v1/aftersales')
      .set(s.auth)
      .send({ orderId: order.id, skuId: p.skuIds[0], quantity: 1, type: 'REFUND_ONLY', reason: '再次申请' })
      .expect(201);
    // points expire after POINTS_EXPIRE_DAYS; what was clawed back is not expired twice
    await t.app.get(PointsService).expireDue(new Date(Date.now() + (t.config.promotion.pointsExpireDays + 1) * day));
    expect(await balance(s)).toBe(0);
    const ledger = (await t.http.get('/api/v1/points').set(s.auth).expect(200)).body.entries;
    expect(ledger.map((e: { reason: string }) => e.reason)).toEqual(['EXPIRE', 'CLAWBACK', 'EARN']);
  });

  it('tells the shopper the result by subscribe message, once per request (two requests on one order)', async () => {
    const { shopper: s, addressId } = await buyer(t);
    const p = await createProduct(t, { price: 5000, stock: 5 });
    const q = await createProduct(t, { price: 3000, stock: 5 });
    const { order } = await placeOrder(t, {
      buyer: { shopper: s, addressId },
      items: [
        { skuId: p.skuIds[0], quantity: 1 },
        { skuId: q.skuIds[0], quantity: 1 },
      ],
    });
    await payOrder(t, s, order);
    const openid = await t.app.get(AuthService).openidOf(s.userId);
    const tpl = t.config.wechatPlatform.templates.aftersale_result.templateId;
    // two "allow" taps = two messages
    for (let i = 0; i < 2; i++) {
      sandbox.platform.acceptSubscription(openid, tpl);
      await t.http
        .post('/api/v1/wechat/subscriptions')
        .set(s.auth)
        .send({ results: { [tpl]: 'accept' } })
        .expect(200);
    }
    const mine = () => sandbox.platform.subscribeMessages.filter((m) => m.openid === openid);
    const request = async (skuId: number, rejectReason: string): Promise<void> => {
      const r = (
        await t.http
          .post('/api/v1/aftersales')
          .set(s.auth)
          .send({ orderId: order.id, skuId, quantity: 1, type: 'REFUND_ONLY', reason: '不想要了' })
          .expect(201)
      ).body;
      await t.http
        .post(`/api/v1/admin/aftersales/${r.id}/reject`)
        .set(admin.auth)
        .send({ reason: rejectReason })
        .expect(200);
    };
    await request(p.skuIds[0], '商品已发出');
    await waitFor(async () => mine().length === 1);
    expect(mine()[0].templateId).toBe(tpl);
    expect(mine()[0].data.phrase2.value).toBe('已拒绝');
    expect(mine()[0].data.thing3.value).toBe('商品已发出');
    // the second request's result on the same order is its own message (it used to be dropped)
    await request(q.skuIds[0], '已超过退款期限');
    await waitFor(async () => mine().length === 2);
    expect(mine()[1].data.thing3.value).toBe('已超过退款期限');
  });

  it('answers each order’s after-sale state for the order list: 售后中 / 已退款 / 售后关闭, owner-scoped', async () => {
    const { shopper: s, addressId } = await buyer(t);
    const p = await createProduct(t, { price: 2000, stock: 20 });
    const q = await createProduct(t, { price: 1000, stock: 20 });
    const placeAndPay = async (who: Shopper, whoAddress: number, skuIds: number[]) => {
      const { order } = await placeOrder(t, {
        buyer: { shopper: who, addressId: whoAddress },
        items: skuIds.map((skuId) => ({ skuId, quantity: 1 })),
      });
      await payOrder(t, who, order);
      return order;
    };
    const request = async (who: Shopper, orderId: number, skuId: number): Promise<number> =>
      (
        await t.http
          .post('/api/v1/aftersales')
          .set(who.auth)
          .send({ orderId, skuId, quantity: 1, type: 'REFUND_ONLY', reason: '不想要了' })
          .expect(201)
      ).body.id;
    // a: one line refunded, then a second request still open → 售后中 (1 open, 1 refunded)
    const a = await placeAndPay(s, addressId, [p.skuIds[0], q.skuIds[0]]);
    const refunded = await request(s, a.id, p.skuIds[0]);
    await t.http.post(`/api/v1/admin/aftersales/${refunded}/approve`).set(admin.auth).expect(200);
    await sandbox.whenIdle();
    await waitFor(
      async () => (await t.http.get(`/api/v1/aftersales/${refunded}`).set(s.auth)).body.status === 'REFUNDED',
    );
    // b: refunded only → 已退款; c: rejected → 售后关闭; d: withdrawn → no badge; e: none
    const b = await placeAndPay(s, addressId, [p.skuIds[0], q.skuIds[0]]);
    const bReq = await request(s, b.id, q.skuIds[0]);
    await t.http.post(`/api/v1/admin/aftersales/${bReq}/approve`).set(admin.auth).expect(200);
    await sandbox.whenIdle();
    await waitFor(async () => (await t.http.get(`/api/v1/aftersales/${bReq}`).set(s.auth)).body.status === 'REFUNDED');
    await request(s, a.id, q.skuIds[0]);
    const c = await placeAndPay(s, addressId, [p.skuIds[0]]);
    const cReq = await request(s, c.id, p.skuIds[0]);
    await t.http.post(`/api/v1/admin/aftersales/${cReq}/reject`).set(admin.auth).send({ reason: '已发货' }).expect(200);
    const d = await placeAndPay(s, addressId, [p.skuIds[0]]);
    const dReq = await request(s, d.id, p.skuIds[0]);
    await t.http.post(`/api/v1/aftersales/${dReq}/cancel`).set(s.auth).expect(200);
    const e = await placeAndPay(s, addressId, [p.skuIds[0]]);
    // someone else's order with an open request reads as one without requests
    const other = await createShopper(t);
    const otherOrder = await placeAndPay(other, await createAddress(t, other), [q.skuIds[0]]);
    await request(other, otherOrder.id, q.skuIds[0]);

    const ids = [a.id, b.id, c.id, d.id, e.id, otherOrder.id, a.id];
    const res = await t.http
      .get(`/api/v1/aftersales/by-orders?orderIds=${ids.join(',')}`)
      .set(s.auth)
      .expect(200);
    expect(res.body.items).toEqual([
      {
        orderId: a.id,
        openCount: 1,
        refundedCount: 1,
        latestStatus: 'REQUESTED',
        latestStatusText: '待审核',
        label: '售后中',
      },
      {
        orderId: b.id,
        openCount: 0,
        refundedCount: 1,
        latestStatus: 'REFUNDED',
        latestStatusText: '已退款',
        label: '已退款',
      },
      {
        orderId: c.id,
        openCount: 0,
        refundedCount: 0,
        latestStatus: 'REJECTED',
        latestStatusText: '已拒绝',
        label: '售后关闭',
      },
      {
        orderId: d.id,
        openCount: 0,
        refundedCount: 0,
        latestStatus: 'CANCELLED',
        latestStatusText: '已撤销',
        label: null,
      },
      ...[e.id, otherOrder.id].map((orderId) => ({
        orderId,
        openCount: 0,
        refundedCount: 0,
        latestStatus: null,
        latestStatusText: null,
        label: null,
      })),
    ]);
    // the owner sees their own open request
    const theirs = await t.http
      .get(`/api/v1/aftersales/by-orders?orderIds=${otherOrder.id}`)
      .set(other.auth)
      .expect(200);
    expect(theirs.body.items[0]).toMatchObject({ openCount: 1, label: '售后中' });
    // bad input is a 400 with a stable code, never a 500
    for (const bad of ['', 'abc', '1,,2', '0', Array.from({ length: 51 }, (_, i) => i + 1).join(',')]) {
      const r = await t.http.get(`/api/v1/aftersales/by-orders?orderIds=${bad}`).set(s.auth).expect(400);
      expect(r.body.code).toBe('VALIDATION_FAILED');
    }
    await t.http.get('/api/v1/aftersales/by-orders').set(s.auth).expect(400);
    await t.http.get(`/api/v1/aftersales/by-orders?orderIds=${a.id}`).expect(401);
  });

  it('stops issuing a template, lets the shopper withdraw a request, lists requests for operators', async () => {
    const id = await template({ name: '停发测试' });
    const s = await createShopper(t);
    const stopped = await t.http
      .patch(`/api/v1/admin/coupons/${id}`)
      .set(admin.auth)
      .send({ issuing: false })
      .expect(200);
    expect(stopped.body.issuing).toBe(false);
    expect((await claim(s, id).expect(409)).body.code).toBe('COUPON_NOT_ISSUING');
    const low = await t.http
      .patch(`/api/v1/admin/coupons/${id}`)
      .set(admin.auth)
      .send({ totalQuantity: 0 })
      .expect(400);
    expect(low.body.code).toBe('VALIDATION_FAILED');
    const addressId = await createAddress(t, s);
    const p = await createProduct(t, { price: 5000, stock: 5 });
    const order = (
      await placeOrder(t, { buyer: { shopper: s, addressId }, items: [{ skuId: p.skuIds[0], quantity: 1 }] })
    ).order;
    // not paid yet: no after-sale
    const early = await t.http
      .post('/api/v1/aftersales')
      .set(s.auth)
      .send({ orderId: order.id, skuId: p.skuIds[0], quantity: 1, type: 'REFUND_ONLY', reason: '不想要了' })
      .expect(409);
    expect(early.body.code).toBe('AFTERSALE_NOT_ALLOWED');
    await payOrder(t, s, order);
    const r = (
      await t.http
        .post('/api/v1/aftersales')
        .set(s.auth)
        .send({ orderId: order.id, skuId: p.skuIds[0], quantity: 1, type: 'REFUND_ONLY', reason: '不想要了' })
        .expect(201)
    ).body;
    const listed = (
      await t.http.get(`/api/v1/admin/aftersales?status=REQUESTED&orderId=${order.id}`).set(admin.auth).expect(200)
    ).body;
    expect(listed.items.map((x: { id: number }) => x.id)).toContain(r.id);
    const withdrawn = (await t.http.post(`/api/v1/aftersales/${r.id}/cancel`).set(s.auth).expect(200)).body;
    expect(withdrawn.status).toBe('CANCELLED');
    const late = await t.http.post(`/api/v1/admin/aftersales/${r.id}/approve`).set(admin.auth).expect(409);
    expect(late.body.code).toBe('ILLEGAL_AFTERSALE_STATE');
  });
});

describe(`demo coupons (${backendLabel})`, () => {
  it('turns the banner’s 满199减30 into a claimable coupon, once', async () => {
    const t = await startTestApp();
    try {
      const seeder = t.app.get(PromotionDemoSeeder);
      const seeded = await seeder.seedIfEmpty();
      const s = await createShopper(t);
      const offers = (await t.http.get('/api/v1/coupons').set(s.auth).expect(200)).body.items;
      const banner = offers.find((o: { label: string }) => o.label === '满199减30');
      // on a shared MariaDB database another suite's templates may exist already: then nothing is seeded
      if (seeded > 0) {
        expect(banner).toBeDefined();
        expect(offers.map((o: { label: string }) => o.label)).toContain('无门槛减5');
        await t.http.post(`/api/v1/coupons/${banner.id}/claim`).set(s.auth).expect(201);
      }
      expect(await seeder.seedIfEmpty()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
