import { randomUUID } from 'node:crypto';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import { EventWriterService } from '../src/modules/events/event-writer.service';
import { ADMIN_ACTION_LABELS } from '../src/modules/events/audit-labels';
import { createProduct, createShopper } from './support/factories';
import { photoJpeg } from './support/images';
import {
  afterSaleWithPhoto,
  beijingToday,
  completedOrderItem,
  createOperator,
  type Operator,
  paidOrder,
  requestAfterSale,
  uploadPhoto,
} from './support/service-fixtures';
import { waitFor } from './support/wait';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/**
 * The API behind the console's customer-service screens (issue 24): the after-sale queue, review
 * moderation filters, coupon templates with usage and edits, the owner's audit log and the
 * dashboard's refunds figure. Roles per the permission table; bad input is a 4xx with a code.
 */
describe(`console service APIs: after-sale, reviews, coupons, audit log, refunds (${backendLabel})`, () => {
  let t: TestApp;
  let owner: Operator;
  let ops: Operator;
  let cs: Operator;
  let finance: Operator;
  let sandbox: WechatSandbox;

  beforeAll(async () => {
    t = await startTestApp();
    sandbox = t.sandbox;
    [owner, ops, cs, finance] = await Promise.all([
      createOperator(t, 'owner'),
      createOperator(t, 'operations'),
      createOperator(t, 'customer_service'),
      createOperator(t, 'finance'),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (who: Operator, path: string, query: Record<string, unknown> = {}) =>
    t.http.get(`/api/v1${path}`).query(query).set(who.auth);
  const post = (who: Operator, path: string, body: Record<string, unknown> = {}) =>
    t.http.post(`/api/v1${path}`).set(who.auth).send(body);

  describe('after-sale queue', () => {
    it('pages requests with their order line; detail; customer service decides, operations only reads', async () => {
      const s = await createShopper(t);
      const p = await createProduct(t, { skus: 1, price: 4990, stock: 5 });
      const {
        order,
        request: req,
        photo,
      } = await afterSaleWithPhoto(t, s, p, {
        quantity: 2,
        reason: '少件',
        description: '盒子里只有一件',
        jpeg: await photoJpeg(120, 90),
        filename: 'broken.jpg',
      });

      const page = (await get(cs, '/admin/aftersales', { orderId: order.id, status: 'REQUESTED' }).expect(200)).body;
      expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(page.items[0]).toMatchObject({
        id: req.id,
        orderId: order.id,
        orderNo: order.orderNo,
        userId: s.userId,
        status: 'REQUESTED',
        reason: '少件',
        description: '盒子里只有一件',
        refundAmount: 4990,
        line: { productId: p.productId, title: p.title, specs: { 尺码: 'S' }, unitPrice: 4990, quantity: 2 },
      });
      expect(page.items[0].photos).toEqual([photo.url]);
      const detail = (await get(ops, `/admin/aftersales/${req.id}`).expect(200)).body;
      expect(detail).toEqual(page.items[0]);
      // paging and order: the oldest-first queue with one per page
      const oldest = (await get(owner, '/admin/aftersales', { sort: 'oldest', pageSize: 1 }).expect(200)).body;
      expect(oldest.items).toHaveLength(1);
      expect(oldest.items[0].id).toBeLessThanOrEqual(req.id);
      expect(oldest.total).toBeGreaterThanOrEqual(1);

      // operations reads but can't decide; customer service can
      expect((await post(ops, `/admin/aftersales/${req.id}/approve`).expect(403)).body.code).toBe('FORBIDDEN');
      const approved = (await post(cs, `/admin/aftersales/${req.id}/approve`).expect(200)).body;
      expect(['REFUNDING', 'REFUNDED']).toContain(approved.status);
      const again = await post(finance, `/admin/aftersales/${req.id}/reject`, { reason: '晚了' }).expect(409);
      expect(again.body.code).toBe('ILLEGAL_AFTERSALE_STATE');
    });

    it('refuses bad queries and unknown requests with 4xx codes', async () => {
      for (const query of [{ status: 'DONE' }, { sort: 'random' }, { page: 0 }, { pageSize: 500 }, { orderId: 'x' }]) {
        const res = await get(cs, '/admin/aftersales', query).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await get(cs, '/admin/aftersales/99999999').expect(404)).body.code).toBe('AFTERSALE_NOT_FOUND');
      expect((await get(cs, '/admin/aftersales/abc').expect(400)).body.code).toBe('VALIDATION_FAILED');
      const noReason = await post(cs, '/admin/aftersales/99999999/reject', {}).expect(400);
      expect(noReason.body.code).toBe('VALIDATION_FAILED');
      const noRestock = await post(cs, '/admin/aftersales/99999999/receive', { restock: 'yes' }).expect(400);
      expect(noRestock.body.code).toBe('VALIDATION_FAILED');
      await t.http.get('/api/v1/admin/aftersales/1').expect(401);
    });
  });

  describe('reviews moderation', () => {
    it('filters by images, rating, status and product, sorts by rating, names the product; reply once', async () => {
      const p = await createProduct(t, { skus: 1, stock: 10 });
      const photo = async (s: Awaited<ReturnType<typeof createShopper>>) =>
        (await uploadPhoto(t, s, await photoJpeg(100, 80), 'r.jpg')).ref;
      const ids: number[] = [];
      for (const [rating, withImage] of [
        [5, true],
        [2, false],
        [4, false],
      ] as const) {
        const s = await createShopper(t);
        const { orderItemId } = await completedOrderItem(t, s, p);
        const images = withImage ? [await photo(s)] : [];
        const res = await t.http
          .post('/api/v1/reviews')
          .set(s.auth)
          .send({ orderItemId, rating, content: `评价内容 ${rating} 星`, images })
          .expect(201);
        ids.push(res.body.id as number);
      }
      const list = (q: Record<string, unknown>) =>
        get(cs, '/admin/reviews', { productId: p.productId, ...q }).expect(200);
      // a review with photos waits (PENDING) until WeChat's asynchronous media check clears them
      await waitFor(async () => (await list({ status: 'PUBLISHED' })).body.total === 3);
      const withImages = (await list({ hasImages: true })).body;
      expect(withImages.items.map((r: { id: number }) => r.id)).toEqual([ids[0]]);
      expect(withImages.items[0]).toMatchObject({ productTitle: p.title, rating: 5 });
      expect((await list({ hasImages: false })).body.total).toBe(2);
      const byRating = (await list({ sort: 'rating_asc' })).body.items.map((r: { rating: number }) => r.rating);
      expect(byRating).toEqual([2, 4, 5]);
      expect((await list({ sort: 'oldest' })).body.items.map((r: { id: number }) => r.id)).toEqual(ids);
      expect((await list({ rating: 2 })).body.items.map((r: { id: number }) => r.id)).toEqual([ids[1]]);

      await post(cs, `/admin/reviews/${ids[1]}/hide`, { reason: '广告' }).expect(200);
      expect((await list({ status: 'HIDDEN' })).body.items.map((r: { id: number }) => r.id)).toEqual([ids[1]]);
      expect((await list({ status: 'PUBLISHED' })).body.total).toBe(2);
      const reply = await post(cs, `/admin/reviews/${ids[0]}/reply`, { content: '感谢支持' }).expect(200);
      expect(reply.body.reply).toMatchObject({ content: '感谢支持' });
      expect((await post(cs, `/admin/reviews/${ids[0]}/reply`, { content: '再次' }).expect(409)).body.code).toBe(
        'REVIEW_ALREADY_REPLIED',
      );
      // finance has no review rows
      await get(finance, '/admin/reviews').expect(403);
    });

    it('refuses bad filters with 400', async () => {
      for (const query of [{ hasImages: 'maybe' }, { sort: 'best' }, { rating: 6 }, { status: 'GONE' }]) {
        expect((await get(cs, '/admin/reviews', query).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('coupon templates', () => {
    const template = (who: Operator, overrides: Record<string, unknown> = {}) =>
      post(who, '/admin/coupons', {
        name: `满100减10-${randomUUID().slice(0, 4)}`,
        kind: 'THRESHOLD',
        thresholdFen: 10000,
        amountFen: 1000,
        validDays: 7,
        totalQuantity: 100,
        ...overrides,
      });

    it('lists templates with claimed, used and locked counts; pages; filters by issuing', async () => {
      const id = (await template(ops, { thresholdFen: 2000, amountFen: 500 }).expect(201)).body.id as number;
      const s = await createShopper(t);
      const claimed = (await t.http.post(`/api/v1/coupons/${id}/claim`).set(s.auth).expect(201)).body;
      const p = await createProduct(t, { skus: 1, price: 3000, stock: 5 });
      await paidOrder(t, s, p, { couponId: claimed.id });
      const page = (await get(ops, '/admin/coupons', { pageSize: 50 }).expect(200)).body;
      const row = page.items.find((x: { id: number }) => x.id === id);
      expect(row).toMatchObject({ claimedCount: 1, usedCount: 1, lockedCount: 0, issuing: true, label: '满20减5' });
      expect(row.createdAt).toEqual(expect.any(String));
      expect(page).toMatchObject({ page: 1, pageSize: 50 });
      expect(page.total).toBeGreaterThanOrEqual(page.items.length);

      await t.http.patch(`/api/v1/admin/coupons/${id}`).set(ops.auth).send({ issuing: false }).expect(200);
      const stopped = (await get(ops, '/admin/coupons', { issuing: false, pageSize: 50 }).expect(200)).body.items;
      expect(stopped.map((x: { id: number }) => x.id)).toContain(id);
      expect(stopped.every((x: { issuing: boolean }) => !x.issuing)).toBe(true);
      expect((await get(ops, '/admin/coupons', { issuing: 'sometimes' }).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
    });

    it('edits every rule before the first claim; after it only name, quantity, limit and issuing', async () => {
      const id = (await template(ops).expect(201)).body.id as number;
      const patch = (body: Record<string, unknown>) =>
        t.http.patch(`/api/v1/admin/coupons/${id}`).set(ops.auth).send(body);
      const toPercent = (await patch({ kind: 'PERCENT', percentOff: 15, maxDiscountFen: 2000 }).expect(200)).body;
      expect(toPercent).toMatchObject({ kind: 'PERCENT', percentOff: 15, maxDiscountFen: 2000, amountFen: 0 });
      expect(toPercent.label).toBe('8.5折 最高减20');
      const fixed = (
        await patch({
          validDays: null,
          validFrom: '2030-01-01T00:00:00+08:00',
          validTo: '2030-02-01T00:00:00+08:00',
        }).expect(200)
      ).body;
      expect(fixed).toMatchObject({ validDays: null, validTo: '2030-01-31T16:00:00.000Z' });
      // back to a claimable window, then a shopper claims one
      await patch({ validFrom: null, validTo: null, validDays: 3 }).expect(200);
      const bad = await patch({ kind: 'THRESHOLD', amountFen: 5000, thresholdFen: 4000 }).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(bad.body.message).toContain('满减门槛必须大于减免金额');
      expect((await patch({ name: null }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await patch({ percentOff: 100 }).expect(400)).body.code).toBe('VALIDATION_FAILED');

      const s = await createShopper(t);
      await t.http.post(`/api/v1/coupons/${id}/claim`).set(s.auth).expect(201);
      const locked = await patch({ percentOff: 20 }).expect(409);
      expect(locked.body.code).toBe('COUPON_TEMPLATE_IN_USE');
      expect(locked.body.message).toContain('已有 1 张被领取');
      // the same rules sent again (a full form) are not a change
      await patch({ kind: 'PERCENT', percentOff: 15, maxDiscountFen: 2000, name: '八五折', totalQuantity: 50 }).expect(
        200,
      );
      expect((await patch({ totalQuantity: 0 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const row = (await get(ops, '/admin/coupons', { pageSize: 50 }).expect(200)).body.items.find(
        (x: { id: number }) => x.id === id,
      );
      expect(row).toMatchObject({ name: '八五折', totalQuantity: 50, percentOff: 15, claimedCount: 1 });
      expect((await t.http.patch('/api/v1/admin/coupons/99999999').set(ops.auth).send({ name: 'x' })).status).toBe(404);
    });

    it('is for the owner and operations only', async () => {
      await get(cs, '/admin/coupons').expect(403);
      await template(finance).expect(403);
      await template(owner).expect(201);
    });
  });

  describe('audit log', () => {
    it('names who did what to what, when and from where; filters by operator, kind and time; owner only', async () => {
      const actor = await createOperator(t, 'operations', 'auditee');
      const started = new Date(Date.now() - 1000).toISOString();
      const created = await t.http
        .post('/api/v1/admin/coupons')
        .set(actor.auth)
        .set('User-Agent', 'console-test/1.0')
        .send({ name: '审计测试券', kind: 'NO_THRESHOLD', amountFen: 300, validDays: 3, totalQuantity: 10 })
        .expect(201);
      await t.http
        .patch(`/api/v1/admin/coupons/${created.body.id}`)
        .set(actor.auth)
        .set('User-Agent', 'console-test/1.0')
        .send({ issuing: false })
        .expect(200);
      // a write the service refuses is recorded too (the guard's 403s happen before the audit trail)
      await t.http.patch('/api/v1/admin/coupons/99999999').set(actor.auth).send({ issuing: true }).expect(404);
      await t.app.get(EventWriterService).flush();

      const page = (await get(owner, '/admin/audit-log', { operatorId: actor.id, from: started }).expect(200)).body;
      expect(page.total).toBe(3);
      const [refused, stopped, made] = page.items;
      expect(made).toMatchObject({
        kind: 'admin_action',
        operator: { id: actor.id, username: actor.username },
        actorType: 'admin',
        actorId: String(actor.id),
        action: '新建优惠券',
        target: '优惠券',
        method: 'POST',
        route: '/admin/coupons',
        outcome: 'ok',
        statusCode: 201,
        code: null,
        userAgent: 'console-test/1.0',
      });
      expect(made.summary).toContain('名称：审计测试券');
      expect(made.ip).toMatch(/127\.0\.0\.1/);
      expect(made.details).toMatchObject({ body: { name: '审计测试券' } });
      expect(stopped).toMatchObject({
        action: '修改优惠券',
        target: `优惠券 #${created.body.id}`,
        summary: '发放：停止',
        route: '/admin/coupons/{id}',
      });
      expect(refused).toMatchObject({
        action: '修改优惠券',
        target: '优惠券 #99999999',
        outcome: 'failed',
        statusCode: 404,
        code: 'COUPON_NOT_FOUND',
      });
      expect(Date.parse(made.createdAt)).toBeGreaterThanOrEqual(Date.parse(started));

      const oldest = (
        await get(owner, '/admin/audit-log', { operatorId: actor.id, sort: 'oldest', pageSize: 1 }).expect(200)
      ).body;
      expect(oldest).toMatchObject({ total: 3, pageSize: 1 });
      expect(oldest.items[0].action).toBe('新建优惠券');
      const later = await get(owner, '/admin/audit-log', {
        operatorId: actor.id,
        from: new Date(Date.now() + 60_000).toISOString(),
      }).expect(200);
      expect(later.body.total).toBe(0);
      const notifications = await get(owner, '/admin/audit-log', {
        operatorId: actor.id,
        kind: 'payment_notification',
      }).expect(200);
      expect(notifications.body.total).toBe(0);

      for (const who of [ops, cs, finance]) {
        expect((await get(who, '/admin/audit-log').expect(403)).body.code).toBe('FORBIDDEN');
      }
      for (const query of [
        { operatorId: 'me' },
        { kind: 'login' },
        { from: 'yesterday' },
        { sort: 'up' },
        { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
      ]) {
        expect((await get(owner, '/admin/audit-log', query).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('names every write route of the permission table', async () => {
      const { ADMIN_PERMISSIONS } = await import('@sutwxapp/contracts');
      const writes = Object.keys(ADMIN_PERMISSIONS).filter((k) => !k.startsWith('GET '));
      expect(writes.filter((k) => !ADMIN_ACTION_LABELS[k])).toEqual([]);
      expect(Object.keys(ADMIN_ACTION_LABELS).filter((k) => !ADMIN_PERMISSIONS[k])).toEqual([]);
    });
  });

  describe("the dashboard's refunds", () => {
    it('daily-sales counts today’s refunds and the net; paid GMV is left as it was', async () => {
      const today = beijingToday();
      const day = async () =>
        (await get(finance, '/admin/analytics/daily-sales', { from: today }).expect(200)).body.days.at(-1);
      const s = await createShopper(t);
      const p = await createProduct(t, { skus: 1, price: 2590, stock: 5 });
      const order = await paidOrder(t, s, p);
      const before = await day();
      const req = await requestAfterSale(t, s, order, p);
      await post(cs, `/admin/aftersales/${req.id}/approve`).expect(200);
      await sandbox.whenIdle();
      await waitFor(
        async () => (await t.http.get(`/api/v1/aftersales/${req.id}`).set(s.auth)).body.status === 'REFUNDED',
      );
      const after = await day();
      expect(after.date).toBe(today);
      // other suites may share the database: today's figures only grow, by at least this refund
      expect(after.refunds).toBeGreaterThanOrEqual(before.refunds + 1);
      expect(after.refunded).toBeGreaterThanOrEqual(before.refunded + 2590);
      expect(after.gmv).toBeGreaterThanOrEqual(before.gmv);
      for (const d of [before, after]) {
        expect(d.net).toBe(d.gmv - d.refunded);
        expect(Number.isInteger(d.refunded)).toBe(true);
      }
    });
  });
});
