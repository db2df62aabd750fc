import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProductEntity } from '../src/modules/catalog/entities/product.entity';
import { uniqueTag } from './support/catalog-helpers';
import { type Admin, createAdmin, createCategory, createProduct } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/*
 * Product search through the index (docs/search.md). Every product title carries this file's
 * tag and every query names it, so the tests hold on a shared MariaDB full of other tests'
 * products; the tag is one more word that must match, exactly like a shopper's second word.
 */
describe(`catalog search (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;
  let db: DataSource;
  const tag = uniqueTag();
  const ids: Record<string, number> = {};
  let audio: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    db = t.app.get<DataSource>(getDataSourceToken());
    const digital = await createCategory(t, admin, { name: `数码-${tag}` });
    audio = await createCategory(t, admin, { name: '耳机音响', parentId: digital });
    const speakers = await createCategory(t, admin, { name: '音箱', parentId: digital });
    const clothes = await createCategory(t, admin, { name: `服装-${tag}` });
    const make = async (key: string, categoryId: number, title: string, subtitle: string | null = null) => {
      ids[key] = (await createProduct(t, { admin, categoryId, title, subtitle })).productId;
    };
    await make('earphones', audio, `无线蓝牙耳机 降噪 ${tag}`);
    await make('speaker', speakers, `蓝牙音箱 便携 ${tag}`);
    // "耳机" only in the category (earphone stand) and only in the subtitle (a cable)
    await make('stand', audio, `木质支架 ${tag}`);
    await make('cable', digital, `编织数据线 ${tag}`, '适用于耳机和手机');
    await make('airpods', digital, `ＡｉｒＰｏｄｓ Pro 第二代 ${tag}`);
    await make('dress', clothes, `碎花连衣裙 夏季 ${tag}`);
    await make('case', digital, `透明手机壳 ${tag}`);
    await make('phone', digital, `智能手机 ${tag}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  const search = async (keyword: string, extra: Record<string, string | number> = {}): Promise<number[]> => {
    const res = await t.http
      .get('/api/v1/catalog/products')
      .query({ keyword: `${tag} ${keyword}`, pageSize: 50, ...extra })
      .expect(200);
    const body = res.body as { items: Array<{ id: number }>; total: number };
    expect(body.total).toBe(body.items.length);
    return body.items.map((p) => p.id);
  };

  it('finds the Bluetooth earphones by two words, in any order, with or without a space', async () => {
    for (const q of ['蓝牙 耳机', '耳机 蓝牙', '蓝牙耳机', '无线耳机']) {
      const found = await search(q);
      expect({ q, first: found[0] }).toEqual({ q, first: ids.earphones });
      expect(found).not.toContain(ids.speaker); // 蓝牙 but no 耳机
    }
    expect(await search('蓝牙')).toEqual(expect.arrayContaining([ids.earphones, ids.speaker]));
    expect(await search('蓝牙 键盘')).toEqual([]);
  });

  it('ranks a title match over a category match over a description match', async () => {
    expect(await search('耳机')).toEqual([ids.earphones, ids.stand, ids.cable]);
  });

  it('ranks equal matches by sales', async () => {
    await db.getRepository(ProductEntity).increment({ id: ids.speaker }, 'sales', 7);
    // both have 蓝牙 in the title; the speaker now sells more. A catalog write refreshes the cached page.
    await t.http.patch(`/api/v1/admin/products/${ids.case}`).set(admin.auth).send({ subtitle: '防摔' }).expect(200);
    expect(await search('蓝牙')).toEqual([ids.speaker, ids.earphones]);
  });

  it('keeps an explicit sort', async () => {
    const newest = await search('蓝牙', { sort: 'newest' });
    expect(newest).toEqual([ids.speaker, ids.earphones]);
    expect(newest).toEqual((await search('蓝牙', { sort: 'newest' })).sort((a, b) => b - a));
  });

  it('matches the start of a word for short queries, case- and width-insensitively', async () => {
    expect(await search('耳')).toEqual(expect.arrayContaining([ids.earphones, ids.stand, ids.cable]));
    expect(await search('air')).toEqual([ids.airpods]);
    expect(await search('AIRPODS')).toEqual([ids.airpods]);
    expect(await search('连衣')).toEqual([ids.dress]);
    // no infix matches: "pods" is not the start of a word
    expect(await search('pods')).toEqual([]);
  });

  it('needs every character of a compound query: 手机壳 is not every phone', async () => {
    expect(await search('手机壳')).toEqual([ids.case]);
    expect(await search('手机')).toEqual(expect.arrayContaining([ids.case, ids.phone, ids.cable]));
  });

  it('treats punctuation and LIKE wildcards as separators, never as wildcards', async () => {
    expect(await search('%')).toEqual(await search(''));
    const res = await t.http.get('/api/v1/catalog/products').query({ keyword: '%_\\' }).expect(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });

  it('follows the product through create, edit, off-shelf, category rename and delete', async () => {
    const cat = await createCategory(t, admin, { name: `厨具-${tag}` });
    const { productId } = await createProduct(t, { admin, categoryId: cat, title: `不锈钢炒锅 ${tag}` });
    expect(await search('炒锅')).toEqual([productId]);

    await t.http
      .patch(`/api/v1/admin/products/${productId}`)
      .set(admin.auth)
      .send({ title: `陶瓷汤锅 ${tag}` })
      .expect(200);
    expect(await search('炒锅')).toEqual([]);
    expect(await search('汤锅')).toEqual([productId]);

    await t.http.patch(`/api/v1/admin/products/${productId}`).set(admin.auth).send({ onShelf: false }).expect(200);
    expect(await search('汤锅')).toEqual([]);
    // operators still find it
    const adminFound = await t.http
      .get('/api/v1/admin/products')
      .set(admin.auth)
      .query({ keyword: `汤锅 ${tag}` })
      .expect(200);
    expect((adminFound.body as { items: Array<{ id: number }> }).items.map((p) => p.id)).toEqual([productId]);
    await t.http.patch(`/api/v1/admin/products/${productId}`).set(admin.auth).send({ onShelf: true }).expect(200);
    expect(await search('汤锅')).toEqual([productId]);

    await t.http
      .patch(`/api/v1/admin/categories/${cat}`)
      .set(admin.auth)
      .send({ name: `锅具-${tag}` })
      .expect(200);
    expect(await search('锅具')).toEqual([productId]);
    expect(await search('厨具')).toEqual([]);

    await t.http.delete(`/api/v1/admin/products/${productId}`).set(admin.auth).expect(204);
    expect(await search('汤锅')).toEqual([]);
    const rows = (await db.query('SELECT COUNT(*) AS n FROM product_search_terms WHERE product_id = ?', [
      productId,
    ])) as Array<{ n: unknown }>;
    expect(Number(rows[0].n)).toBe(0);
  });

  it('moves a product to another category in the index', async () => {
    const { productId } = await createProduct(t, { admin, categoryId: audio, title: `挂耳支架 ${tag}` });
    expect(await search('耳机音响 挂耳')).toEqual([productId]);
    const other = await createCategory(t, admin, { name: `收纳-${tag}` });
    await t.http.patch(`/api/v1/admin/products/${productId}`).set(admin.auth).send({ categoryId: other }).expect(200);
    expect(await search('耳机音响 挂耳')).toEqual([]);
    expect(await search('收纳 挂耳')).toEqual([productId]);
  });
});

