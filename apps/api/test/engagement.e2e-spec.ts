import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../src/modules/events/event-store';
import { EventWriterService } from '../src/modules/events/event-writer.service';
import { OrderEntity } from '../src/modules/order/entities/order.entity';
import { HistoryService } from '../src/modules/favourite/history.service';
import { ReviewService } from '../src/modules/review/review.service';
import {
  createAdmin,
  createShopper,
  type Admin,
  type Shopper,
  createProduct,
  placeOrder,
  setShelf,
  type CreatedProduct,
} from './support/factories';
import { photoJpeg } from './support/images';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** Favourites, browsing history and reviews (issue 22), on the real database and cache. */
describe(`favourites, history and reviews (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;

  beforeAll(async () => {
    t = await startTestApp({ FAVOURITES_MAX: '3', HISTORY_LIMIT: '3', HISTORY_FLUSH_MS: '600000' });
    admin = await createAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const ds = (): DataSource => t.app.get<DataSource>(getDataSourceToken());

  /** A shopper's order of `product`, moved to `upTo` (COMPLETED through confirm-receipt), and its line's id. */
  async function order(shopper: Shopper, product: CreatedProduct, upTo: 'PENDING' | 'SHIPPED' | 'COMPLETED') {
    const { orderId } = await placeOrder(t, {
      shopper,
      items: [{ skuId: product.skuIds[0], quantity: 1 }],
      advance: upTo === 'PENDING' ? undefined : ['pay', 'ship'],
    });
    if (upTo === 'COMPLETED')
      await t.http.post(`/api/v1/orders/${orderId}/confirm-receipt`).set(shopper.auth).expect(200);
    const [item] = (await ds().query('SELECT id FROM order_items WHERE order_id = ?', [orderId])) as Array<{
      id: number;
    }>;
    return { orderId, orderItemId: Number(item.id) };
  }

  const review = (s: Shopper, body: Record<string, unknown>) => t.http.post('/api/v1/reviews').set(s.auth).send(body);
  const overview = async (productId: number) =>
    (await t.http.get(`/api/v1/catalog/products/${productId}/reviews/overview`).expect(200)).body;

  describe('favourites', () => {
    it('adds idempotently, counts, lists newest first with off-shelf items marked, caps, removes', async () => {
      const s = await createShopper(t);
      const other = await createShopper(t);
      const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => createProduct(t, { stock: 5 })));
      const first = await t.http.put(`/api/v1/favourites/${a.productId}`).set(s.auth).expect(200);
      expect(first.body).toEqual({ productId: a.productId, favourited: true, count: 1 });
      await t.http.put(`/api/v1/favourites/${a.productId}`).set(s.auth).expect(200);
      await t.http.put(`/api/v1/favourites/${a.productId}`).set(other.auth).expect(200);
      expect((await t.http.get(`/api/v1/favourites/${a.productId}`).set(s.auth).expect(200)).body).toEqual({
        productId: a.productId,
        favourited: true,
        count: 2,
      });
      await t.http.put(`/api/v1/favourites/${b.productId}`).set(s.auth).expect(200);
      await t.http.put(`/api/v1/favourites/${c.productId}`).set(s.auth).expect(200);
      const capped = await t.http.put(`/api/v1/favourites/${d.productId}`).set(s.auth).expect(409);
      expect(capped.body).toMatchObject({ code: 'FAVOURITES_LIMIT_REACHED', limit: 3 });
      expect(capped.body.message).toContain('上限');
      await t.http.put('/api/v1/favourites/999999').set(s.auth).expect(404);

      await setShelf(t, b.productId, false);
      await ds().query('UPDATE skus SET stock = 0 WHERE product_id = ?', [c.productId]);
      const list = (await t.http.get('/api/v1/favourites').set(s.auth).expect(200)).body;
      expect(list.total).toBe(3);
      expect(list.items.map((i: { productId: number }) => i.productId)).toEqual([
        c.productId,
        b.productId,
        a.productId,
      ]);
      expect(list.items.map((i: { availability: string }) => i.availability)).toEqual([
        'SOLD_OUT',
        'OFF_SHELF',
        'ON_SALE',
      ]);
      expect((await t.http.get('/api/v1/favourites/ids').set(s.auth).expect(200)).body.productIds).toEqual([
        c.productId,
        b.productId,
        a.productId,
      ]);

      const removed = await t.http.delete(`/api/v1/favourites/${a.productId}`).set(s.auth).expect(200);
      expect(removed.body).toEqual({ productId: a.productId, favourited: false, count: 1 });
      await t.http.delete(`/api/v1/favourites/${a.productId}`).set(s.auth).expect(200);
      await t.http.put(`/api/v1/favourites/${d.productId}`).set(s.auth).expect(200);
      await t.http.get('/api/v1/favourites').set(other.auth).expect(200);
    });
  });

  describe('browsing history', () => {
    it('keeps the last N viewed products, deduplicated and newest first, written by the flush; delete one or all', async () => {
      const s = await createShopper(t);
      const products = await Promise.all([1, 2, 3, 4].map(() => createProduct(t)));
      const view = (p: CreatedProduct, who?: Shopper) => {
        const req = t.http.get(`/api/v1/catalog/products/${p.productId}`);
        return (who ? req.set(who.auth) : req).expect(200);
      };
      const history = t.app.get(HistoryService);
      await history.flush();
      await view(products[0], s);
      await view(products[1], s);
      // nothing is written on the request path: only the flush writes
      expect((await t.http.get('/api/v1/history').set(s.auth).expect(200)).body.total).toBe(0);
      await history.flush();
      await view(products[2], s);
      await view(products[0], s); // viewed again: moves to the front, no second row
      await view(products[3]); // anonymous: not remembered
      await t.http.get('/api/v1/catalog/products/999999').set(s.auth).expect(404);
      await t.http.get(`/api/v1/catalog/products/${products[3].productId}`).set({ Authorization: 'Bearer forged' });
      await history.flush();
      let list = (await t.http.get('/api/v1/history').set(s.auth).expect(200)).body;
      expect(list.items.map((i: { productId: number }) => i.productId)).toEqual([
        products[0].productId,
        products[2].productId,
        products[1].productId,
      ]);
      await view(products[3], s);
      await history.flush();
      list = (await t.http.get('/api/v1/history').set(s.auth).expect(200)).body;
      // HISTORY_LIMIT=3: the oldest went
      expect(list.total).toBe(3);
      expect(list.items.map((i: { productId: number }) => i.productId)).toEqual([
        products[3].productId,
        products[0].productId,
        products[2].productId,
      ]);
      await t.http.delete(`/api/v1/history/${products[0].productId}`).set(s.auth).expect(204);
      expect((await t.http.get('/api/v1/history').set(s.auth).expect(200)).body.total).toBe(2);
      await t.http.delete('/api/v1/history').set(s.auth).expect(204);
      expect((await t.http.get('/api/v1/history').set(s.auth).expect(200)).body.total).toBe(0);
    });
  });

  describe('reviews', () => {
    it('reviews a completed order item once: 409 before completion, 404 for others, 409 twice, one follow-up', async () => {
      const p = await createProduct(t, { stock: 20 });
      const s = await createShopper(t);
      const intruder = await createShopper(t);
      const pending = await order(s, p, 'SHIPPED');
      const early = await review(s, { orderItemId: pending.orderItemId, rating: 5, content: '很好' }).expect(409);
      expect(early.body.code).toBe('REVIEW_ORDER_NOT_COMPLETED');
      const done = await order(s, p, 'COMPLETED');
      const todo = (await t.http.get('/api/v1/reviews/pending').set(s.auth).expect(200)).body;
      expect(todo.orderIds).toEqual([done.orderId]);
      expect(todo.items[0]).toMatchObject({ orderItemId: done.orderItemId, canReview: true, canFollowUp: false });
      const other = await review(intruder, { orderItemId: done.orderItemId, rating: 1, content: '差' }).expect(404);
      expect(other.body.code).toBe('ORDER_ITEM_NOT_FOUND');
      await review(s, { orderItemId: done.orderItemId, rating: 6, content: '好' }).expect(400);
      await review(s, { orderItemId: done.orderItemId, rating: 5, content: 'x'.repeat(501) }).expect(400);
      const mine = await review(s, {
        orderItemId: done.orderItemId,
        rating: 4,
        content: '质量不错',
        anonymous: true,
      }).expect(201);
      expect(mine.body).toMatchObject({ status: 'PUBLISHED', kind: 'INITIAL', rating: 4 });
      const again = await review(s, { orderItemId: done.orderItemId, rating: 5, content: '再评一次' }).expect(409);
      expect(again.body.code).toBe('REVIEW_ALREADY_EXISTS');
      expect((await t.http.get('/api/v1/reviews/pending').set(s.auth).expect(200)).body).toMatchObject({
        total: 0,
        orderIds: [],
      });

      const follow = await t.http
        .post(`/api/v1/reviews/${mine.body.id}/follow-up`)
        .set(s.auth)
        .send({ content: '用了一个月，依然很好' })
        .expect(201);
      expect(follow.body).toMatchObject({ kind: 'FOLLOW_UP', status: 'PUBLISHED', rating: null });
      const second = await t.http
        .post(`/api/v1/reviews/${mine.body.id}/follow-up`)
        .set(s.auth)
        .send({ content: '第二次追评' })
        .expect(409);
      expect(second.body.code).toBe('REVIEW_ALREADY_EXISTS');
      await t.http
        .post(`/api/v1/reviews/${mine.body.id}/follow-up`)
        .set(intruder.auth)
        .send({ content: '别人' })
        .expect(404);

      const o = await overview(p.productId);
      expect(o.summary).toMatchObject({ count: 1, average: 4, goodRate: 100, good: 1 });
      expect(o.reviews[0]).toMatchObject({
        anonymous: true,
        avatarUrl: null,
        followUp: { content: '用了一个月，依然很好' },
      });
      expect(o.reviews[0].nickname).not.toBe('');
    });

    it('closes the window REVIEW_WINDOW_DAYS after completion', async () => {
      const p = await createProduct(t);
      const s = await createShopper(t);
      const done = await order(s, p, 'COMPLETED');
      await ds()
        .getRepository(OrderEntity)
        .update({ id: done.orderId }, { completedAt: new Date(Date.now() - 31 * 86_400_000) });
      const late = await review(s, { orderItemId: done.orderItemId, rating: 5, content: '晚了' }).expect(409);
      expect(late.body.code).toBe('REVIEW_WINDOW_CLOSED');
      expect((await t.http.get('/api/v1/reviews/pending').set(s.auth).expect(200)).body.total).toBe(0);
    });

    it('refuses risky text, holds "review" text out of public lists until an operator clears it', async () => {
      const p = await createProduct(t);
      const s1 = await createShopper(t);
      const s2 = await createShopper(t);
      const a = await order(s1, p, 'COMPLETED');
      const b = await order(s2, p, 'COMPLETED');
      const risky = await review(s1, { orderItemId: a.orderItemId, rating: 1, content: '这里有违禁词' }).expect(422);
      expect(risky.body.code).toBe('CONTENT_RISKY');
      // refused, not stored: the shopper can write it again
      await review(s1, { orderItemId: a.orderItemId, rating: 2, content: '一般般' }).expect(201);
      const held = await review(s2, { orderItemId: b.orderItemId, rating: 5, content: '待人工审核的内容' }).expect(201);
      expect(held.body.status).toBe('HELD');
      let o = await overview(p.productId);
      expect(o.summary.count).toBe(1);
      expect(o.reviews.map((r: { id: number }) => r.id)).not.toContain(held.body.id);
      const queue = (
        await t.http.get(`/api/v1/admin/reviews?status=HELD&productId=${p.productId}`).set(admin.auth).expect(200)
      ).body;
      expect(queue.items.map((r: { id: number }) => r.id)).toEqual([held.body.id]);
      expect(queue.items[0].moderationNote).toContain('人工审核');
      await t.http
        .post(`/api/v1/admin/reviews/${held.body.id}/show`)
        .set(admin.auth)
        .send({ reason: '人工审核通过' })
        .expect(200);
      o = await overview(p.productId);
      expect(o.summary).toMatchObject({ count: 2, average: 3.5, good: 1, bad: 1, goodRate: 50 });
    });

    it('hides a review (audited) from public lists and summaries, shows it again, replies once', async () => {
      const p = await createProduct(t);
      const ids: number[] = [];
      for (const [rating, photo] of [
        [5, false],
        [3, false],
        [1, false],
      ] as const) {
        const s = await createShopper(t);
        const o = await order(s, p, 'COMPLETED');
        ids.push(
          (await review(s, { orderItemId: o.orderItemId, rating, content: `${rating} 星 ${photo}` }).expect(201)).body
            .id,
        );
      }
      const list = (filter: string) =>
        t.http.get(`/api/v1/catalog/products/${p.productId}/reviews?filter=${filter}`).expect(200);
      expect((await list('good')).body.items.map((r: { id: number }) => r.id)).toEqual([ids[0]]);
      expect((await list('medium')).body.items.map((r: { id: number }) => r.id)).toEqual([ids[1]]);
      expect((await list('bad')).body.items.map((r: { id: number }) => r.id)).toEqual([ids[2]]);
      expect((await list('photos')).body.total).toBe(0);
      expect((await list('all')).body.total).toBe(3);
      await t.http.get(`/api/v1/catalog/products/${p.productId}/reviews?filter=great`).expect(400);

      expect((await overview(p.productId)).summary).toMatchObject({ count: 3, average: 3 });
      const hidden = await t.http
        .post(`/api/v1/admin/reviews/${ids[2]}/hide`)
        .set(admin.auth)
        .send({ reason: '广告内容' })
        .expect(200);
      expect(hidden.body).toMatchObject({ status: 'HIDDEN', moderationNote: '广告内容' });
      await t.http.post(`/api/v1/admin/reviews/${ids[2]}/hide`).set(admin.auth).send({ reason: '再隐藏' }).expect(409);
      await t.http.post(`/api/v1/admin/reviews/${ids[2]}/hide`).set(admin.auth).send({}).expect(400);
      expect((await list('all')).body.items.map((r: { id: number }) => r.id)).toEqual([ids[1], ids[0]]);
      expect((await list('bad')).body.total).toBe(0);
      expect((await overview(p.productId)).summary).toMatchObject({ count: 2, average: 4, bad: 0 });
      await t.app.get(EventWriterService).flush();
      const audit = (await t.app.get<EventStore>(EVENT_STORE).recentAudit({ kind: 'admin_action' }, 500)).filter(
        (a) =>
          a.payload.route === '/api/v1/admin/reviews/:id/hide' &&
          (a.payload.params as { id: string }).id === String(ids[2]),
      );
      expect(
        audit.map((a) => [a.payload.outcome, (a.payload.body as { reason?: string }).reason ?? '-'].join(' ')).sort(),
      ).toEqual(['failed -', 'failed 再隐藏', 'ok 广告内容']);

      await t.http.post(`/api/v1/admin/reviews/${ids[2]}/show`).set(admin.auth).send({ reason: '误判' }).expect(200);
      expect((await overview(p.productId)).summary).toMatchObject({ count: 3, average: 3 });

      const reply = await t.http
        .post(`/api/v1/admin/reviews/${ids[1]}/reply`)
        .set(admin.auth)
        .send({ content: '感谢反馈' })
        .expect(200);
      expect(reply.body.reply).toMatchObject({ content: '感谢反馈' });
      const twice = await t.http
        .post(`/api/v1/admin/reviews/${ids[1]}/reply`)
        .set(admin.auth)
        .send({ content: '再回复' })
        .expect(409);
      expect(twice.body.code).toBe('REVIEW_ALREADY_REPLIED');
      expect((await list('medium')).body.items[0].reply.content).toBe('感谢反馈');
      await t.http.get(`/api/v1/admin/reviews/${ids[1]}`).set(admin.auth).expect(200);
      await t.http.get('/api/v1/admin/reviews/99999999').set(admin.auth).expect(404);
      const filtered = await t.http
        .get(`/api/v1/admin/reviews?productId=${p.productId}&rating=5&from=2000-01-01T00:00:00Z`)
        .set(admin.auth)
        .expect(200);
      expect(filtered.body.items.map((r: { id: number }) => r.id)).toEqual([ids[0]]);
      const ratings = await t.http
        .get(`/api/v1/admin/reviews/ratings?productId=${p.productId}`)
        .set(admin.auth)
        .expect(200);
      expect(ratings.body.items[0]).toMatchObject({ productId: p.productId, count: 3, average: 3, title: p.title });
      await t.http.get('/api/v1/admin/reviews/ratings').set(admin.auth).expect(200);
      await t.http
        .get('/api/v1/admin/reviews')
        .set((await createShopper(t)).auth)
        .expect(403);
    });

    it('publishes a review with a photo once WeChat clears the photo (sandbox push)', async () => {
      const p = await createProduct(t);
      const s = await createShopper(t);
      const other = await createShopper(t);
      const o = await order(s, p, 'COMPLETED');
      const upload = await t.http
        .post('/api/v1/media')
        .set(s.auth)
        .attach('file', await photoJpeg(160, 120), { filename: 'r.jpg', contentType: 'image/jpeg' })
        .expect(201);
      const photo = upload.body.items[0] as { id: number; ref: string };
      const stolen = await t.http
        .post('/api/v1/reviews')
        .set(other.auth)
        .send({
          orderItemId: (await order(other, p, 'COMPLETED')).orderItemId,
          rating: 5,
          content: '图',
          images: [photo.ref],
        })
        .expect(400);
      expect(stolen.body.code).toBe('MEDIA_NOT_USABLE');
      const created = await review(s, {
        orderItemId: o.orderItemId,
        rating: 5,
        content: '有图有真相',
        images: [`media:${photo.id}`],
      }).expect(201);
      expect(['PENDING', 'PUBLISHED']).toContain(created.body.status);
      expect(created.body.images).toHaveLength(1);
      const reviews = t.app.get(ReviewService);
      await waitFor(async () => {
        await reviews.settlePending();
        return (await overview(p.productId)).summary.withPhotos === 1;
      });
      const withPhotos = (await t.http.get(`/api/v1/catalog/products/${p.productId}/reviews?filter=photos`).expect(200))
        .body;
      expect(withPhotos.items[0].images[0]).toMatch(/\/750\.jpg$/);
      // the photo is in use by the review: it cannot be deleted
      await t.http.delete(`/api/v1/admin/media/${photo.id}`).set(admin.auth).expect(409);
    });

    it('keeps the summary and the product counters right after 50 concurrent reviews of one product; sorts by rating', async () => {
      const p = await createProduct(t, { stock: 100 });
      const items = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const s = await createShopper(t);
          return { s, rating: (i % 5) + 1, ...(await order(s, p, 'COMPLETED')) };
        }),
      );
      const answers = await Promise.all(
        items.map((x) => review(x.s, { orderItemId: x.orderItemId, rating: x.rating, content: `第 ${x.rating} 星` })),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
      const o = await overview(p.productId);
      expect(o.summary).toMatchObject({ count: 50, average: 3, goodRate: 40, good: 20, medium: 10, bad: 20 });
      expect(o.summary.byStar).toEqual([5, 4, 3, 2, 1].map((star) => ({ star, count: 10 })));
      const [row] = (await ds().query('SELECT review_count, rating_total, rating_avg FROM products WHERE id = ?', [
        p.productId,
      ])) as Array<Record<string, number | string>>;
      expect([Number(row.review_count), Number(row.rating_total), Number(row.rating_avg)]).toEqual([50, 150, 300]);

      // a better-rated product with fewer reviews sorts first by rating, after by review count
      const q = await createProduct(t, { title: `评分排序-${p.productId}` });
      const s = await createShopper(t);
      await review(s, { orderItemId: (await order(s, q, 'COMPLETED')).orderItemId, rating: 5, content: '满分' }).expect(
        201,
      );
      const ids = async (sort: string) =>
        (
          (await t.http.get(`/api/v1/catalog/products?sort=${sort}&pageSize=50`).expect(200)).body.items as Array<{
            id: number;
          }>
        ).map((i) => i.id);
      const byRating = await ids('rating');
      expect(byRating.indexOf(q.productId)).toBeLessThan(byRating.indexOf(p.productId));
      const byCount = await ids('reviews');
      expect(byCount.indexOf(p.productId)).toBeLessThan(byCount.indexOf(q.productId));
    });
  });
});
