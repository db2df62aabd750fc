import { randomUUID } from 'node:crypto';
import { uniqueTag } from './support/catalog-helpers';
import { type Admin, createAdmin, createProduct } from './support/factories';
import { startTestApp, type TestApp, usingMysql, usingRedis } from './support/test-app';

/*
 * Two replicas sharing MariaDB and Redis (one key prefix), each with its in-process L1 in front of
 * Redis: a write made through one must show on the other's very next read, which the L1 learns
 * through Redis pub/sub. Needs a shared database and cache, so it runs only with DATABASE_URL and
 * REDIS_URL set (the SQLite suite gives every app its own file).
 */
const shared = usingMysql && usingRedis;
if (!shared) console.log('catalog-cache-replicas.e2e-spec.ts: SKIPPED - needs DATABASE_URL=mysql://… and REDIS_URL');

(shared ? describe : describe.skip)('catalog cache across replicas (requires DATABASE_URL=mysql… + REDIS_URL)', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: Admin;
  const tag = uniqueTag();

  beforeAll(async () => {
    const env = { REDIS_KEY_PREFIX: `test:${randomUUID().slice(0, 8)}:`, SWEEP_INTERVAL_MS: '3600000' };
    a = await startTestApp(env);
    b = await startTestApp(env);
    admin = await createAdmin(a);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  /** Reads twice on `t`: the second answer comes from that replica's caches. */
  const warm = async (t: TestApp, path: string, query: Record<string, string | number> = {}): Promise<void> => {
    await t.http.get(path).query(query).expect(200);
    await t.http.get(path).query(query).expect(200);
  };

  it('shows a price change made on one replica on the next read of the other', async () => {
    const p = await createProduct(a, { admin, price: 1990, title: `副本价格 ${tag}` });
    const detail = `/api/v1/catalog/products/${p.productId}`;
    await warm(b, detail);
    await warm(b, '/api/v1/catalog/products', { categoryId: p.categoryId });

    await a.http.patch(`/api/v1/admin/skus/${p.skuIds[0]}`).set(admin.auth).send({ price: 1590 }).expect(200);

    expect((await b.http.get(detail).expect(200)).body.minPrice).toBe(1590);
    const list = await b.http.get('/api/v1/catalog/products').query({ categoryId: p.categoryId }).expect(200);
    expect(list.body.items[0]).toMatchObject({ id: p.productId, minPrice: 1590 });
  });

  it('hides a product taken off the shelf on one replica at once on the other', async () => {
    const p = await createProduct(a, { admin, title: `副本下架 ${tag}` });
    await warm(b, `/api/v1/catalog/products/${p.productId}`);
    await warm(b, '/api/v1/catalog/home');

    await a.http.patch(`/api/v1/admin/products/${p.productId}`).set(admin.auth).send({ onShelf: false }).expect(200);

    await b.http.get(`/api/v1/catalog/products/${p.productId}`).expect(404);
    const home = await b.http.get('/api/v1/catalog/home').expect(200);
    expect((home.body.newest as Array<{ id: number }>).map((x) => x.id)).not.toContain(p.productId);
  });

  it('shows a stock adjustment made on one replica in the other replica’s product detail', async () => {
    const p = await createProduct(a, { admin, stock: 5 });
    const detail = `/api/v1/catalog/products/${p.productId}`;
    await warm(b, detail);
    await a.http
      .post(`/api/v1/admin/skus/${p.skuIds[0]}/stock-adjustments`)
      .set(admin.auth)
      .send({ delta: -2, reason: '盘点' })
      .expect(201);
    expect((await b.http.get(detail).expect(200)).body.skus[0].stock).toBe(3);
  });
});