/*
 * Bounded work (docs/search.md): a search ranks and counts at most SEARCH_MAX_RESULTS matches.
 * With a cap of 5 and 8 matching products, the 5 best (title matches) are ranked and paged,
 * `total` is 5 with `totalIsLowerBound`, and a search under the cap stays exact.
 */
describe(`catalog search past its cap (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;
  const tag = uniqueTag();
  const titled: number[] = [];
  const described: number[] = [];

  beforeAll(async () => {
    t = await startTestApp({ SEARCH_MAX_RESULTS: '5' });
    admin = await createAdmin(t);
    const cat = await createCategory(t, admin, { name: `杂货-${tag}` });
    for (let i = 0; i < 6; i++) {
      titled.push((await createProduct(t, { admin, categoryId: cat, title: `${tag} 保温杯 ${i}号` })).productId);
    }
    for (let i = 0; i < 2; i++) {
      const p = await createProduct(t, { admin, categoryId: cat, title: `折叠雨伞 ${i}号`, subtitle: `赠品 ${tag}` });
      described.push(p.productId);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  type Body = { items: Array<{ id: number }>; total: number; totalIsLowerBound?: boolean };
  const get = async (query: Record<string, string | number>, path = '/api/v1/catalog/products'): Promise<Body> =>
    (await t.http.get(path).set(admin.auth).query(query).expect(200)).body as Body;

  it('ranks only the best matches and reports the cap as a lower bound', async () => {
    const body = await get({ keyword: tag, pageSize: 50 });
    expect(body.total).toBe(5);
    expect(body.totalIsLowerBound).toBe(true);
    expect(body.items).toHaveLength(5);
    // title matches outrank the subtitle-only ones, which fall past the cap
    for (const p of body.items) expect(titled).toContain(p.id);
  });

  it('pages through the capped matches without repeats and ends at the cap', async () => {
    const all = (await get({ keyword: tag, pageSize: 50 })).items.map((p) => p.id);
    const paged: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const body = await get({ keyword: tag, pageSize: 2, page });
      expect({ page, total: body.total, lowerBound: body.totalIsLowerBound }).toEqual({
        page,
        total: 5,
        lowerBound: true,
      });
      paged.push(...body.items.map((p) => p.id));
    }
    expect(paged).toEqual(all);
    // an uncached deep page (past the cached ones) ends at the cap too
    const deep = await get({ keyword: tag, pageSize: 1, page: 6 });
    expect(deep).toMatchObject({ items: [], total: 5, totalIsLowerBound: true });
  });

  it('stays exact under the cap, starting a two-word search from its rarer word', async () => {
    const body = await get({ keyword: `${tag} 雨伞`, pageSize: 50 });
    expect(body.total).toBe(2);
    expect(body).not.toHaveProperty('totalIsLowerBound');
    expect(body.items.map((p) => p.id).sort((a, b) => a - b)).toEqual([...described].sort((a, b) => a - b));
    const cups = await get({ keyword: `保温杯 ${tag} 3号`, pageSize: 50 });
    expect(cups.items.map((p) => p.id)).toEqual([titled[3]]);
    expect(cups.total).toBe(1);
  });

  it('caps the operators’ search the same way', async () => {
    const body = await get({ keyword: tag, pageSize: 50 }, '/api/v1/admin/products');
    expect(body).toMatchObject({ total: 5, totalIsLowerBound: true });
    expect(body.items).toHaveLength(5);
    const plain = await get({ pageSize: 5 }, '/api/v1/admin/products');
    expect(plain).not.toHaveProperty('totalIsLowerBound');
  });
});
