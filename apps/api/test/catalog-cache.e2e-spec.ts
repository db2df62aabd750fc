import { metricValue, uniqueTag } from './support/catalog-helpers';
import { type Admin, createAdmin, createCategory, createProduct } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/*
 * Cached catalog reads: warmed first (a second read must be a hit), then every admin write
 * that changes what a shopper sees must show on the very next read.
 */
describe(`catalog cache (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;
  const tag = uniqueTag();

  beforeAll(async () => {
    // no order sweeper noise in the query counts
    t = await startTestApp({ SWEEP_INTERVAL_MS: '3600000' });
    admin = await createAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const hits = (cache: string) => metricValue(t, 'cache_hits_total', { cache });
  const misses = (cache: string) => metricValue(t, 'cache_misses_total', { cache });

  /** Reads twice and checks the second read was served from the cache, byte for byte. */
  async function warm(path: string, query: Record<string, string | number>, cache: string): Promise<string> {
    const first = await t.http.get(path).query(query).expect(200);
    const before = await hits(cache);
    const second = await t.http.get(path).query(query).expect(200);
    expect(await hits(cache)).toBe(before + 1);
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    return second.text;
  }

  it('shows a price change on the very next read of detail, list and home', async () => {
    const p = await createProduct(t, { admin, price: 1990, title: `缓存价格 ${tag}` });
    const detailPath = `/api/v1/catalog/products/${p.productId}`;
    await warm(detailPath, {}, 'catalog_product');
    await warm('/api/v1/catalog/products', { categoryId: p.categoryId }, 'catalog_list');
    await warm('/api/v1/catalog/products', { keyword: `缓存价格 ${tag}` }, 'catalog_list');
    await warm('/api/v1/catalog/home', {}, 'catalog_home');

    await t.http.patch(`/api/v1/admin/skus/${p.skuIds[0]}`).set(admin.auth).send({ price: 1590 }).expect(200);

    const missesBefore = await misses('catalog_product');
    const detail = await t.http.get(detailPath).expect(200);
    expect(detail.body.skus[0].price).toBe(1590);
    expect(detail.body.minPrice).toBe(1590);
    expect(await misses('catalog_product')).toBe(missesBefore + 1);
    const list = await t.http.get('/api/v1/catalog/products').query({ categoryId: p.categoryId }).expect(200);
    expect(list.body.items[0]).toMatchObject({ id: p.productId, minPrice: 1590 });
    const search = await t.http
      .get('/api/v1/catalog/products')
      .query({ keyword: `缓存价格 ${tag}` })
      .expect(200);
    expect(search.body.items[0].minPrice).toBe(1590);
    const home = await t.http.get('/api/v1/catalog/home').expect(200);
    const inHome = (home.body.newest as Array<{ id: number; minPrice: number }>).find((x) => x.id === p.productId);
    expect(inHome?.minPrice).toBe(1590);
  });

  it('hides a product on the very next read after it goes off the shelf', async () => {
    const p = await createProduct(t, { admin, title: `缓存下架 ${tag}` });
    await warm(`/api/v1/catalog/products/${p.productId}`, {}, 'catalog_product');
    await warm('/api/v1/catalog/products', { categoryId: p.categoryId }, 'catalog_list');
    const home = JSON.parse(await warm('/api/v1/catalog/home', {}, 'catalog_home')) as {
      newest: Array<{ id: number }>;
    };
    expect(home.newest.map((x) => x.id)).toContain(p.productId);

    await t.http.patch(`/api/v1/admin/products/${p.productId}`).set(admin.auth).send({ onShelf: false }).expect(200);

    await t.http.get(`/api/v1/catalog/products/${p.productId}`).expect(404);
    const list = await t.http.get('/api/v1/catalog/products').query({ categoryId: p.categoryId }).expect(200);
    expect(list.body).toMatchObject({ items: [], total: 0 });
    const after = await t.http.get('/api/v1/catalog/home').expect(200);
    expect((after.body.newest as Array<{ id: number }>).map((x) => x.id)).not.toContain(p.productId);

    // and back on the shelf, again at once
    await t.http.patch(`/api/v1/admin/products/${p.productId}`).set(admin.auth).send({ onShelf: true }).expect(200);
    await t.http.get(`/api/v1/catalog/products/${p.productId}`).expect(200);
  });

  it('shows stock adjustments, SKU additions, deletes and product edits at once', async () => {
    const p = await createProduct(t, { admin, stock: 5, specs: [{ 口味: '原味' }] });
    const path = `/api/v1/catalog/products/${p.productId}`;
    await warm(path, {}, 'catalog_product');
    await t.http
      .post(`/api/v1/admin/skus/${p.skuIds[0]}/stock-adjustments`)
      .set(admin.auth)
      .send({ delta: -2, reason: '损耗' })
      .expect(201);
    expect((await t.http.get(path).expect(200)).body.skus[0].stock).toBe(3);

    await warm(path, {}, 'catalog_product');
    await t.http
      .patch(`/api/v1/admin/products/${p.productId}`)
      .set(admin.auth)
      .send({ title: `改名 ${tag}`, specAxes: [{ name: '口味', values: ['原味', '香辣'] }] })
      .expect(200);
    expect((await t.http.get(path).expect(200)).body.title).toBe(`改名 ${tag}`);

    await warm(path, {}, 'catalog_product');
    const sku = await t.http
      .post(`/api/v1/admin/products/${p.productId}/skus`)
      .set(admin.auth)
      .send({ specs: { 口味: '香辣' }, price: 990, stock: 1 })
      .expect(201);
    const withTwo = await t.http.get(path).expect(200);
    expect(withTwo.body.skus).toHaveLength(2);
    expect(withTwo.body.minPrice).toBe(990);

    await warm(path, {}, 'catalog_product');
    await t.http.delete(`/api/v1/admin/skus/${sku.body.id}`).set(admin.auth).expect(204);
    expect((await t.http.get(path).expect(200)).body.skus).toHaveLength(1);

    await warm(path, {}, 'catalog_product');
    await t.http.delete(`/api/v1/admin/products/${p.productId}`).set(admin.auth).expect(204);
    await t.http.get(path).expect(404);
  });

  it('shows category changes in the tree at once', async () => {
    const top = await createCategory(t, admin, { name: `树 ${tag}` });
    await warm('/api/v1/catalog/categories', {}, 'catalog_tree');
    const find = async () =>
      ((await t.http.get('/api/v1/catalog/categories').expect(200)).body as Array<{ id: number; name: string }>).find(
        (c) => c.id === top,
      );
    await t.http
      .patch(`/api/v1/admin/categories/${top}`)
      .set(admin.auth)
      .send({ name: `树-改 ${tag}` })
      .expect(200);
    expect((await find())?.name).toBe(`树-改 ${tag}`);
    await warm('/api/v1/catalog/categories', {}, 'catalog_tree');
    await t.http.delete(`/api/v1/admin/categories/${top}`).set(admin.auth).expect(204);
    expect(await find()).toBeUndefined();
  });

  it('loads a cold key once for many concurrent readers', async () => {
    const p = await createProduct(t, { admin, specs: [{ 尺码: 'S' }, { 尺码: 'M' }] });
    const selects = () => metricValue(t, 'db_query_duration_seconds_count', { operation: 'select' });
    const before = await selects();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => t.http.get(`/api/v1/catalog/products/${p.productId}`)),
    );
    expect(responses.every((r) => r.status === 200 && r.text === responses[0].text)).toBe(true);
    // one load is two SELECTs (product, SKUs); twenty uncoordinated loads would be forty
    expect((await selects()) - before).toBeLessThanOrEqual(6);
  });
});
