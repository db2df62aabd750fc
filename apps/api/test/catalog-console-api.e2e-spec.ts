import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SkuEntity } from '../src/modules/catalog/entities/sku.entity';
import { uniqueTag } from './support/catalog-helpers';
import { photoJpeg } from './support/images';
import { createCategory, createProduct, createShopper, type Shopper } from './support/factories';
import { createOperator, type Operator } from './support/service-fixtures';
import { waitFor } from './support/wait';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/** The console's catalog API of issue 24: list filters and sorts, bulk shelf, stock history, banners. */
describe(`catalog console API (${backendLabel})`, () => {
  let t: TestApp;
  let ops: Operator;
  let cs: Operator;
  let finance: Operator;
  let shopper: Shopper;
  const tag = uniqueTag();

  beforeAll(async () => {
    t = await startTestApp();
    [ops, cs, finance, shopper] = await Promise.all([
      createOperator(t, 'operations'),
      createOperator(t, 'customer_service'),
      createOperator(t, 'finance'),
      createShopper(t),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const fields = (body: { errors?: Array<{ field: string }> }): string[] => (body.errors ?? []).map((e) => e.field);
  const adjust = (skuId: number, delta: number, reason = '盘点') =>
    t.http.post(`/api/v1/admin/skus/${skuId}/stock-adjustments`).set(ops.auth).send({ delta, reason }).expect(201);

  describe('who may call', () => {
    it('lets customer service read products and stock history but not write or manage banners (403)', async () => {
      const { productId, skuIds } = await createProduct(t, { title: `角色 ${tag}` });
      await t.http.get(`/api/v1/admin/skus/${skuIds[0]}/stock-adjustments`).set(cs.auth).expect(200);
      await t.http.get('/api/v1/admin/products?stock=low&sort=stock_asc').set(cs.auth).expect(200);
      const refused: Array<['get' | 'post' | 'patch' | 'delete', string, object]> = [
        ['post', '/api/v1/admin/products/bulk-shelf', { ids: [productId], onShelf: false }],
        ['get', '/api/v1/admin/banners', {}],
        ['post', '/api/v1/admin/banners', { title: 'x', image: 'https://img.example.com/b.jpg' }],
        ['patch', '/api/v1/admin/banners/1', { title: 'x' }],
        ['delete', '/api/v1/admin/banners/1', {}],
      ];
      for (const [method, path, body] of refused) {
        for (const who of [cs, finance]) {
          const res = await t.http[method](path).set(who.auth).send(body);
          expect([method, path, res.status, res.body.code]).toEqual([method, path, 403, 'FORBIDDEN']);
        }
        const asShopper = await t.http[method](path).set(shopper.auth).send(body);
        expect([path, asShopper.status]).toEqual([path, 403]);
        const anonymous = await t.http[method](path).send(body);
        expect([path, anonymous.status]).toEqual([path, 401]);
      }
      // nothing moved: the product is still on the shelf
      const product = await t.http.get(`/api/v1/admin/products/${productId}`).set(cs.auth).expect(200);
      expect(product.body.onShelf).toBe(true);
    });
  });

  describe('GET /admin/products: stock filter and sorts', () => {
    let categoryId: number;
    const ids: Record<'out' | 'low' | 'plenty' | 'mixed', number> = { out: 0, low: 0, plenty: 0, mixed: 0 };

    beforeAll(async () => {
      categoryId = await createCategory(t, ops);
      // out: 0 in stock; low: 5; plenty: 2 × 50; mixed: 50 + 3 (one SKU low)
      ids.out = (await createProduct(t, { categoryId, stock: 0, price: 3000, title: `库存 ${tag} 售罄` })).productId;
      ids.low = (await createProduct(t, { categoryId, stock: 5, price: 1000, title: `库存 ${tag} 紧张` })).productId;
      ids.plenty = (
        await createProduct(t, { categoryId, stock: 50, skus: 2, price: 4000, title: `库存 ${tag} 充足` })
      ).productId;
      const mixed = await createProduct(t, { categoryId, stock: 50, skus: 2, price: 2000, title: `库存 ${tag} 混合` });
      ids.mixed = mixed.productId;
      await adjust(mixed.skuIds[1], -47);
    });

    const list = async (query: string): Promise<Array<{ id: number; totalStock: number; skuCount: number }>> => {
      const res = await t.http
        .get(`/api/v1/admin/products?categoryId=${categoryId}&${query}`)
        .set(ops.auth)
        .expect(200);
      return res.body.items;
    };
    const idsOf = async (query: string): Promise<number[]> => (await list(query)).map((p) => p.id);

    it('carries each product’s total stock, SKU count and price range', async () => {
      const items = await list('sort=newest');
      const byId = new Map(items.map((p) => [p.id, p]));
      expect(byId.get(ids.out)).toMatchObject({ totalStock: 0, stock: 0, skuCount: 1, minPrice: 3000, maxPrice: 3000 });
      expect(byId.get(ids.low)).toMatchObject({ totalStock: 5, skuCount: 1 });
      // two SKUs: 4000 and 4100 fen
      expect(byId.get(ids.plenty)).toMatchObject({ totalStock: 100, skuCount: 2, minPrice: 4000, maxPrice: 4100 });
      expect(byId.get(ids.mixed)).toMatchObject({ totalStock: 53, skuCount: 2 });
    });

    it('filters by stock: out, low (a SKU at or below the threshold) and in stock', async () => {
      expect(await idsOf('stock=out')).toEqual([ids.out]);
      expect((await idsOf('stock=low')).sort()).toEqual([ids.low, ids.mixed].sort());
      expect((await idsOf('stock=in_stock')).sort()).toEqual([ids.low, ids.plenty, ids.mixed].sort());
      const res = await t.http
        .get(`/api/v1/admin/products?categoryId=${categoryId}&stock=out`)
        .set(ops.auth)
        .expect(200);
      expect(res.body.total).toBe(1);
    });

    it('sorts by stock, price, sales and last update', async () => {
      expect(await idsOf('sort=stock_asc')).toEqual([ids.out, ids.low, ids.mixed, ids.plenty]);
      expect(await idsOf('sort=price_asc')).toEqual([ids.low, ids.mixed, ids.out, ids.plenty]);
      expect(await idsOf('sort=price_desc')).toEqual([ids.plenty, ids.out, ids.mixed, ids.low]);
      expect(await idsOf('sort=sales_desc')).toEqual([ids.mixed, ids.plenty, ids.low, ids.out]); // no sales: newest id first
      await new Promise((r) => setTimeout(r, 20));
      await t.http.patch(`/api/v1/admin/products/${ids.low}`).set(ops.auth).send({ subtitle: '改过' }).expect(200);
      expect((await idsOf('sort=updated'))[0]).toBe(ids.low);
      // the default stays the newest first
      expect(await idsOf('')).toEqual([ids.mixed, ids.plenty, ids.low, ids.out]);
    });

    it('combines a keyword search with the stock filter, a sort and paging', async () => {
      const keyword = encodeURIComponent(`库存 ${tag}`);
      const res = await t.http
        .get(`/api/v1/admin/products?keyword=${keyword}&stock=in_stock&sort=stock_asc&pageSize=2`)
        .set(ops.auth)
        .expect(200);
      expect(res.body.items.map((p: { id: number }) => p.id)).toEqual([ids.low, ids.mixed]);
      expect(res.body.total).toBe(3);
      const second = await t.http
        .get(`/api/v1/admin/products?keyword=${keyword}&stock=in_stock&sort=stock_asc&pageSize=2&page=2`)
        .set(ops.auth)
        .expect(200);
      expect(second.body.items.map((p: { id: number }) => p.id)).toEqual([ids.plenty]);
      const out = await t.http.get(`/api/v1/admin/products?keyword=${keyword}&stock=out`).set(ops.auth).expect(200);
      expect(out.body.items.map((p: { id: number }) => p.id)).toEqual([ids.out]);
    });

    it('refuses unknown filters and sorts with a 400 naming the parameter', async () => {
      for (const query of ['stock=none', 'sort=cheapest', 'sort=', 'stock=OUT', 'sort[]=newest']) {
        const res = await t.http.get(`/api/v1/admin/products?${query}`).set(ops.auth);
        expect([query, res.status, res.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
      }
      const res = await t.http.get('/api/v1/admin/products?stock=none').set(ops.auth).expect(400);
      expect(fields(res.body)).toEqual(['stock']);
      expect(res.body.errors[0].message).toContain('in_stock');
    });

    it('leaves the shoppers’ list as it was (no stock fields, off-shelf hidden)', async () => {
      const res = await t.http.get(`/api/v1/catalog/products?categoryId=${categoryId}`).expect(200);
      expect(res.body.items).toHaveLength(4);
      expect(res.body.items[0]).not.toHaveProperty('totalStock');
      await t.http.get(`/api/v1/catalog/products?categoryId=${categoryId}&stock=out`).expect(400);
    });
  });

  describe('POST /admin/products/bulk-shelf', () => {
    it('takes products off and back on the shelf, each id answering for itself, in the order sent', async () => {
      const categoryId = await createCategory(t, ops);
      const a = await createProduct(t, { categoryId });
      const b = await createProduct(t, { categoryId });
      const c = await createProduct(t, { categoryId, onShelf: false });
      const deleted = await createProduct(t, { categoryId });
      await t.http.delete(`/api/v1/admin/products/${deleted.productId}`).set(ops.auth).expect(204);
      // shoppers' cached answers, read before the change
      await t.http.get(`/api/v1/catalog/products/${a.productId}`).expect(200);
      const before = await t.http.get(`/api/v1/catalog/products?categoryId=${categoryId}`).expect(200);
      expect(before.body.total).toBe(2);

      const off = await t.http
        .post('/api/v1/admin/products/bulk-shelf')
        .set(ops.auth)
        .send({ ids: [b.productId, 2_000_000_000, a.productId, deleted.productId, c.productId], onShelf: false })
        .expect(200);
      expect(off.body.results).toEqual([
        { id: b.productId, ok: true },
        { id: 2_000_000_000, ok: false, code: 'PRODUCT_NOT_FOUND', message: expect.stringContaining('不存在') },
        { id: a.productId, ok: true },
        { id: deleted.productId, ok: false, code: 'PRODUCT_NOT_FOUND', message: expect.any(String) },
        { id: c.productId, ok: true },
      ]);
      await t.http.get(`/api/v1/catalog/products/${a.productId}`).expect(404);
      expect((await t.http.get(`/api/v1/catalog/products?categoryId=${categoryId}`).expect(200)).body.total).toBe(0);

      // a product with no SKU left cannot go on the shelf; the others still do
      const ds = t.app.get<DataSource>(getDataSourceToken());
      await ds.getRepository(SkuEntity).update({ productId: c.productId }, { deletedAt: new Date() });
      const on = await t.http
        .post('/api/v1/admin/products/bulk-shelf')
        .set(ops.auth)
        .send({ ids: [a.productId, c.productId, b.productId], onShelf: true })
        .expect(200);
      expect(on.body.results).toEqual([
        { id: a.productId, ok: true },
        { id: c.productId, ok: false, code: 'CONFLICT', message: expect.stringContaining('SKU') },
        { id: b.productId, ok: true },
      ]);
      await t.http.get(`/api/v1/catalog/products/${a.productId}`).expect(200);
      const after = await t.http.get(`/api/v1/admin/products?categoryId=${categoryId}&onShelf=true`).set(ops.auth);
      expect(after.body.items.map((p: { id: number }) => p.id).sort()).toEqual([a.productId, b.productId].sort());

      // the audit log names it
      const owner = await createOperator(t, 'owner');
      await waitFor(async () => {
        const audit = await t.http.get(`/api/v1/admin/audit-log?operatorId=${ops.id}&pageSize=50`).set(owner.auth);
        return (audit.body.items as Array<{ action: string; summary: string }>).some(
          (r) =>
            r.action === '批量上下架' && r.summary.includes(`商品 ID：${a.productId}, ${c.productId}, ${b.productId}`),
        );
      });
    });

    it('refuses bad bodies with a 400 and changes nothing', async () => {
      const { productId } = await createProduct(t);
      const tooMany = Array.from({ length: 101 }, (_, i) => i + 1);
      const bodies: object[] = [
        {},
        { ids: [], onShelf: false },
        { ids: tooMany, onShelf: false },
        { ids: [productId, productId], onShelf: false },
        { ids: ['abc'], onShelf: false },
        { ids: [0], onShelf: false },
        { ids: [-1], onShelf: false },
        { ids: [1.5], onShelf: false },
        { ids: [99_999_999_999], onShelf: false },
        { ids: [productId], onShelf: 'no' },
        { ids: [productId] },
        { ids: productId, onShelf: false },
        { ids: [productId], onShelf: false, extra: 1 },
      ];
      for (const body of bodies) {
        const res = await t.http.post('/api/v1/admin/products/bulk-shelf').set(ops.auth).send(body);
        expect([body, res.status, res.body.code]).toEqual([body, 400, 'VALIDATION_FAILED']);
      }
      const dup = await t.http
        .post('/api/v1/admin/products/bulk-shelf')
        .set(ops.auth)
        .send({ ids: [productId, productId], onShelf: false });
      expect(dup.body.errors[0].message).toContain('重复');
      const many = await t.http
        .post('/api/v1/admin/products/bulk-shelf')
        .set(ops.auth)
        .send({ ids: tooMany, onShelf: false });
      expect(many.body.errors[0].message).toContain('100');
      expect((await t.http.get(`/api/v1/admin/products/${productId}`).set(ops.auth)).body.onShelf).toBe(true);
    });
  });

  describe('GET /admin/skus/{id}/stock-adjustments', () => {
    it('pages a SKU’s adjustments newest first, naming the operator', async () => {
      const { skuIds } = await createProduct(t, { stock: 10 });
      await adjust(skuIds[0], 5, '到货');
      await adjust(skuIds[0], -3, '破损');
      await t.http
        .post(`/api/v1/admin/skus/${skuIds[0]}/stock-adjustments`)
        .set(ops.auth)
        .send({ delta: -100, reason: '超出' })
        .expect(409);
      const res = await t.http.get(`/api/v1/admin/skus/${skuIds[0]}/stock-adjustments`).set(cs.auth).expect(200);
      expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      expect(res.body.items).toEqual([
        {
          id: expect.any(Number),
          delta: -3,
          stockAfter: 12,
          reason: '破损',
          operator: ops.username,
          createdAt: expect.any(String),
        },
        expect.objectContaining({ delta: 5, stockAfter: 15, reason: '到货', operator: ops.username }),
      ]);
      const second = await t.http
        .get(`/api/v1/admin/skus/${skuIds[0]}/stock-adjustments?page=2&pageSize=1`)
        .set(ops.auth)
        .expect(200);
      expect(second.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(second.body.items.map((i: { reason: string }) => i.reason)).toEqual(['到货']);
      const empty = await t.http.get(`/api/v1/admin/skus/${skuIds[0]}/stock-adjustments?page=3`).set(ops.auth);
      expect(empty.body).toMatchObject({ items: [], total: 2 });
    });

    it('answers 404 for an unknown SKU and 400 for bad ids and paging', async () => {
      const missing = await t.http.get('/api/v1/admin/skus/2000000000/stock-adjustments').set(ops.auth).expect(404);
      expect(missing.body.code).toBe('SKU_NOT_FOUND');
      for (const path of ['abc', '0', '-1', '1.5', '99999999999', '1e3']) {
        const res = await t.http.get(`/api/v1/admin/skus/${path}/stock-adjustments`).set(ops.auth);
        expect([path, res.status, res.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
      }
      for (const query of ['page=0', 'page=abc', 'pageSize=0', 'pageSize=51', 'page=1e99']) {
        const res = await t.http.get(`/api/v1/admin/skus/1/stock-adjustments?${query}`).set(ops.auth);
        expect([query, res.status]).toEqual([query, 400]);
      }
    });
  });

  describe('banners', () => {
    const home = async (): Promise<Array<{ id: number; title: string; image: string; link: string | null }>> =>
      (await t.http.get('/api/v1/catalog/home').expect(200)).body.banners;

    it('creates, edits, hides and deletes a banner; shoppers see each change on their next home read', async () => {
      await home(); // cached now
      const created = await t.http
        .post('/api/v1/admin/banners')
        .set(ops.auth)
        .send({
          title: `秋季上新 ${tag}`,
          image: '/api/v1/assets/demo/p01.svg',
          link: '/pages/product/detail/index?id=1',
        })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(Number),
        title: `秋季上新 ${tag}`,
        image: expect.stringMatching(/^https?:\/\/.+\/api\/v1\/assets\/demo\/p01\.svg$/),
        link: '/pages/product/detail/index?id=1',
        sortOrder: 0,
        active: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const id = created.body.id as number;
      expect((await home()).find((b) => b.id === id)).toMatchObject({ title: `秋季上新 ${tag}` });

      const edited = await t.http
        .patch(`/api/v1/admin/banners/${id}`)
        .set(ops.auth)
        .send({ title: `冬季上新 ${tag}`, link: null, image: 'https://img.example.com/w.jpg', sortOrder: 5 })
        .expect(200);
      expect(edited.body).toMatchObject({
        title: `冬季上新 ${tag}`,
        link: null,
        image: 'https://img.example.com/w.jpg',
      });
      expect((await home()).find((b) => b.id === id)).toEqual({
        id,
        title: `冬季上新 ${tag}`,
        image: 'https://img.example.com/w.jpg',
        link: null,
      });
      // sending back the absolute URL GET answered keeps the stored path
      const again = await t.http
        .patch(`/api/v1/admin/banners/${id}`)
        .set(ops.auth)
        .send({ image: created.body.image })
        .expect(200);
      expect(again.body.image).toBe(created.body.image);

      await t.http.patch(`/api/v1/admin/banners/${id}`).set(ops.auth).send({ active: false }).expect(200);
      expect((await home()).some((b) => b.id === id)).toBe(false);
      const all = await t.http.get('/api/v1/admin/banners').set(ops.auth).expect(200);
      expect(all.body.items.find((b: { id: number }) => b.id === id)).toMatchObject({ active: false, sortOrder: 5 });

      await t.http.patch(`/api/v1/admin/banners/${id}`).set(ops.auth).send({ active: true }).expect(200);
      expect((await home()).some((b) => b.id === id)).toBe(true);
      await t.http.delete(`/api/v1/admin/banners/${id}`).set(ops.auth).expect(204);
      expect((await home()).some((b) => b.id === id)).toBe(false);
      const gone = await t.http.get('/api/v1/admin/banners').set(ops.auth).expect(200);
      expect(gone.body.items.some((b: { id: number }) => b.id === id)).toBe(false);
      await t.http.delete(`/api/v1/admin/banners/${id}`).set(ops.auth).expect(404);
    });

    it('takes an image uploaded through /admin/media, by its URL or media:<id>, and keeps it from being deleted', async () => {
      const upload = await t.http
        .post('/api/v1/admin/media')
        .set(ops.auth)
        .attach('file', await photoJpeg(800, 400), { filename: 'banner.jpg', contentType: 'image/jpeg' })
        .expect(201);
      const media = upload.body.items[0] as { id: number; url: string };
      const relative = new URL(media.url).pathname;
      const ids: number[] = [];
      for (const image of [media.url, `media:${media.id}`, relative]) {
        const res = await t.http
          .post('/api/v1/admin/banners')
          .set(ops.auth)
          .send({ title: `上传图 ${tag}`, image });
        expect([image, res.status]).toEqual([image, 201]);
        expect(res.body.image).toBe(media.url);
        ids.push(res.body.id as number);
      }
      expect((await t.http.get('/api/v1/catalog/home').expect(200)).body.banners).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: ids[0], image: media.url })]),
      );
      const inUse = await t.http.delete(`/api/v1/admin/media/${media.id}`).set(ops.auth).expect(409);
      expect(inUse.body.code).toBe('MEDIA_IN_USE');
      for (const id of ids) await t.http.delete(`/api/v1/admin/banners/${id}`).set(ops.auth).expect(204);
      await t.http.delete(`/api/v1/admin/media/${media.id}`).set(ops.auth).expect(204);
    });

    it('lists all banners by sortOrder then id, shown or not', async () => {
      const make = (title: string, sortOrder: number, active = true) =>
        t.http
          .post('/api/v1/admin/banners')
          .set(ops.auth)
          .send({ title, image: 'https://img.example.com/x.jpg', sortOrder, active })
          .expect(201)
          .then((r) => r.body.id as number);
      const late = await make(`后 ${tag}`, 9000);
      const early = await make(`前 ${tag}`, 8000, false);
      const tie = await make(`并列 ${tag}`, 9000);
      const res = await t.http.get('/api/v1/admin/banners').set(ops.auth).expect(200);
      const mine = (res.body.items as Array<{ id: number }>)
        .map((b) => b.id)
        .filter((i) => [late, early, tie].includes(i));
      expect(mine).toEqual([early, late, tie]);
      for (const id of [late, early, tie]) await t.http.delete(`/api/v1/admin/banners/${id}`).set(ops.auth).expect(204);
    });

    it('refuses bad input with a 400 naming the field, unknown ids with 404 BANNER_NOT_FOUND', async () => {
      const ok = { title: '标题', image: 'https://img.example.com/a.jpg' };
      const bad: Array<[object, string]> = [
        [{ ...ok, title: '' }, 'title'],
        [{ ...ok, title: 'x'.repeat(65) }, 'title'],
        [{ ...ok, title: ' 前后空格 ' }, 'title'],
        [{ ...ok, title: null }, 'title'],
        [{ image: ok.image }, 'title'],
        [{ title: ok.title }, 'image'],
        [{ ...ok, image: 'ftp://img.example.com/a.jpg' }, 'image'],
        [{ ...ok, image: 'http://img.example.com/a.jpg' }, 'image'],
        [{ ...ok, image: '/etc/passwd' }, 'image'],
        [{ ...ok, link: 'javascript:alert(1)' }, 'link'],
        [{ ...ok, link: 'pages/index' }, 'link'],
        [{ ...ok, link: 'http://evil.example.com' }, 'link'],
        [{ ...ok, sortOrder: -1 }, 'sortOrder'],
        [{ ...ok, sortOrder: 'abc' }, 'sortOrder'],
        [{ ...ok, sortOrder: 1e12 }, 'sortOrder'],
        [{ ...ok, active: 'yes' }, 'active'],
        [{ ...ok, active: null }, 'active'],
      ];
      for (const [body, field] of bad) {
        const res = await t.http.post('/api/v1/admin/banners').set(ops.auth).send(body);
        expect([body, res.status, res.body.code, fields(res.body)]).toEqual([body, 400, 'VALIDATION_FAILED', [field]]);
      }
      const media = await t.http
        .post('/api/v1/admin/banners')
        .set(ops.auth)
        .send({ ...ok, image: 'media:2000000000' })
        .expect(400);
      expect(media.body.code).toBe('MEDIA_NOT_USABLE');
      const unknownField = await t.http
        .post('/api/v1/admin/banners')
        .set(ops.auth)
        .send({ ...ok, hacked: true });
      expect(unknownField.status).toBe(400);

      const missing = await t.http.patch('/api/v1/admin/banners/2000000000').set(ops.auth).send({ title: 'x' });
      expect([missing.status, missing.body.code]).toEqual([404, 'BANNER_NOT_FOUND']);
      const missingDelete = await t.http.delete('/api/v1/admin/banners/2000000000').set(ops.auth);
      expect([missingDelete.status, missingDelete.body.code]).toEqual([404, 'BANNER_NOT_FOUND']);
      for (const id of ['abc', '0', '99999999999', '1.5']) {
        const res = await t.http.patch(`/api/v1/admin/banners/${id}`).set(ops.auth).send({ title: 'x' });
        expect([id, res.status]).toEqual([id, 400]);
        const del = await t.http.delete(`/api/v1/admin/banners/${id}`).set(ops.auth);
        expect([id, del.status]).toEqual([id, 400]);
      }
      const created = await t.http.post('/api/v1/admin/banners').set(ops.auth).send(ok).expect(201);
      const nullTitle = await t.http
        .patch(`/api/v1/admin/banners/${created.body.id}`)
        .set(ops.auth)
        .send({ title: null })
        .expect(400);
      expect(fields(nullTitle.body)).toEqual(['title']);
      await t.http.delete(`/api/v1/admin/banners/${created.body.id}`).set(ops.auth).expect(204);
    });
  });
});
