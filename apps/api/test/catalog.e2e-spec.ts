import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProductEntity } from '../src/modules/catalog/entities/product.entity';
import { uniqueTag } from './support/catalog-helpers';
import { type Admin, createAdmin, createCategory, createProduct } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/*
 * Shopper browsing. Every list assertion is scoped to categories this file creates, so the
 * tests hold on a shared MariaDB that already holds other tests' products.
 */
describe(`catalog browsing (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;
  const tag = uniqueTag();
  // A (top) ← A1, A2 (children); B (top)
  let catA: number, catA1: number, catA2: number, catB: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    catA = await createCategory(t, admin, { name: `A-${tag}`, sortOrder: 5 });
    catA2 = await createCategory(t, admin, { name: `A2-${tag}`, parentId: catA, sortOrder: 2 });
    catA1 = await createCategory(t, admin, { name: `A1-${tag}`, parentId: catA, sortOrder: 1 });
    catB = await createCategory(t, admin, { name: `B-${tag}` });
    // created in this order: "newest" is the reverse
    const make = async (
      key: string,
      categoryId: number,
      price: number,
      title: string,
      subtitle: string | null = null,
    ) => {
      ids[key] = (await createProduct(t, { admin, categoryId, price, title, subtitle })).productId;
    };
    await make('top', catA, 3000, `纯棉T恤 ${tag}`, '100%纯棉 夏季');
    await make('a1cheap', catA1, 1000, `无线蓝牙耳机 ${tag}`);
    await make('a1mid', catA1, 2000, `机械键盘 ${tag}`, '蓝牙双模 热插拔');
    await make('a2', catA2, 5000, `保温杯_500ml ${tag}`);
    await make('b', catB, 4000, `蓝牙音箱 ${tag}`);
    ids.off = (
      await createProduct(t, { admin, categoryId: catA1, price: 10, onShelf: false, title: `下架蓝牙 ${tag}` })
    ).productId;
    // sales only grow through paid orders (payment.e2e-spec covers that); here they are set
    // directly, before the first read, so the sort tests have figures to sort by
    const products = t.app.get<DataSource>(getDataSourceToken()).getRepository(ProductEntity);
    await products.increment({ id: ids.a1mid }, 'sales', 50);
    await products.increment({ id: ids.a2 }, 'sales', 30);
    await products.increment({ id: ids.top }, 'sales', 30);
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (query: Record<string, string | number>) =>
    (await t.http.get('/api/v1/catalog/products').query(query).expect(200)).body as {
      items: Array<{
        id: number;
        minPrice: number;
        title: string;
        image: string | null;
        sales: number;
        createdAt: string;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };

  it('serves the two-level category tree in display order', async () => {
    const res = await t.http.get('/api/v1/catalog/categories').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const a = (
      res.body as Array<{ id: number; parentId: null; children: Array<{ id: number; parentId: number }> }>
    ).find((c) => c.id === catA);
    expect(a).toMatchObject({ name: `A-${tag}`, parentId: null, sortOrder: 5 });
    expect(a?.children.map((c) => c.id)).toEqual([catA1, catA2]);
    expect(a?.children.every((c) => c.parentId === catA)).toBe(true);
    // children appear only under their parent, never at the top
    expect((res.body as Array<{ id: number }>).some((c) => c.id === catA1)).toBe(false);
  });

  it('filters by category, including the children of a top-level category', async () => {
    const a = await list({ categoryId: catA });
    expect(a.items.map((p) => p.id).sort()).toEqual([ids.top, ids.a1cheap, ids.a1mid, ids.a2].sort());
    expect(a.total).toBe(4);
    const a1 = await list({ categoryId: catA1 });
    expect(a1.items.map((p) => p.id).sort()).toEqual([ids.a1cheap, ids.a1mid].sort());
    const none = await list({ categoryId: 2_000_000_000 });
    expect(none).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('finds Chinese keywords in titles and subtitles', async () => {
    const bt = await list({ keyword: `蓝牙`, categoryId: catA });
    // title "无线蓝牙耳机", subtitle "蓝牙双模"; the off-shelf "下架蓝牙" stays hidden
    expect(bt.items.map((p) => p.id).sort()).toEqual([ids.a1cheap, ids.a1mid].sort());
    const exact = await list({ keyword: `蓝牙音箱 ${tag}` });
    expect(exact.items.map((p) => p.id)).toEqual([ids.b]);
    const everywhere = await list({ keyword: tag, pageSize: 50 });
    expect(everywhere.items.map((p) => p.id).sort()).toEqual([ids.top, ids.a1cheap, ids.a1mid, ids.a2, ids.b].sort());
    // surrounding blanks are ignored
    const trimmed = await list({ keyword: `  耳机 ${tag}  ` });
    expect(trimmed.items.map((p) => p.id)).toEqual([ids.a1cheap]);
    expect((await list({ keyword: `不存在的商品 ${tag}` })).total).toBe(0);
  });

  it('treats % and _ in a keyword as separators, never as wildcards', async () => {
    // the search index holds words (catalog-search.e2e-spec.ts): punctuation matches nothing
    expect((await list({ keyword: '%', categoryId: catA })).total).toBe(0);
    expect((await list({ keyword: '_', categoryId: catA })).total).toBe(0);
    expect((await list({ keyword: '\\', categoryId: catA })).total).toBe(0);
    expect((await list({ keyword: '500ml', categoryId: catA })).items.map((p) => p.id)).toEqual([ids.a2]);
    expect((await list({ keyword: '100%纯棉', categoryId: catA })).items.map((p) => p.id)).toEqual([ids.top]);
  });

  it('sorts by newest, price both ways and sales, with a stable tie-breaker', async () => {
    const order = async (sort: string) => (await list({ categoryId: catA, sort })).items.map((p) => p.id);
    expect(await order('newest')).toEqual([ids.a2, ids.a1mid, ids.a1cheap, ids.top]);
    expect(await order('price_asc')).toEqual([ids.a1cheap, ids.a1mid, ids.top, ids.a2]);
    expect(await order('price_desc')).toEqual([ids.a2, ids.top, ids.a1mid, ids.a1cheap]);
    // a2 and top tie on 30 sales: the later id first, every time
    expect(await order('sales')).toEqual([ids.a1mid, ids.a2, ids.top, ids.a1cheap]);
    const byDefault = await list({ categoryId: catA });
    expect(byDefault.items.map((p) => p.id)).toEqual(await order('newest'));
  });

  it('pages without repeating or skipping, with a short last page and an empty page past the end', async () => {
    const seen: number[] = [];
    for (const page of [1, 2]) {
      const res = await list({ categoryId: catA, sort: 'price_asc', page, pageSize: 3 });
      expect(res).toMatchObject({ total: 4, page, pageSize: 3 });
      seen.push(...res.items.map((p) => p.id));
    }
    expect(seen).toEqual([ids.a1cheap, ids.a1mid, ids.top, ids.a2]);
    const last = await list({ categoryId: catA, page: 2, pageSize: 2 });
    expect(last.items).toHaveLength(2);
    const empty = await list({ categoryId: catA, page: 3, pageSize: 2 });
    expect(empty).toEqual({ items: [], total: 4, page: 3, pageSize: 2 });
    const deep = await list({ categoryId: catA, page: 999, pageSize: 50 });
    expect(deep).toEqual({ items: [], total: 4, page: 999, pageSize: 50 });
    expect((await list({ categoryId: catA, pageSize: 50 })).items).toHaveLength(4);
  });

  it('lists summaries with absolute image URLs and money in fen', async () => {
    const res = await list({ categoryId: catB });
    expect(res.items[0]).toEqual({
      id: ids.b,
      title: `蓝牙音箱 ${tag}`,
      subtitle: null,
      categoryId: catB,
      image: `${t.config.publicBaseUrl}/api/v1/assets/demo/p01.svg`,
      minPrice: 4000,
      originalPrice: null,
      sales: 0,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // the list reads its columns by hand: the same instant as the detail (read as an entity)
    const detail = await t.http.get(`/api/v1/catalog/products/${ids.b}`).expect(200);
    expect(res.items[0].createdAt).toBe(detail.body.createdAt);
  });

  it('answers a page past the cached ones (read from the database every time) like the cached pages', async () => {
    const categoryId = await createCategory(t, admin, { name: `深翻页-${tag}` });
    for (let i = 0; i < 7; i++)
      await createProduct(t, { admin, categoryId, price: 1000 + i * 100, title: `翻页 ${i} ${tag}` });
    const cachedPage = await list({ categoryId, pageSize: 2, page: 3, sort: 'price_asc' });
    const dbPage = await list({ categoryId, pageSize: 1, page: 6, sort: 'price_asc' });
    expect(cachedPage.total).toBe(7);
    expect(dbPage).toEqual({ items: [cachedPage.items[1]], total: 7, page: 6, pageSize: 1 });
    expect(dbPage.items[0]).toMatchObject({ title: `翻页 5 ${tag}`, minPrice: 1500 });
    // the deep page's total is cached per catalog generation: a new product counts at once
    await createProduct(t, { admin, categoryId, price: 100, title: `翻页 新 ${tag}` });
    const after = await list({ categoryId, pageSize: 1, page: 6, sort: 'price_asc' });
    expect(after.total).toBe(8);
    expect(after.items[0]).toMatchObject({ title: `翻页 4 ${tag}` });
  });

  it('shows a product with its SKUs and spec axes', async () => {
    const specs = [
      { 颜色: '红', 尺码: 'M' },
      { 颜色: '红', 尺码: 'L' },
      { 颜色: '蓝', 尺码: 'M' },
    ];
    const p = await createProduct(t, { admin, categoryId: catB, price: 9900, originalPrice: 12900, stock: 7, specs });
    const res = await t.http.get(`/api/v1/catalog/products/${p.productId}`).expect(200);
    expect(res.body).toMatchObject({
      id: p.productId,
      categoryId: catB,
      onShelf: true,
      minPrice: 9900,
      images: [`${t.config.publicBaseUrl}/api/v1/assets/demo/p01.svg`],
      specAxes: [
        { name: '颜色', values: ['红', '蓝'] },
        { name: '尺码', values: ['M', 'L'] },
      ],
    });
    expect(res.body.skus).toEqual(
      specs.map((s, i) => ({
        id: p.skuIds[i],
        productId: p.productId,
        specs: s,
        price: 9900,
        originalPrice: 12900,
        stock: 7,
        code: null,
        purchaseLimit: null,
      })),
    );
  });

  it('hides off-shelf and deleted products from shoppers', async () => {
    await t.http.get(`/api/v1/catalog/products/${ids.off}`).expect(404);
    const missing = await t.http.get('/api/v1/catalog/products/2000000000').expect(404);
    expect(missing.body.code).toBe('PRODUCT_NOT_FOUND');
    const gone = await createProduct(t, { admin, categoryId: catB });
    await t.http.delete(`/api/v1/admin/products/${gone.productId}`).set(admin.auth).expect(204);
    await t.http.get(`/api/v1/catalog/products/${gone.productId}`).expect(404);
    const all = await list({ categoryId: catA1, pageSize: 50 });
    expect(all.items.map((p) => p.id)).not.toContain(ids.off);
    expect((await list({ keyword: `下架蓝牙 ${tag}` })).total).toBe(0);
  });

  it('serves the first screen in one response', async () => {
    const res = await t.http.get('/api/v1/catalog/home').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const home = res.body as {
      banners: unknown[];
      categories: Array<{ id: number; parentId: number | null }>;
      hot: Array<{ id: number; sales: number }>;
      newest: Array<{ id: number }>;
    };
    expect(Array.isArray(home.banners)).toBe(true);
    expect(home.categories.map((c) => c.id)).toEqual(expect.arrayContaining([catA, catB]));
    expect(home.categories.every((c) => c.parentId === null)).toBe(true);
    expect(home.hot.length).toBeLessThanOrEqual(10);
    expect(home.newest.length).toBeLessThanOrEqual(10);
    const sales = home.hot.map((p) => p.sales);
    expect(sales).toEqual([...sales].sort((x, y) => y - x));
    expect(home.newest.map((p) => p.id)).not.toContain(ids.off);
  });

  it('answers 400 with field messages for bad queries and ids', async () => {
    const bad = async (query: Record<string, string>, field: string) => {
      const res = await t.http.get('/api/v1/catalog/products').query(query).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      return res.body as { message: string };
    };
    const sort = await bad({ sort: 'cheapest' }, 'sort');
    expect(sort.message).toContain('newest, price_asc, price_desc, sales');
    expect((await bad({ pageSize: '51' }, 'pageSize')).message).toContain('50');
    await bad({ pageSize: '0' }, 'pageSize');
    await bad({ page: '0' }, 'page');
    await bad({ page: 'two' }, 'page');
    await bad({ categoryId: 'abc' }, 'categoryId');
    await bad({ categoryId: '-3' }, 'categoryId');
    await bad({ keyword: '长'.repeat(51) }, 'keyword');
    await bad({ color: 'red' }, 'color');
    for (const id of ['1e3', 'abc', '0', '-1', '1.5', '007', '99999999999']) {
      const res = await t.http.get(`/api/v1/catalog/products/${id}`);
      expect([id, res.status]).toEqual([id, 400]);
      expect(res.body.errors).toEqual([{ field: 'id', message: 'id must be a positive integer id' }]);
    }
  });
});
