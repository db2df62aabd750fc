import { placeOrder, createShopper, createAddress, sampleAddress, createProduct, setShelf } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

describe(`cart (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('adds, merges the same SKU, changes quantity, selects and removes', async () => {
    const shopper = await createShopper(t);
    const p = await createProduct(t, { stock: 20, price: 1500, skus: 2 });
    await t.http.post('/api/v1/cart/items').set(shopper.auth).send({ skuId: p.skuIds[0], quantity: 2 }).expect(201);
    const merged = await t.http
      .post('/api/v1/cart/items')
      .set(shopper.auth)
      .send({ skuId: p.skuIds[0], quantity: 3 })
      .expect(201);
    expect(merged.body.items).toHaveLength(1);
    expect(merged.body.items[0]).toMatchObject({
      skuId: p.skuIds[0],
      quantity: 5,
      price: 1500,
      state: 'available',
      selected: true,
    });
    expect(merged.body.items[0].specs).toEqual({ 尺码: 'S' });
    const two = await t.http
      .post('/api/v1/cart/items')
      .set(shopper.auth)
      .send({ skuId: p.skuIds[1], quantity: 1 })
      .expect(201);
    expect(two.body.selectedTotal).toBe(5 * 1500 + 1600);
    expect(two.body.selectedCount).toBe(6);
    const itemId = two.body.items.find((i: { skuId: number }) => i.skuId === p.skuIds[0]).id as number;
    const changed = await t.http
      .patch(`/api/v1/cart/items/${itemId}`)
      .set(shopper.auth)
      .send({ quantity: 1 })
      .expect(200);
    expect(changed.body.selectedTotal).toBe(1500 + 1600);
    const deselected = await t.http
      .patch(`/api/v1/cart/items/${itemId}`)
      .set(shopper.auth)
      .send({ selected: false })
      .expect(200);
    expect(deselected.body.selectedTotal).toBe(1600);
    await t.http.delete(`/api/v1/cart/items/${itemId}`).set(shopper.auth).expect(204);
    const view = await t.http.get('/api/v1/cart/items').set(shopper.auth).expect(200);
    expect(view.body.items.map((i: { skuId: number }) => i.skuId)).toEqual([p.skuIds[1]]);
  });

  it('shows off-shelf and short items as unavailable and leaves them out of the total', async () => {
    const shopper = await createShopper(t);
    const gone = await createProduct(t, { stock: 5, price: 1000 });
    const scarce = await createProduct(t, { stock: 3, price: 700 });
    await t.http.post('/api/v1/cart/items').set(shopper.auth).send({ skuId: gone.skuIds[0], quantity: 1 }).expect(201);
    await t.http
      .post('/api/v1/cart/items')
      .set(shopper.auth)
      .send({ skuId: scarce.skuIds[0], quantity: 3 })
      .expect(201);
    await setShelf(t, gone.productId, false);
    // someone else buys 2 of the scarce SKU through the real order API
    await placeOrder(t, { items: [{ skuId: scarce.skuIds[0], quantity: 2 }] });
    const view = await t.http.get('/api/v1/cart/items').set(shopper.auth).expect(200);
    const bySku = Object.fromEntries(view.body.items.map((i: { skuId: number; state: string }) => [i.skuId, i.state]));
    expect(bySku[gone.skuIds[0]]).toBe('off_shelf');
    expect(bySku[scarce.skuIds[0]]).toBe('insufficient_stock');
    expect(view.body.selectedTotal).toBe(0);
  });

  it('refuses more than the stock, off-shelf SKUs, unknown SKUs and bad quantities', async () => {
    const shopper = await createShopper(t);
    const p = await createProduct(t, { stock: 2 });
    const tooMany = await t.http
      .post('/api/v1/cart/items')
      .set(shopper.auth)
      .send({ skuId: p.skuIds[0], quantity: 3 })
      .expect(409);
    expect(tooMany.body.code).toBe('OUT_OF_STOCK');
    await t.http.post('/api/v1/cart/items').set(shopper.auth).send({ skuId: 99999999, quantity: 1 }).expect(404);
    for (const quantity of [0, -1, 1.5, '2', 100000]) {
      const res = await t.http
        .post('/api/v1/cart/items')
        .set(shopper.auth)
        .send({ skuId: p.skuIds[0], quantity })
        .expect(400);
      expect(res.body.errors[0].field).toBe('quantity');
    }
    const off = await createProduct(t, { onShelf: false });
    const res = await t.http
      .post('/api/v1/cart/items')
      .set(shopper.auth)
      .send({ skuId: off.skuIds[0], quantity: 1 })
      .expect(409);
    expect(res.body.code).toBe('PRODUCT_UNAVAILABLE');
  });

  it("never shows or touches another shopper's cart item (404)", async () => {
    const owner = await createShopper(t);
    const intruder = await createShopper(t);
    const p = await createProduct(t);
    const added = await t.http
      .post('/api/v1/cart/items')
      .set(owner.auth)
      .send({ skuId: p.skuIds[0], quantity: 1 })
      .expect(201);
    const itemId = added.body.items[0].id as number;
    await t.http.patch(`/api/v1/cart/items/${itemId}`).set(intruder.auth).send({ quantity: 2 }).expect(404);
    await t.http.delete(`/api/v1/cart/items/${itemId}`).set(intruder.auth).expect(404);
    const intruderView = await t.http.get('/api/v1/cart/items').set(intruder.auth).expect(200);
    expect(intruderView.body.items).toEqual([]);
    const ownerView = await t.http.get('/api/v1/cart/items').set(owner.auth).expect(200);
    expect(ownerView.body.items[0].quantity).toBe(1);
  });
});

describe(`addresses (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, reads, updates and deletes with exactly one default', async () => {
    const shopper = await createShopper(t);
    const first = await t.http.post('/api/v1/addresses').set(shopper.auth).send(sampleAddress).expect(201);
    expect(first.body).toMatchObject({ ...sampleAddress, isDefault: true });
    const second = await t.http
      .post('/api/v1/addresses')
      .set(shopper.auth)
      .send({ ...sampleAddress, receiverName: 'Ōsaka 大阪 🏯', isDefault: true })
      .expect(201);
    expect(second.body.isDefault).toBe(true);
    let list = await t.http.get('/api/v1/addresses').set(shopper.auth).expect(200);
    expect(list.body.filter((a: { isDefault: boolean }) => a.isDefault).map((a: { id: number }) => a.id)).toEqual([
      second.body.id,
    ]);
    await t.http
      .patch(`/api/v1/addresses/${first.body.id}`)
      .set(shopper.auth)
      .send({ isDefault: true, detail: '新地址 2 号' })
      .expect(200);
    list = await t.http.get('/api/v1/addresses').set(shopper.auth).expect(200);
    expect(list.body.filter((a: { isDefault: boolean }) => a.isDefault).map((a: { id: number }) => a.id)).toEqual([
      first.body.id,
    ]);
    expect(list.body.find((a: { id: number }) => a.id === first.body.id).detail).toBe('新地址 2 号');
    // deleting the default promotes another one
    await t.http.delete(`/api/v1/addresses/${first.body.id}`).set(shopper.auth).expect(204);
    list = await t.http.get('/api/v1/addresses').set(shopper.auth).expect(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ id: second.body.id, isDefault: true, receiverName: 'Ōsaka 大阪 🏯' });
  });

  it('validates mainland mobiles and required fields with field messages', async () => {
    const shopper = await createShopper(t);
    for (const phone of ['12800138000', '1380013800', '+8613800138000', 13800138000]) {
      const res = await t.http
        .post('/api/v1/addresses')
        .set(shopper.auth)
        .send({ ...sampleAddress, phone })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('phone');
    }
    const blank = await t.http
      .post('/api/v1/addresses')
      .set(shopper.auth)
      .send({ ...sampleAddress, detail: '   ' })
      .expect(400);
    expect(blank.body.errors[0].field).toBe('detail');
    const list = await t.http.get('/api/v1/addresses').set(shopper.auth).expect(200);
    expect(list.body).toEqual([]);
  });

  it('keeps at most 20 addresses', async () => {
    const shopper = await createShopper(t);
    for (let i = 0; i < 20; i++) await createAddress(t, shopper, { detail: `第 ${i} 号` });
    const res = await t.http.post('/api/v1/addresses').set(shopper.auth).send(sampleAddress).expect(409);
    expect(res.body.code).toBe('ADDRESS_LIMIT_REACHED');
  });

  it("answers 404 for another shopper's address on every route", async () => {
    const owner = await createShopper(t);
    const intruder = await createShopper(t);
    const id = await createAddress(t, owner);
    await t.http.get(`/api/v1/addresses/${id}`).set(intruder.auth).expect(404);
    await t.http.patch(`/api/v1/addresses/${id}`).set(intruder.auth).send({ detail: 'x' }).expect(404);
    await t.http.delete(`/api/v1/addresses/${id}`).set(intruder.auth).expect(404);
    const mine = await t.http.get(`/api/v1/addresses/${id}`).set(owner.auth).expect(200);
    expect(mine.body.detail).toBe(sampleAddress.detail);
    await t.http.get('/api/v1/addresses/abc').set(owner.auth).expect(400);
  });
});
