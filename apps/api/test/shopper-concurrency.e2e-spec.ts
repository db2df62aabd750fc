import { buyer, createShopper, sampleAddress, createProduct, submitOrder } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/**
 * Per-shopper limits and rules under parallel requests (issue 16). On SQLite writes are serial
 * anyway; on MariaDB these failed before the shopper's row lock: duplicate-key 500s, 111 cart
 * lines, 30 addresses.
 */
describe(`Shopper writes under concurrency and hostile text (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('adds one SKU 12 times in parallel as one line of 12, never a 500', async () => {
    const s = await createShopper(t);
    const p = await createProduct(t, { stock: 100 });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.http.post('/api/v1/cart/items').set(s.auth).send({ skuId: p.skuIds[0], quantity: 1 }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    const cart = await t.http.get('/api/v1/cart').set(s.auth).expect(200);
    expect(cart.body.items).toHaveLength(1);
    expect(cart.body.items[0].quantity).toBe(12);
  });

  it('keeps the cart at 100 lines when 140 different SKUs are added at once', async () => {
    const s = await createShopper(t);
    const skuIds: number[] = [];
    for (let i = 0; i < 28; i++) skuIds.push(...(await createProduct(t, { stock: 10, skus: 5 })).skuIds);
    const add = (skuId: number) => t.http.post('/api/v1/cart/items').set(s.auth).send({ skuId, quantity: 1 });
    const answers = await Promise.all(skuIds.map(add));
    // 140 adds queue on one shopper's row lock: some may be shed with a retryable 503 (bounded
    // wait for a database connection), never a 500 and never a 101st line
    expect(answers.every((a) => [201, 409, 503].includes(a.status))).toBe(true);
    const shed = skuIds.filter((_, i) => answers[i].status === 503);
    const retried = [];
    for (const skuId of shed) retried.push(await add(skuId));
    const all = [...answers.filter((a) => a.status !== 503), ...retried];
    expect(all.filter((a) => a.status === 201)).toHaveLength(100);
    expect(all.filter((a) => a.status !== 201).map((a) => a.body.code)).toEqual(Array(40).fill('CART_FULL'));
    const cart = await t.http.get('/api/v1/cart').set(s.auth).expect(200);
    expect(cart.body.items).toHaveLength(100);
  });

  it('keeps the address book at 20 when 60 addresses are created at once, with exactly one default', async () => {
    const s = await createShopper(t);
    const create = () => t.http.post('/api/v1/addresses').set(s.auth).send(sampleAddress);
    const answers = await Promise.all(Array.from({ length: 60 }, create));
    // as with the cart: a retryable 503 (shed while queued) is allowed, a 500 or a 21st address is not
    expect(answers.every((a) => [201, 409, 503].includes(a.status))).toBe(true);
    const all = answers.filter((a) => a.status !== 503);
    for (let i = 0; i < answers.length - all.length; i++) all.push(await create());
    expect(all.filter((a) => a.status === 201)).toHaveLength(20);
    expect(all.filter((a) => a.status !== 201).map((a) => a.body.code)).toEqual(
      Array(40).fill('ADDRESS_LIMIT_REACHED'),
    );
    const list = await t.http.get('/api/v1/addresses').set(s.auth).expect(200);
    expect(list.body).toHaveLength(20);
    expect(list.body.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
  });

  it.each([
    ['CR/LF in the detail', { detail: '科技园\r\n南区' }],
    ['NUL in the receiver name', { receiverName: '张\u0000三' }],
    ['a blank province', { province: '   ' }],
    ['a null city', { city: null }],
    ['a right-to-left override in the detail', { detail: '1 栋 \u202E101' }],
    ['an over-long district', { district: '区'.repeat(33) }],
  ])('refuses an address edit with %s, as create does', async (_name, patch) => {
    const { shopper: s, addressId: id } = await buyer(t);
    const create = await t.http
      .post('/api/v1/addresses')
      .set(s.auth)
      .send({ ...sampleAddress, ...patch });
    expect(create.status).toBe(400);
    const res = await t.http.patch(`/api/v1/addresses/${id}`).set(s.auth).send(patch);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const stored = await t.http.get(`/api/v1/addresses/${id}`).set(s.auth).expect(200);
    expect(stored.body).toMatchObject({ detail: sampleAddress.detail, province: sampleAddress.province });
  });

  it.each([
    ['a right-to-left override', '请尽快发货\u202Egnp.exe'],
    ['a bidi isolate', '备注\u2066隐藏\u2069'],
    ['a newline', '第一行\n第二行'],
    ['an escape character', '备注\u001b[31m'],
  ])('refuses an order remark and a nickname with %s', async (_name, text) => {
    const { shopper: s, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 5 });
    const order = await submitOrder(t, s, { items: [{ skuId: p.skuIds[0], quantity: 1 }], addressId, remark: text });
    expect(order.status).toBe(400);
    const profile = await t.http.patch('/api/v1/me').set(s.auth).send({ nickname: text });
    expect(profile.status).toBe(400);
  });

  it('still takes emoji and every script in remarks and nicknames', async () => {
    const { shopper: s, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 5 });
    await submitOrder(t, s, {
      items: [{ skuId: p.skuIds[0], quantity: 1 }],
      addressId,
      remark: '请包装好🎁 مرحبا',
    }).expect(201);
    await t.http.patch('/api/v1/me').set(s.auth).send({ nickname: '小明😀' }).expect(200);
  });
});
