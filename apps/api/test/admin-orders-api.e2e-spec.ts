import { randomInt, randomUUID } from 'node:crypto';
import type { OperatorRole } from '@sutwxapp/contracts';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import type { Response } from 'supertest';
import { AdminAccountService } from '../src/modules/auth/admin-account.service';
import { createProduct, type CreatedProduct, createShopper, placeOrder, type Shopper } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

const EXPORT_MAX_ROWS = 3;

/** upload_shipping_info's body as the sandbox recorded it */
interface UploadBody {
  delivery_mode: number;
  is_all_delivered?: boolean;
  shipping_list: Array<{ tracking_no: string; express_company: string; item_desc: string }>;
}

/** The raw bytes of an answer (the CSV's byte-order mark must survive, so no text decoding). */
function bytes(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const beijingToday = (days = 0): string =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
/** A mobile number no other test uses (the list is filtered by it on a shared database). */
const uniquePhone = (): string => `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

/**
 * The console's order API (issue 24): the admin list's filters, sorting and paging, the CSV
 * export, split shipping with parcels, bulk shipping from a file, the payment and refunds of an
 * order, and who may do which.
 */
describe(`admin orders for the console (${backendLabel})`, () => {
  let t: TestApp;
  let sandbox: WechatSandbox;
  const tokens = {} as Record<OperatorRole, { Authorization: string }>;

  beforeAll(async () => {
    t = await startTestApp({
      ORDER_EXPORT_MAX_ROWS: String(EXPORT_MAX_ROWS),
      WECHAT_WORKER_INTERVAL_MS: '100',
      WECHAT_RETRY_BASE_MS: '100',
      SWEEP_INTERVAL_MS: '3600000',
      MONGODB_URI: '',
    });
    sandbox = t.sandbox;
    for (const role of ['owner', 'operations', 'customer_service', 'finance'] as const) {
      const username = `${role.slice(0, 4)}-${randomUUID().slice(0, 8)}`;
      const password = `pw-${randomUUID()}`;
      await t.app.get(AdminAccountService).create(username, password, role);
      const res = await t.http.post('/api/v1/auth/admin-login').send({ username, password }).expect(200);
      tokens[role] = { Authorization: `Bearer ${res.body.accessToken as string}` };
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  interface Placed {
    id: number;
    orderNo: string;
    payableAmount: number;
    shopper: Shopper;
    transactionId: string | null;
  }

  /** A shopper's order of `quantity` pieces of each SKU, paid in the sandbox unless `pay` is false. */
  async function order(
    product: CreatedProduct,
    opts: { phone: string; quantity?: number; pay?: boolean; remark?: string; skus?: number[] },
  ): Promise<Placed> {
    const { shopper, order: placed } = await placeOrder(t, {
      address: { phone: opts.phone },
      items: (opts.skus ?? [product.skuIds[0]]).map((skuId) => ({ skuId, quantity: opts.quantity ?? 1 })),
      body: opts.remark ? { remark: opts.remark } : {},
    });
    let transactionId: string | null = null;
    if (opts.pay !== false) {
      await t.http.post(`/api/v1/orders/${placed.id}/pay`).set(shopper.auth).expect(200);
      const paid = await sandbox.simulatePayment(placed.orderNo);
      expect(paid.deliveries[0].delivered).toBe(true);
      transactionId = paid.transaction.transaction_id as string;
    }
    return {
      id: placed.id,
      orderNo: placed.orderNo,
      payableAmount: placed.payableAmount,
      shopper,
      transactionId,
    };
  }

  const list = (query: Record<string, string | number>, role: OperatorRole = 'operations') =>
    t.http.get('/api/v1/admin/orders').query(query).set(tokens[role]);
  const ids = (res: Response): number[] => (res.body.items as Array<{ id: number }>).map((o) => o.id);

  describe('the list', () => {
    let x: CreatedProduct;
    let y: CreatedProduct;
    let a: Placed;
    let b: Placed;
    let c: Placed;
    const phone1 = uniquePhone();
    const phone2 = uniquePhone();

    beforeAll(async () => {
      x = await createProduct(t, { skus: 1, price: 1990, title: `列表商品X-${randomUUID().slice(0, 8)}` });
      y = await createProduct(t, { skus: 1, price: 500, title: `列表商品Y-${randomUUID().slice(0, 8)}` });
      a = await order(x, { phone: phone1, quantity: 1 });
      b = await order(y, { phone: phone2, pay: false });
      c = await order(x, { phone: phone2, quantity: 3 });
    });

    it('filters by product title or id, status, receiver phone (whole or tail) and order number', async () => {
      const byTitle = await list({ product: x.title }).expect(200);
      expect(byTitle.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      // newest first by default
      expect(ids(byTitle)).toEqual([c.id, a.id]);
      expect(byTitle.body.items[0]).toMatchObject({
        orderNo: c.orderNo,
        status: 'PAID',
        userId: c.shopper.userId,
        address: { phone: phone2 },
        shipments: [],
        refundRequestedAt: null,
      });
      // digits alone are a product id, never digits in a title
      expect(ids(await list({ product: String(y.productId) }).expect(200))).toEqual([b.id]);
      expect((await list({ product: '99999999999' }).expect(200)).body.total).toBe(0);
      // a title word matches, case and wildcards taken literally
      expect(ids(await list({ product: x.title.slice(0, 12) }).expect(200))).toEqual(
        expect.arrayContaining([a.id, c.id]),
      );
      expect((await list({ product: '%' }).expect(200)).body.items).not.toContainEqual(
        expect.objectContaining({ id: a.id }),
      );

      expect(ids(await list({ phone: phone2 }).expect(200))).toEqual([c.id, b.id]);
      expect(ids(await list({ phone: phone1.slice(-4), product: x.title }).expect(200))).toEqual([a.id]);
      expect(ids(await list({ status: 'PENDING_PAYMENT', phone: phone2 }).expect(200))).toEqual([b.id]);
      expect(ids(await list({ status: 'PAID', phone: phone2 }).expect(200))).toEqual([c.id]);
      expect(ids(await list({ orderNo: a.orderNo }).expect(200))).toEqual([a.id]);
      expect(ids(await list({ orderNo: a.orderNo.slice(0, 14), phone: phone1 }).expect(200))).toEqual([a.id]);
    });

    it('filters by Beijing days, sorts by amount either way and pages', async () => {
      expect(ids(await list({ product: x.title, from: beijingToday(), to: beijingToday() }).expect(200))).toHaveLength(
        2,
      );
      expect((await list({ product: x.title, to: beijingToday(-1) }).expect(200)).body.total).toBe(0);
      expect((await list({ product: x.title, from: beijingToday(1) }).expect(200)).body.total).toBe(0);

      // c holds 3 pieces, a one: c pays more
      expect(ids(await list({ product: x.title, sort: 'payableAmount', order: 'asc' }).expect(200))).toEqual([
        a.id,
        c.id,
      ]);
      expect(ids(await list({ product: x.title, sort: 'payableAmount', order: 'desc' }).expect(200))).toEqual([
        c.id,
        a.id,
      ]);
      expect(ids(await list({ phone: phone2, sort: 'createdAt', order: 'asc' }).expect(200))).toEqual([b.id, c.id]);
      expect(ids(await list({ phone: phone2, sort: 'paidAt', order: 'desc' }).expect(200))).toEqual([c.id, b.id]);

      const second = await list({ product: x.title, pageSize: 1, page: 2 }).expect(200);
      expect(second.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(ids(second)).toEqual([a.id]);
    });

    it('refuses bad filters with 400 VALIDATION_FAILED naming the field', async () => {
      const bad: Array<[Record<string, string>, string]> = [
        [{ status: 'SENT' }, 'status'],
        [{ from: '2025-1-5' }, 'from'],
        [{ from: '2025-02-30' }, 'from'],
        [{ to: 'yesterday' }, 'to'],
        [{ from: '2025-03-02', to: '2025-03-01' }, 'from'],
        [{ orderNo: '2025%' }, 'orderNo'],
        [{ phone: '138-0013' }, 'phone'],
        [{ phone: '123' }, 'phone'],
        [{ product: 'x'.repeat(65) }, 'product'],
        [{ sort: 'price' }, 'sort'],
        [{ order: 'up' }, 'order'],
        [{ pageSize: '51' }, 'pageSize'],
        [{ page: '0' }, 'page'],
        [{ colour: 'red' }, 'colour'],
      ];
      for (const [query, field] of bad) {
        const res = await list(query).expect(400);
        expect({ query, code: res.body.code, field: res.body.errors?.[0]?.field }).toEqual({
          query,
          code: 'VALIDATION_FAILED',
          field,
        });
        expect(res.body.message).toEqual(expect.any(String));
      }
      // the message says what to type
      const day = await list({ from: '2025-02-30' }).expect(400);
      expect(day.body.errors[0].message).toContain('yyyy-MM-dd');
    });

    it('exports the filtered list as CSV: BOM, Chinese headers, yuan from fen exactly, formulas defused', async () => {
      const risky = await order(y, { phone: uniquePhone(), remark: '=HYPERLINK("http://evil","点我")' });
      const res = await t.http
        .get('/api/v1/admin/orders/export.csv')
        .query({ product: x.title })
        .set(tokens.finance)
        .buffer(true)
        .parse(bytes)
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain('attachment');
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.toString('utf8').slice(1).split('\r\n');
      expect(lines.at(-1)).toBe('');
      const [header, ...rows] = lines.slice(0, -1);
      expect(header.split(',')).toEqual([
        '订单号',
        '下单时间（北京时间）',
        '状态',
        '收货人',
        '收货手机',
        '收货地址',
        '商品',
        '件数',
        '商品金额（元）',
        '运费（元）',
        '优惠（元）',
        '实付金额（元）',
        '支付时间（北京时间）',
        '快递公司',
        '运单号',
        '发货时间（北京时间）',
        '买家备注',
      ]);
      // the list's order (newest first); 22-digit order numbers kept as text for Excel
      expect(rows.map((r) => r.split(',')[0])).toEqual([`${c.orderNo}\t`, `${a.orderNo}\t`]);
      const cells = rows[0].split(',');
      expect(cells[2]).toBe('待发货');
      expect(cells[4]).toBe(phone2);
      expect(cells[7]).toBe('3');
      expect(cells[8]).toBe('59.70'); // 3 × ¥19.90
      const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
      expect(cells[11]).toBe(yuan(c.payableAmount));
      expect(cells[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(cells[1].slice(0, 10)).toBe(beijingToday());

      const remark = await t.http
        .get('/api/v1/admin/orders/export.csv')
        .query({ orderNo: risky.orderNo })
        .set(tokens.owner)
        .buffer(true)
        .parse(bytes)
        .expect(200);
      const line = (remark.body as Buffer).toString('utf8').split('\r\n')[1];
      // quoted (it holds a comma and quotes) and starting with an apostrophe, so never a formula
      expect(line.endsWith(`"'=HYPERLINK(""http://evil"",""点我"")"`)).toBe(true);
    });

    it('refuses an export over ORDER_EXPORT_MAX_ROWS with the counts, and bad filters like the list', async () => {
      const res = await t.http.get('/api/v1/admin/orders/export.csv').set(tokens.owner).expect(400);
      expect(res.body).toMatchObject({ code: 'EXPORT_TOO_LARGE', max: EXPORT_MAX_ROWS, total: expect.any(Number) });
      expect(res.body.total).toBeGreaterThan(EXPORT_MAX_ROWS);
      expect(res.body.message).toContain('缩小');
      const bad = await t.http.get('/api/v1/admin/orders/export.csv').query({ to: '2025-13-01' }).set(tokens.owner);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      // paging means nothing to an export
      await t.http.get('/api/v1/admin/orders/export.csv').query({ page: 2 }).set(tokens.owner).expect(400);
    });
  });

  describe('shipping', () => {
    const ship = (id: number, body: object, role: OperatorRole = 'operations') =>
      t.http.post(`/api/v1/admin/orders/${id}/ship`).set(tokens[role]).send(body);

    it('ships in two itemised parcels; the shopper sees both and WeChat gets a split delivery', async () => {
      const p = await createProduct(t, { skus: 2, title: `分包商品-${randomUUID().slice(0, 8)}` });
      const o = await order(p, { phone: uniquePhone(), quantity: 2, skus: p.skuIds });
      const before = sandbox.platform.uploads.length;
      const res = await ship(o.id, {
        parcels: [
          { carrierCode: 'shunfeng', trackingNo: 'SF100000001', items: [{ skuId: p.skuIds[0], quantity: 2 }] },
          {
            carrierCode: 'yuantong',
            trackingNo: 'YT200000002',
            items: [{ skuId: p.skuIds[1], quantity: 2 }],
          },
        ],
      }).expect(200);
      expect(res.body).toMatchObject({
        status: 'SHIPPED',
        shipment: { carrierCode: 'shunfeng', trackingNo: 'SF100000001' },
        shipments: [
          {
            carrierCode: 'shunfeng',
            carrierName: '顺丰速运',
            trackingNo: 'SF100000001',
            items: [{ skuId: p.skuIds[0], quantity: 2 }],
          },
          {
            carrierCode: 'yuantong',
            carrierName: '圆通速递',
            trackingNo: 'YT200000002',
            items: [{ skuId: p.skuIds[1], quantity: 2 }],
          },
        ],
      });
      const mine = await t.http.get(`/api/v1/orders/${o.id}`).set(o.shopper.auth).expect(200);
      expect(mine.body.shipments.map((s: { trackingNo: string }) => s.trackingNo)).toEqual([
        'SF100000001',
        'YT200000002',
      ]);

      const upload = await eventually(async () => {
        const r = await t.http.get(`/api/v1/admin/orders/${o.id}/wechat-shipping`).set(tokens.customer_service);
        return r.status === 200 && r.body.status === 'DONE' ? r.body : null;
      }, 'the shipping-info upload');
      expect(upload.parcels).toEqual([
        { carrierCode: 'shunfeng', trackingNo: 'SF100000001' },
        { carrierCode: 'yuantong', trackingNo: 'YT200000002' },
      ]);
      const sent = sandbox.platform.uploads
        .slice(before)
        .map((u) => u.body as unknown as UploadBody)
        .find((b) => b.shipping_list.some((s) => s.tracking_no === 'SF100000001'))!;
      expect(sent).toMatchObject({ delivery_mode: 2, is_all_delivered: true });
      expect(sent.shipping_list.map((s) => [s.tracking_no, s.express_company])).toEqual([
        ['SF100000001', 'SF'],
        ['YT200000002', 'YTO'],
      ]);
      // each parcel says what is in it
      expect(sent.shipping_list[0].item_desc).toBe(`${p.title}×2`);
      expect(sent.shipping_list[1].item_desc).toBe(`${p.title}×2`);

      // shipped once: a second ship is a state conflict
      const again = await ship(o.id, { carrierCode: 'yuantong', trackingNo: 'YT999999999' }).expect(409);
      expect(again.body.code).toBe('ILLEGAL_ORDER_STATE');
    });

    it('refuses parcels that do not add up, twice the same number, unknown carriers and both forms at once', async () => {
      const p = await createProduct(t, { skus: 2 });
      const o = await order(p, { phone: uniquePhone(), quantity: 2, skus: p.skuIds });
      const refusals: Array<[object, number, string]> = [
        [
          {
            parcels: [
              { carrierCode: 'yuantong', trackingNo: 'YT300000001', items: [{ skuId: p.skuIds[0], quantity: 2 }] },
              { carrierCode: 'yuantong', trackingNo: 'YT300000002', items: [{ skuId: p.skuIds[1], quantity: 1 }] },
            ],
          },
          400,
          'PARCEL_ITEMS_MISMATCH',
        ],
        [
          {
            parcels: [
              { carrierCode: 'yuantong', trackingNo: 'YT300000001', items: [{ skuId: p.skuIds[0], quantity: 2 }] },
              { carrierCode: 'yuantong', trackingNo: 'YT300000002' },
            ],
          },
          400,
          'PARCEL_ITEMS_MISMATCH',
        ],
        [
          {
            parcels: [
              { carrierCode: 'yuantong', trackingNo: 'YT300000001', items: [{ skuId: 999999999, quantity: 4 }] },
            ],
          },
          400,
          'PARCEL_ITEMS_MISMATCH',
        ],
        [
          {
            parcels: [
              { carrierCode: 'yuantong', trackingNo: 'YT300000001' },
              { carrierCode: 'YuanTong', trackingNo: 'YT300000001' },
            ],
          },
          400,
          'VALIDATION_FAILED',
        ],
        [{ parcels: [{ carrierCode: 'pigeon', trackingNo: 'PG300000001' }] }, 400, 'CARRIER_NOT_SUPPORTED'],
        [
          {
            carrierCode: 'yuantong',
            trackingNo: 'YT300000001',
            parcels: [{ carrierCode: 'yuantong', trackingNo: 'YT1' }],
          },
          400,
          'VALIDATION_FAILED',
        ],
        [{ parcels: [] }, 400, 'VALIDATION_FAILED'],
        [
          {
            parcels: Array.from({ length: 16 }, (_, i) => ({
              carrierCode: 'yuantong',
              trackingNo: `YT40000000${i + 10}`,
            })),
          },
          400,
          'VALIDATION_FAILED',
        ],
        [{ parcels: [{ carrierCode: 'yuantong', trackingNo: 'x' }] }, 400, 'VALIDATION_FAILED'],
        [{}, 400, 'VALIDATION_FAILED'],
      ];
      for (const [body, status, code] of refusals) {
        const res = await ship(o.id, body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
      }
      // nothing was shipped by any of them
      const still = await t.http.get(`/api/v1/admin/orders/${o.id}`).set(tokens.operations).expect(200);
      expect(still.body).toMatchObject({ status: 'PAID', shipments: [], shipment: null });
      // the single-parcel form still works as before
      await ship(o.id, { carrierCode: ' YuanTong ', trackingNo: 'YT300000009' }).expect(200);
    });

    it('bulk-ships from file rows: one result per row, rows of one order become its parcels, bad rows held back', async () => {
      const p = await createProduct(t, { skus: 1, stock: 50 });
      const phone = uniquePhone();
      const [one, two, three, four] = [
        await order(p, { phone }),
        await order(p, { phone }),
        await order(p, { phone }),
        await order(p, { phone, pay: false }),
      ];
      const res = await t.http
        .post('/api/v1/admin/orders/bulk-ship')
        .set(tokens.operations)
        .send({
          rows: [
            { line: 2, orderNo: one.orderNo, carrierCode: 'yuantong', trackingNo: 'YT500000001' },
            { line: 3, orderNo: '20991231000000999999', carrierCode: 'yuantong', trackingNo: 'YT500000002' },
            { line: 4, orderNo: two.orderNo, carrierCode: '中通快递', trackingNo: 'ZT500000003' },
            { line: 5, orderNo: two.orderNo, carrierCode: 'yunda', trackingNo: 'YD500000004' },
            { line: 6, orderNo: three.orderNo, carrierCode: 'yuantong', trackingNo: 'no!' },
            { line: 7, orderNo: four.orderNo, carrierCode: 'yuantong', trackingNo: 'YT500000007' },
            { line: 8, orderNo: three.orderNo, carrierCode: 'yuantong', trackingNo: 'YT500000008' },
          ],
        })
        .expect(200);
      expect(res.body).toMatchObject({ shippedOrders: 2, failedRows: 4 });
      const byLine = Object.fromEntries(
        (res.body.rows as Array<{ line: number; ok: boolean; error: { code: string; message: string } | null }>).map(
          (r) => [r.line, r.ok ? 'ok' : r.error!.code],
        ),
      );
      expect(byLine).toEqual({
        2: 'ok',
        3: 'ORDER_NOT_FOUND',
        4: 'ok',
        5: 'ok',
        6: 'VALIDATION_FAILED',
        7: 'ILLEGAL_ORDER_STATE',
        8: 'VALIDATION_FAILED',
      });
      const rows = res.body.rows as Array<{ line: number; orderId: number | null; error: { message: string } | null }>;
      expect(rows[0].orderId).toBe(one.id);
      expect(rows[1].error!.message).toContain('不存在');
      expect(rows[4].error!.message).toContain('第 6 行');
      expect(rows[6].error!.message).toContain('第 6 行');

      const shippedTwo = await t.http.get(`/api/v1/admin/orders/${two.id}`).set(tokens.operations).expect(200);
      expect(
        shippedTwo.body.shipments.map((s: { carrierCode: string; trackingNo: string }) => [
          s.carrierCode,
          s.trackingNo,
        ]),
      ).toEqual([
        ['zhongtong', 'ZT500000003'],
        ['yunda', 'YD500000004'],
      ]);
      const heldBack = await t.http.get(`/api/v1/admin/orders/${three.id}`).set(tokens.operations).expect(200);
      expect(heldBack.body.status).toBe('PAID');

      // the request itself is bounded
      const none = await t.http.post('/api/v1/admin/orders/bulk-ship').set(tokens.operations).send({ rows: [] });
      expect(none.status).toBe(400);
      const tooMany = await t.http
        .post('/api/v1/admin/orders/bulk-ship')
        .set(tokens.operations)
        .send({
          rows: Array.from({ length: 501 }, () => ({ orderNo: '1', carrierCode: 'yuantong', trackingNo: 'YT1234' })),
        });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('payment, refunds and roles', () => {
    it('shows the payment and what is still refundable, before and after a finance refund', async () => {
      const p = await createProduct(t, { skus: 1, price: 3333 });
      const o = await order(p, { phone: uniquePhone(), quantity: 2 });
      const info = await t.http.get(`/api/v1/admin/orders/${o.id}/payment`).set(tokens.customer_service).expect(200);
      expect(info.body).toMatchObject({
        orderId: o.id,
        payment: { outTradeNo: o.orderNo, transactionId: o.transactionId, amount: o.payableAmount, status: 'SUCCESS' },
        refunds: [],
        refundedAmount: 0,
        refundableAmount: o.payableAmount,
      });

      // customer service and operations may not refund; finance may
      expect(
        (await t.http.post(`/api/v1/admin/orders/${o.id}/refund`).set(tokens.customer_service).send({ reason: '协商' }))
          .status,
      ).toBe(403);
      expect(
        (await t.http.post(`/api/v1/admin/orders/${o.id}/refund`).set(tokens.operations).send({ reason: '协商' }))
          .status,
      ).toBe(403);
      await t.http
        .post(`/api/v1/admin/orders/${o.id}/refund`)
        .set(tokens.finance)
        .send({ reason: '缺货，协商退款' })
        .expect(200);
      const after = await t.http.get(`/api/v1/admin/orders/${o.id}/payment`).set(tokens.finance).expect(200);
      expect(after.body).toMatchObject({
        refunds: [{ kind: 'admin', amount: o.payableAmount, reason: '缺货，协商退款', outRefundNo: `R${o.orderNo}` }],
        refundedAmount: o.payableAmount,
        refundableAmount: 0,
      });
      const detail = await t.http.get(`/api/v1/admin/orders/${o.id}`).set(tokens.finance).expect(200);
      expect(detail.body).toMatchObject({ refundReason: '缺货，协商退款', refundRequestedAt: expect.any(String) });

      // an unpaid order: nothing to refund; a missing one: 404
      const unpaid = await order(p, { phone: uniquePhone(), pay: false });
      const none = await t.http.get(`/api/v1/admin/orders/${unpaid.id}/payment`).set(tokens.owner).expect(200);
      expect(none.body).toMatchObject({ payment: null, refunds: [], refundableAmount: 0 });
      const missing = await t.http.get('/api/v1/admin/orders/2147483000/payment').set(tokens.owner).expect(404);
      expect(missing.body.code).toBe('ORDER_NOT_FOUND');
    });

    it('lets each role reach only its rows of the permission table', async () => {
      const status = async (method: 'get' | 'post', path: string, role: OperatorRole, body?: object) =>
        (await t.http[method](`/api/v1${path}`).set(tokens[role]).send(body)).status;
      const bulk = { rows: [{ orderNo: '1', carrierCode: 'yuantong', trackingNo: 'YT1234' }] };
      // customer service reads orders but exports, ships and refunds nothing
      expect(await status('get', '/admin/orders?pageSize=1', 'customer_service')).toBe(200);
      expect(await status('get', '/admin/orders/export.csv?orderNo=1', 'customer_service')).toBe(403);
      expect(
        await status('post', '/admin/orders/1/ship', 'customer_service', {
          carrierCode: 'yuantong',
          trackingNo: 'YT1234',
        }),
      ).toBe(403);
      expect(await status('post', '/admin/orders/bulk-ship', 'customer_service', bulk)).toBe(403);
      // finance exports and refunds, never ships
      expect(await status('get', '/admin/orders/export.csv?orderNo=1', 'finance')).toBe(200);
      expect(await status('post', '/admin/orders/bulk-ship', 'finance', bulk)).toBe(403);
      // operations ships and exports
      expect(await status('get', '/admin/orders/export.csv?orderNo=1', 'operations')).toBe(200);
      expect(await status('post', '/admin/orders/bulk-ship', 'operations', bulk)).toBe(200);
      // shoppers get nothing of it
      const shopper = await createShopper(t);
      expect((await t.http.get('/api/v1/admin/orders/export.csv').set(shopper.auth)).status).toBe(403);
    });
  });
});
