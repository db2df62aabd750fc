import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { StockAdjustmentEntity } from '../src/modules/catalog/entities/stock-adjustment.entity';
import { uniqueTag } from './support/catalog-helpers';
import {
  type Admin,
  createAdmin,
  createCategory,
  createProduct,
  createShopper,
  type Shopper,
} from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

describe(`catalog administration (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;
  let shopper: Shopper;
  const tag = uniqueTag();

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    shopper = await createShopper(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const fields = (body: { errors?: Array<{ field: string }> }): string[] => (body.errors ?? []).map((e) => e.field);
  const validProduct = (categoryId: number, overrides: Record<string, unknown> = {}) => ({
    title: `测试卫衣 ${tag}`,
    subtitle: '加绒加厚',
    description: '秋冬款',
    categoryId,
    images: ['/api/v1/assets/demo/p09.svg', 'https://img.example.com/a.jpg'],
    specAxes: [
      { name: '颜色', values: ['黑', '白'] },
      { name: '尺码', values: ['M', 'L'] },
    ],
    skus: [
      { specs: { 颜色: '黑', 尺码: 'M' }, price: 15900, originalPrice: 19900, stock: 5, code: 'HD-B-M' },
      { specs: { 颜色: '白', 尺码: 'L' }, price: 14900, originalPrice: 18900, stock: 0 },
    ],
    ...overrides,
  });

  describe('who may call', () => {
    it('refuses shopper tokens (403) and anonymous calls (401) on every admin route', async () => {
      const routes: Array<['get' | 'post' | 'patch' | 'delete', string]> = [
        ['get', '/api/v1/admin/categories'],
        ['post', '/api/v1/admin/categories'],
        ['patch', '/api/v1/admin/categories/1'],
        ['delete', '/api/v1/admin/categories/1'],
        ['get', '/api/v1/admin/products'],
        ['post', '/api/v1/admin/products'],
        ['get', '/api/v1/admin/products/1'],
        ['patch', '/api/v1/admin/products/1'],
        ['delete', '/api/v1/admin/products/1'],
        ['post', '/api/v1/admin/products/1/skus'],
        ['patch', '/api/v1/admin/skus/1'],
        ['delete', '/api/v1/admin/skus/1'],
        ['post', '/api/v1/admin/skus/1/stock-adjustments'],
      ];
      for (const [method, path] of routes) {
        const forbidden = await t.http[method](path).set(shopper.auth).send({});
        expect([path, forbidden.status, forbidden.body.code]).toEqual([path, 403, 'FORBIDDEN']);
        const anonymous = await t.http[method](path).send({});
        expect([path, anonymous.status]).toEqual([path, 401]);
      }
    });
  });

  describe('categories', () => {
    it('creates, renames, reorders and deletes categories in two levels', async () => {
      const top = await t.http
        .post('/api/v1/admin/categories')
        .set(admin.auth)
        .send({ name: `家电 ${tag}`, icon: '/api/v1/assets/demo/cat-home.svg', sortOrder: 3 })
        .expect(201);
      expect(top.body).toEqual({
        id: expect.any(Number),
        name: `家电 ${tag}`,
        parentId: null,
        icon: `${t.config.publicBaseUrl}/api/v1/assets/demo/cat-home.svg`,
        sortOrder: 3,
      });
      const child = await createCategory(t, admin, { name: `冰箱 ${tag}`, parentId: top.body.id });
      const renamed = await t.http
        .patch(`/api/v1/admin/categories/${child}`)
        .set(admin.auth)
        .send({ name: `冰箱冷柜 ${tag}`, sortOrder: 9 })
        .expect(200);
      expect(renamed.body).toMatchObject({ id: child, name: `冰箱冷柜 ${tag}`, parentId: top.body.id, sortOrder: 9 });
      const tree = await t.http.get('/api/v1/catalog/categories').expect(200);
      const node = (tree.body as Array<{ id: number; children: Array<{ name: string }> }>).find(
        (c) => c.id === top.body.id,
      );
      expect(node?.children.map((c) => c.name)).toEqual([`冰箱冷柜 ${tag}`]);
      // promote to top level, then delete both
      await t.http.patch(`/api/v1/admin/categories/${child}`).set(admin.auth).send({ parentId: null }).expect(200);
      await t.http.delete(`/api/v1/admin/categories/${child}`).set(admin.auth).expect(204);
      await t.http.delete(`/api/v1/admin/categories/${top.body.id}`).set(admin.auth).expect(204);
      const after = await t.http.get('/api/v1/catalog/categories').expect(200);
      expect((after.body as Array<{ id: number }>).map((c) => c.id)).not.toContain(top.body.id);
      const again = await t.http.delete(`/api/v1/admin/categories/${child}`).set(admin.auth).expect(404);
      expect(again.body.code).toBe('CATEGORY_NOT_FOUND');
    });

    it('keeps the tree two levels deep', async () => {
      const top = await createCategory(t, admin);
      const child = await createCategory(t, admin, { parentId: top });
      const deep = await t.http
        .post('/api/v1/admin/categories')
        .set(admin.auth)
        .send({ name: '第三层', parentId: child })
        .expect(400);
      expect(deep.body).toMatchObject({ code: 'CATEGORY_TOO_DEEP', errors: [{ field: 'parentId' }] });
      // a category with children cannot move under another
      const other = await createCategory(t, admin);
      const move = await t.http
        .patch(`/api/v1/admin/categories/${top}`)
        .set(admin.auth)
        .send({ parentId: other })
        .expect(400);
      expect(move.body.code).toBe('CATEGORY_TOO_DEEP');
      const self = await t.http
        .patch(`/api/v1/admin/categories/${other}`)
        .set(admin.auth)
        .send({ parentId: other })
        .expect(400);
      expect(self.body.code).toBe('CATEGORY_TOO_DEEP');
      const missing = await t.http
        .post('/api/v1/admin/categories')
        .set(admin.auth)
        .send({ name: '孤儿', parentId: 2_000_000_000 })
        .expect(400);
      expect(missing.body).toMatchObject({ code: 'CATEGORY_NOT_FOUND', errors: [{ field: 'parentId' }] });
    });

    it('refuses to delete a category that still has subcategories or products', async () => {
      const top = await createCategory(t, admin);
      const child = await createCategory(t, admin, { parentId: top });
      const withChild = await t.http.delete(`/api/v1/admin/categories/${top}`).set(admin.auth).expect(409);
      expect(withChild.body.code).toBe('CATEGORY_NOT_EMPTY');
      await createProduct(t, { admin, categoryId: child });
      const withProduct = await t.http.delete(`/api/v1/admin/categories/${child}`).set(admin.auth).expect(409);
      expect(withProduct.body.code).toBe('CATEGORY_NOT_EMPTY');
    });

    it('validates category input with field messages', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{}, 'name'],
        [{ name: '' }, 'name'],
        [{ name: '长'.repeat(33) }, 'name'],
        [{ name: ' 空格 ' }, 'name'],
        [{ name: 'ok', parentId: 'x' }, 'parentId'],
        [{ name: 'ok', parentId: -1 }, 'parentId'],
        [{ name: 'ok', sortOrder: 1.5 }, 'sortOrder'],
        [{ name: 'ok', icon: 'javascript:alert(1)' }, 'icon'],
        [{ name: 'ok', extra: true }, 'extra'],
      ];
      for (const [body, field] of cases) {
        const res = await t.http.post('/api/v1/admin/categories').set(admin.auth).send(body);
        expect([body, res.status, res.body.code]).toEqual([body, 400, 'VALIDATION_FAILED']);
        expect(fields(res.body)).toContain(field);
      }
      const nullName = await t.http
        .patch(`/api/v1/admin/categories/${await createCategory(t, admin)}`)
        .set(admin.auth)
        .send({ name: null })
        .expect(400);
      expect(fields(nullName.body)).toContain('name');
      await t.http.patch('/api/v1/admin/categories/abc').set(admin.auth).send({ name: 'x' }).expect(400);
    });
  });

  describe('products', () => {
    it('creates a product with SKUs and derives its list price from the cheapest SKU', async () => {
      const categoryId = await createCategory(t, admin);
      const res = await t.http
        .post('/api/v1/admin/products')
        .set(admin.auth)
        .send(validProduct(categoryId))
        .expect(201);
      expect(res.body).toMatchObject({
        title: `测试卫衣 ${tag}`,
        categoryId,
        onShelf: true,
        minPrice: 14900,
        sales: 0,
        images: [`${t.config.publicBaseUrl}/api/v1/assets/demo/p09.svg`, 'https://img.example.com/a.jpg'],
      });
      expect(res.body.skus).toHaveLength(2);
      expect(res.body.skus[0]).toMatchObject({
        specs: { 颜色: '黑', 尺码: 'M' },
        price: 15900,
        stock: 5,
        code: 'HD-B-M',
      });
      const listed = await t.http.get('/api/v1/catalog/products').query({ categoryId }).expect(200);
      expect(listed.body.items[0]).toMatchObject({ id: res.body.id, minPrice: 14900, originalPrice: 18900 });
    });

    it('validates product input with field messages', async () => {
      const categoryId = await createCategory(t, admin);
      const sku = validProduct(categoryId).skus[0];
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ skus: [] }, 'skus'],
        [{ skus: [{ ...sku, price: -100 }] }, 'skus.0.price'],
        [{ skus: [{ ...sku, price: 0 }] }, 'skus.0.price'],
        [{ skus: [{ ...sku, price: 12.5 }] }, 'skus.0.price'],
        [{ skus: [{ ...sku, price: '100' }] }, 'skus.0.price'],
        [{ skus: [{ ...sku, price: 100_000_001 }] }, 'skus.0.price'],
        [{ skus: [{ ...sku, originalPrice: -1 }] }, 'skus.0.originalPrice'],
        [{ skus: [{ ...sku, stock: -1 }] }, 'skus.0.stock'],
        [{ skus: [{ ...sku, stock: 10_000_001 }] }, 'skus.0.stock'],
        [{ skus: [{ ...sku, specs: '黑' }] }, 'skus.0.specs'],
        [{ title: '' }, 'title'],
        [{ categoryId: 0 }, 'categoryId'],
        [{ images: ['ftp://x/y.png'] }, 'images'],
        [{ images: 'p.svg' }, 'images'],
        [{ specAxes: [{ name: '颜色', values: [] }] }, 'specAxes.0.values'],
        [{ onShelf: 'yes' }, 'onShelf'],
        [{ price: 100 }, 'price'],
      ];
      for (const [overrides, field] of cases) {
        const res = await t.http
          .post('/api/v1/admin/products')
          .set(admin.auth)
          .send(validProduct(categoryId, overrides));
        expect([overrides, res.status, res.body.code]).toEqual([overrides, 400, 'VALIDATION_FAILED']);
        expect(fields(res.body)).toContain(field);
      }
      const unknownCategory = await t.http
        .post('/api/v1/admin/products')
        .set(admin.auth)
        .send(validProduct(2_000_000_000))
        .expect(400);
      expect(unknownCategory.body).toMatchObject({ code: 'CATEGORY_NOT_FOUND', errors: [{ field: 'categoryId' }] });
      // nothing half-created
      const listed = await t.http.get('/api/v1/admin/products').set(admin.auth).query({ categoryId }).expect(200);
      expect(listed.body.total).toBe(0);
    });

    it('refuses SKUs that do not fit the spec axes', async () => {
      const categoryId = await createCategory(t, admin);
      const sku = { price: 100, stock: 1 };
      const cases: Array<Array<Record<string, string>>> = [
        [{ 颜色: '红', 尺码: 'M' }], // 红 is not a value of 颜色
        [{ 颜色: '黑' }], // 尺码 missing
        [{ 颜色: '黑', 尺码: 'M', 材质: '棉' }], // unknown axis
        [
          { 颜色: '黑', 尺码: 'M' },
          { 颜色: '黑', 尺码: 'M' },
        ], // the same combination twice
      ];
      for (const specs of cases) {
        const res = await t.http
          .post('/api/v1/admin/products')
          .set(admin.auth)
          .send(validProduct(categoryId, { skus: specs.map((s) => ({ ...sku, specs: s })) }));
        expect([specs, res.status, res.body.code]).toEqual([specs, 400, 'SKU_SPEC_MISMATCH']);
        expect(fields(res.body)[0]).toMatch(/^skus\.\d\.specs$/);
      }
      const dupAxis = await t.http
        .post('/api/v1/admin/products')
        .set(admin.auth)
        .send(
          validProduct(categoryId, {
            specAxes: [
              { name: '颜色', values: ['黑'] },
              { name: '颜色', values: ['白'] },
            ],
          }),
        )
        .expect(400);
      expect(dupAxis.body.code).toBe('SKU_SPEC_MISMATCH');
      // no axes: one SKU with empty specs
      const plain = await t.http
        .post('/api/v1/admin/products')
        .set(admin.auth)
        .send(validProduct(categoryId, { specAxes: [], skus: [{ specs: {}, price: 500, stock: 3 }] }))
        .expect(201);
      expect(plain.body.specAxes).toEqual([]);
    });

    it('updates fields, moves category, shelves off and on, and lists off-shelf products for admins only', async () => {
      const p = await createProduct(t, { admin, title: `上下架 ${tag}` });
      const other = await createCategory(t, admin);
      const patched = await t.http
        .patch(`/api/v1/admin/products/${p.productId}`)
        .set(admin.auth)
        .send({ title: `上下架-改 ${tag}`, subtitle: null, categoryId: other, onShelf: false })
        .expect(200);
      expect(patched.body).toMatchObject({
        title: `上下架-改 ${tag}`,
        subtitle: null,
        categoryId: other,
        onShelf: false,
      });
      await t.http.get(`/api/v1/catalog/products/${p.productId}`).expect(404);
      const adminView = await t.http.get(`/api/v1/admin/products/${p.productId}`).set(admin.auth).expect(200);
      expect(adminView.body.onShelf).toBe(false);
      const offList = await t.http
        .get('/api/v1/admin/products')
        .set(admin.auth)
        .query({ categoryId: other, onShelf: false })
        .expect(200);
      expect(offList.body.items).toEqual([
        expect.objectContaining({ id: p.productId, onShelf: false, stock: 10, skuCount: 1 }),
      ]);
      const onList = await t.http
        .get('/api/v1/admin/products')
        .set(admin.auth)
        .query({ categoryId: other, onShelf: 'true' })
        .expect(200);
      expect(onList.body.total).toBe(0);
      await t.http.patch(`/api/v1/admin/products/${p.productId}`).set(admin.auth).send({ onShelf: true }).expect(200);
      await t.http.get(`/api/v1/catalog/products/${p.productId}`).expect(200);
      const bad = await t.http
        .patch(`/api/v1/admin/products/${p.productId}`)
        .set(admin.auth)
        .send({ onShelf: 'no' })
        .expect(400);
      expect(fields(bad.body)).toEqual(['onShelf']);
      await t.http.patch(`/api/v1/admin/products/${p.productId}`).set(admin.auth).send({ title: null }).expect(400);
      const badCat = await t.http
        .patch(`/api/v1/admin/products/${p.productId}`)
        .set(admin.auth)
        .send({ categoryId: 2_000_000_000 })
        .expect(400);
      expect(badCat.body.code).toBe('CATEGORY_NOT_FOUND');
    });

    it('only accepts new spec axes that still describe every SKU', async () => {
      const p = await createProduct(t, { admin, specs: [{ 颜色: '红' }, { 颜色: '蓝' }] });
      const dropped = await t.http
        .patch(`/api/v1/admin/products/${p.productId}`)
        .set(admin.auth)
        .send({ specAxes: [{ name: '颜色', values: ['红'] }] })
        .expect(400);
      expect(dropped.body.code).toBe('SKU_SPEC_MISMATCH');
      const widened = await t.http
        .patch(`/api/v1/admin/products/${p.productId}`)
        .set(admin.auth)
        .send({ specAxes: [{ name: '颜色', values: ['红', '蓝', '绿'] }] })
        .expect(200);
      expect(widened.body.specAxes).toEqual([{ name: '颜色', values: ['红', '蓝', '绿'] }]);
    });

    it('soft-deletes a product: gone for shoppers and admins, the row kept', async () => {
      const p = await createProduct(t, { admin });
      await t.http.delete(`/api/v1/admin/products/${p.productId}`).set(admin.auth).expect(204);
      await t.http.get(`/api/v1/admin/products/${p.productId}`).set(admin.auth).expect(404);
      await t.http.get(`/api/v1/catalog/products/${p.productId}`).expect(404);
      const again = await t.http.delete(`/api/v1/admin/products/${p.productId}`).set(admin.auth).expect(404);
      expect(again.body.code).toBe('PRODUCT_NOT_FOUND');
      await t.http.patch(`/api/v1/admin/products/${p.productId}`).set(admin.auth).send({ title: 'x' }).expect(404);
      const ds = t.app.get<DataSource>(getDataSourceToken());
      const rows = (await ds.query('SELECT deleted_at FROM products WHERE id = ?', [p.productId])) as Array<{
        deleted_at: unknown;
      }>;
      expect(rows).toHaveLength(1);
      expect(rows[0].deleted_at).not.toBeNull();
    });
  });

  describe('SKUs and stock', () => {
    it('adds, edits and deletes SKUs, keeping the product price in step', async () => {
      const p = await createProduct(t, { admin, price: 3000, specs: [{ 容量: '250ml' }] });
      await t.http
        .patch(`/api/v1/admin/products/${p.productId}`)
        .set(admin.auth)
        .send({ specAxes: [{ name: '容量', values: ['250ml', '500ml'] }] })
        .expect(200);
      const added = await t.http
        .post(`/api/v1/admin/products/${p.productId}/skus`)
        .set(admin.auth)
        .send({ specs: { 容量: '500ml' }, price: 2500, originalPrice: 3500, stock: 4, code: 'C-500' })
        .expect(201);
      expect(added.body).toEqual({
        id: expect.any(Number),
        productId: p.productId,
        specs: { 容量: '500ml' },
        price: 2500,
        originalPrice: 3500,
        stock: 4,
        code: 'C-500',
        purchaseLimit: null,
      });
      const minPrice = async () =>
        (await t.http.get(`/api/v1/admin/products/${p.productId}`).set(admin.auth).expect(200)).body.minPrice;
      expect(await minPrice()).toBe(2500);
      const dup = await t.http
        .post(`/api/v1/admin/products/${p.productId}/skus`)
        .set(admin.auth)
        .send({ specs: { 容量: '500ml' }, price: 1, stock: 1 })
        .expect(400);
      expect(dup.body).toMatchObject({ code: 'SKU_SPEC_MISMATCH', errors: [{ field: 'specs' }] });
      const misfit = await t.http
        .post(`/api/v1/admin/products/${p.productId}/skus`)
        .set(admin.auth)
        .send({ specs: { 容量: '1L' }, price: 1, stock: 1 })
        .expect(400);
      expect(misfit.body.code).toBe('SKU_SPEC_MISMATCH');

      const edited = await t.http
        .patch(`/api/v1/admin/skus/${added.body.id}`)
        .set(admin.auth)
        .send({ price: 3200, stock: 9 })
        .expect(200);
      expect(edited.body).toMatchObject({ price: 3200, stock: 9, originalPrice: 3500, code: 'C-500' });
      expect(await minPrice()).toBe(3000);
      const clash = await t.http
        .patch(`/api/v1/admin/skus/${added.body.id}`)
        .set(admin.auth)
        .send({ specs: { 容量: '250ml' } })
        .expect(400);
      expect(clash.body.code).toBe('SKU_SPEC_MISMATCH');

      await t.http.delete(`/api/v1/admin/skus/${p.skuIds[0]}`).set(admin.auth).expect(204);
      expect(await minPrice()).toBe(3200);
      const detail = await t.http.get(`/api/v1/catalog/products/${p.productId}`).expect(200);
      expect(detail.body.skus.map((s: { id: number }) => s.id)).toEqual([added.body.id]);
      const last = await t.http.delete(`/api/v1/admin/skus/${added.body.id}`).set(admin.auth).expect(409);
      expect(last.body.code).toBe('CONFLICT');
      const gone = await t.http
        .patch(`/api/v1/admin/skus/${p.skuIds[0]}`)
        .set(admin.auth)
        .send({ price: 1 })
        .expect(404);
      expect(gone.body.code).toBe('SKU_NOT_FOUND');
    });

    it('validates SKU edits', async () => {
      const p = await createProduct(t, { admin });
      const sku = p.skuIds[0];
      for (const [body, field] of [
        [{ price: -1 }, 'price'],
        [{ price: null }, 'price'],
        [{ stock: -5 }, 'stock'],
        [{ stock: 2.5 }, 'stock'],
        [{ originalPrice: 0 }, 'originalPrice'],
        [{ specs: [] }, 'specs'],
        [{ productId: 3 }, 'productId'],
      ] as Array<[Record<string, unknown>, string]>) {
        const res = await t.http.patch(`/api/v1/admin/skus/${sku}`).set(admin.auth).send(body);
        expect([body, res.status]).toEqual([body, 400]);
        expect(fields(res.body)).toContain(field);
      }
      await t.http.patch('/api/v1/admin/skus/-4').set(admin.auth).send({ price: 1 }).expect(400);
      await t.http
        .post('/api/v1/admin/products/x/skus')
        .set(admin.auth)
        .send({ specs: {}, price: 1, stock: 1 })
        .expect(400);
    });

    it('applies stock deltas with an audit row and never below zero', async () => {
      const p = await createProduct(t, { admin, stock: 3 });
      const sku = p.skuIds[0];
      const set = await t.http.patch(`/api/v1/admin/skus/${sku}`).set(admin.auth).send({ stock: 5 }).expect(200);
      expect(set.body.stock).toBe(5);
      const up = await t.http
        .post(`/api/v1/admin/skus/${sku}/stock-adjustments`)
        .set(admin.auth)
        .send({ delta: 3, reason: '到货入库' })
        .expect(201);
      expect(up.body).toMatchObject({ skuId: sku, delta: 3, stockAfter: 8, reason: '到货入库' });
      const tooMuch = await t.http
        .post(`/api/v1/admin/skus/${sku}/stock-adjustments`)
        .set(admin.auth)
        .send({ delta: -9, reason: '盘亏' })
        .expect(409);
      expect(tooMuch.body).toMatchObject({ code: 'STOCK_WOULD_BE_NEGATIVE', skuId: sku, stock: 8 });
      const down = await t.http
        .post(`/api/v1/admin/skus/${sku}/stock-adjustments`)
        .set(admin.auth)
        .send({ delta: -8, reason: '盘亏' })
        .expect(201);
      expect(down.body.stockAfter).toBe(0);
      const detail = await t.http.get(`/api/v1/catalog/products/${p.productId}`).expect(200);
      expect(detail.body.skus[0].stock).toBe(0);

      const ds = t.app.get<DataSource>(getDataSourceToken());
      const rows = await ds.getRepository(StockAdjustmentEntity).find({ where: { skuId: sku }, order: { id: 'ASC' } });
      expect(rows.map((r) => [r.delta, r.stockAfter, r.reason])).toEqual([
        [3, 8, '到货入库'],
        [-8, 0, '盘亏'],
      ]);
      expect(rows[0].adminId).toEqual(expect.any(Number));
    });

    it('lets concurrent decrements take exactly the stock there is', async () => {
      const p = await createProduct(t, { admin, stock: 3 });
      const sku = p.skuIds[0];
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          t.http
            .post(`/api/v1/admin/skus/${sku}/stock-adjustments`)
            .set(admin.auth)
            .send({ delta: -1, reason: '并发' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
      expect(
        results
          .filter((r) => r.status === 201)
          .map((r) => r.body.stockAfter)
          .sort(),
      ).toEqual([0, 1, 2]);
      const detail = await t.http.get(`/api/v1/admin/products/${p.productId}`).set(admin.auth).expect(200);
      expect(detail.body.skus[0].stock).toBe(0);
    });

    it('validates stock adjustments', async () => {
      const p = await createProduct(t, { admin });
      const url = `/api/v1/admin/skus/${p.skuIds[0]}/stock-adjustments`;
      for (const [body, field] of [
        [{ delta: 0, reason: 'x' }, 'delta'],
        [{ delta: 1.5, reason: 'x' }, 'delta'],
        [{ delta: '3', reason: 'x' }, 'delta'],
        [{ delta: 1 }, 'reason'],
        [{ delta: 1, reason: '' }, 'reason'],
      ] as Array<[Record<string, unknown>, string]>) {
        const res = await t.http.post(url).set(admin.auth).send(body);
        expect([body, res.status]).toEqual([body, 400]);
        expect(fields(res.body)).toContain(field);
      }
      const missing = await t.http
        .post('/api/v1/admin/skus/2000000000/stock-adjustments')
        .set(admin.auth)
        .send({ delta: 1, reason: 'x' })
        .expect(404);
      expect(missing.body.code).toBe('SKU_NOT_FOUND');
    });
  });
});
