import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { findAssetsDir } from '../src/modules/catalog/assets/static-assets';
import { DemoSeeder } from '../src/modules/catalog/seed/demo-seeder.service';
import { demoImageFiles } from '../src/modules/catalog/seed/generate-images';
import { createAdmin } from './support/factories';
import { freshDatabase } from './support/fresh-database';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

describe(`demo catalog seeding (${backendLabel})`, () => {
  let t: TestApp;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    // an empty database of its own: the shared test database already has categories, so it would never be seeded
    const fresh = await freshDatabase('sutwxapp_seed');
    drop = fresh.drop;
    t = await startTestApp({
      SEED_DEMO: 'true',
      ...(fresh.url ? { DATABASE_URL: fresh.url } : {}),
    });
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  it('fills an empty database at boot with a Chinese demo shop', async () => {
    const tree = (await t.http.get('/api/v1/catalog/categories').expect(200)).body as Array<{
      name: string;
      icon: string;
      children: unknown[];
    }>;
    expect(tree.map((c) => c.name)).toEqual(['数码', '服饰', '美妆', '食品', '家居', '母婴', '运动', '图书']);
    expect(tree.every((c) => c.children.length >= 2)).toBe(true);
    const all = (await t.http.get('/api/v1/catalog/products').query({ pageSize: 50 }).expect(200)).body;
    expect(all.total).toBe(60);
    const home = (await t.http.get('/api/v1/catalog/home').expect(200)).body;
    expect(home.banners).toHaveLength(3);
    expect(home.hot).toHaveLength(10);
    expect(home.newest).toHaveLength(10);
    expect(home.categories).toHaveLength(8);
    // hot is by sales, newest by creation time
    const sales = home.hot.map((p: { sales: number }) => p.sales);
    expect(sales).toEqual([...sales].sort((a: number, b: number) => b - a));
  });

  it('finds products by Chinese keyword and shows multi-axis SKUs', async () => {
    const found = (await t.http.get('/api/v1/catalog/products').query({ keyword: '蓝牙' }).expect(200)).body;
    expect(found.items.map((p: { title: string }) => p.title)).toEqual(
      expect.arrayContaining(['无线蓝牙耳机 Pro 主动降噪', '便携蓝牙音箱 Mini']),
    );
    const tee = (await t.http.get('/api/v1/catalog/products').query({ keyword: '纯棉圆领' }).expect(200)).body;
    expect(tee.total).toBe(1);
    const detail = (await t.http.get(`/api/v1/catalog/products/${tee.items[0].id}`).expect(200)).body;
    expect(detail.specAxes.map((a: { name: string }) => a.name)).toEqual(['颜色', '尺码']);
    expect(detail.skus).toHaveLength(12);
    for (const sku of detail.skus) {
      expect(Object.keys(sku.specs).sort()).toEqual(['尺码', '颜色']);
      expect(Number.isInteger(sku.price) && sku.price > 0).toBe(true);
    }
  });

  it('shows raster pictures made by the upload pipeline, served from /media with cache headers', async () => {
    const list = (await t.http.get('/api/v1/catalog/products').query({ pageSize: 1 }).expect(200)).body;
    const image = list.items[0].image as string;
    expect(image).toMatch(new RegExp(`^${t.config.publicBaseUrl}/media/[0-9a-f]{64}/750\\.jpg$`));
    const res = await t.http.get(new URL(image).pathname).expect(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toContain('immutable');
    const meta = await sharp(res.body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 750, 750]);
    const detail = (await t.http.get(`/api/v1/catalog/products/${list.items[0].id}`).expect(200)).body;
    expect(detail.images.every((u: string) => !u.endsWith('.svg'))).toBe(true);
    const home = (await t.http.get('/api/v1/catalog/home').expect(200)).body;
    const banner = await t.http.get(new URL(home.banners[0].image).pathname).expect(200);
    expect((await sharp(banner.body as Buffer).metadata()).width).toBe(750);
    // category icons are drawn for 240 px
    const icon = await t.http.get(new URL(home.categories[0].icon).pathname).expect(200);
    expect((await sharp(icon.body as Buffer).metadata()).width).toBe(240);
    // the pictures are the shop's own media: listed for operators, READY
    const admin = await createAdmin(t);
    const media = (await t.http.get('/api/v1/admin/media').query({ pageSize: 100 }).set(admin.auth).expect(200)).body;
    expect(media.total).toBe(demoImageFiles().size);
    expect(media.items.every((m: { status: string; ownerType: string }) => m.status === 'READY')).toBe(true);
    // the bundled SVG route still answers for catalogs seeded before media existed
    const missing = await t.http.get('/api/v1/assets/demo/no-such.svg').expect(404);
    expect(missing.body.statusCode).toBe(404);
    for (const path of ['/api/v1/assets/demo/../../package.json', '/api/v1/assets/demo/%2e%2e/%2e%2e/package.json']) {
      const escape = await t.http.get(path);
      expect([403, 404]).toContain(escape.status);
      expect(escape.text).not.toContain('sutwxapp');
    }
  });

  it('never seeds twice', async () => {
    expect(await t.app.get(DemoSeeder).seedIfEmpty()).toBeNull();
    expect((await t.http.get('/api/v1/catalog/products').expect(200)).body.total).toBe(60);
  });
});

describe('demo images', () => {
  it('are committed, in step with the demo data, and small', () => {
    const dir = findAssetsDir();
    expect(dir).not.toBeNull();
    let total = 0;
    for (const [name, svg] of demoImageFiles()) {
      const file = join(dir as string, 'demo', name);
      expect([name, existsSync(file)]).toEqual([name, true]);
      total += statSync(file).size;
      expect(Buffer.byteLength(svg)).toBe(statSync(file).size);
    }
    expect(total).toBeLessThan(300 * 1024);
  });
});
