import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { buyer, createCategory, placeOrder } from './support/factories';
import { photoPng } from './support/images';
import { beijingToday, createOperator, type Operator } from './support/service-fixtures';
import { consoleSuite, describeBrowser, launchBrowser, popupsClosed, startConsoleApp } from './support/browser';
import { backendLabel, type TestApp } from './support/test-app';

const ROOT = join(__dirname, '../../..');
const OUT = join(ROOT, 'test-output/admin-journey');

/** `¥7,190.87` → 719087, in whole numbers (the screen's text, parsed without floats). */
function fenOf(text: string): number {
  const [yuan, cents] = text.replace(/[¥,\s]/g, '').split('.');
  return Number(yuan) * 100 + Number(cents ?? 0);
}

interface Today {
  gmv: number;
  paidOrders: number;
}

/**
 * One product's whole life in the console, in real headless Chromium (issue 24): an operations
 * operator creates a product with two spec axes (2 × 2 = 4 SKUs) and a PNG uploaded through the
 * page, on the shelf; the shopper catalog serves it with its 4 SKUs and the image; a shopper
 * orders one SKU and pays in the WeChat Pay sandbox (a signed notification); the owner's
 * dashboard counts it, in agreement with the analytics API; operations ships it from the order
 * screen; customer service has no refund button (and the API answers 403); finance refunds it.
 * Every screen is photographed under test-output/admin-journey and checked with axe-core.
 * The tests build on each other in order.
 */
describeBrowser(`Merchant console: product to refund journey in Chromium (${backendLabel})`, () => {
  let t: TestApp;
  let browser: Browser;
  let owner: Operator;
  let ops: Operator;
  let cs: Operator;
  let finance: Operator;
  let categoryName: string;
  const title = `旅行T恤-${randomUUID().slice(0, 6)}`;
  let productId: number;
  let order: { id: number; orderNo: string; payableAmount: number };
  let beforePayment: Today;

  beforeAll(async () => {
    t = await startConsoleApp(OUT, {
      WECHAT_WORKER_INTERVAL_MS: '100',
      WECHAT_RETRY_BASE_MS: '100',
      MONGODB_URI: '',
    });
    // A test app listens on a random port, so the configured public URL (port 0) points nowhere;
    // point image URLs at this server, as an operator sets PUBLIC_BASE_URL to the shop's address.
    t.config.publicBaseUrl = t.baseUrl;
    t.config.media.publicBaseUrl = `${t.baseUrl}/media`;
    [owner, ops, cs, finance] = await Promise.all([
      createOperator(t, 'owner'),
      createOperator(t, 'operations', 'yunying'),
      createOperator(t, 'customer_service', 'kefu'),
      createOperator(t, 'finance', 'caiwu'),
    ]);
    categoryName = `服装-${randomUUID().slice(0, 6)}`;
    await createCategory(t, owner, { name: categoryName });
    browser = await launchBrowser();
  }, 300_000);
  const { check } = consoleSuite(OUT, () => ({ browser, t }));

  async function signedIn(who: Operator): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${t.baseUrl}/admin/`);
    await page.getByLabel('用户名').fill(who.username);
    await page.getByLabel('密码').fill(who.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-test="whoami"]', { hasText: who.username }).waitFor();
    return page;
  }

  /** Picks an option of a TDesign select named by its aria-label. */
  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.locator(`[aria-label="${label}"]`).first().click();
    await page.locator('.t-popup:visible .t-select-option').filter({ hasText: option }).first().click();
    await popupsClosed(page);
  }

  /** Today's paid GMV and orders (Beijing day) from the analytics API the dashboard reads. */
  async function today(): Promise<Today> {
    const report = await t.http
      .get('/api/v1/admin/analytics/daily-sales')
      .query({ from: beijingToday() })
      .set(owner.auth)
      .expect(200);
    const day = (report.body.days as Today[]).at(-1);
    return { gmv: day?.gmv ?? 0, paidOrders: day?.paidOrders ?? 0 };
  }

  it('operations creates a product with two spec axes, an uploaded picture, on the shelf', async () => {
    const page = await signedIn(ops);
    await page.goto(`${t.baseUrl}/admin/products/new`);
    await page.getByLabel('标题', { exact: true }).fill(title);
    await page.getByLabel('副标题（选填）').fill('速干面料，出行必备');
    await choose(page, '分类', categoryName);
    await page.getByLabel('商品详情（选填）').fill('100% 聚酯纤维');

    // a real PNG through the page's file input: uploaded, shown as the cover
    const png = join(OUT, 'product.png');
    writeFileSync(png, await photoPng(800, 800));
    await page.setInputFiles('#product-image-files', png);
    const cover = page.getByRole('img', { name: '商品图片 1' });
    await cover.waitFor();
    await page.getByText('封面').waitFor();
    // the thumbnail really rendered (the media URL points at this server); evaluated in the page
    // (a string: this file is compiled without the DOM types)
    await page.waitForFunction(
      `(() => { const img = document.querySelector('[data-test="product-images"] img'); return img !== null && img.complete && img.naturalWidth > 0; })()`,
    );

    // two axes: 2 × 2 = 4 rows, then one price and stock for all
    await page.getByRole('button', { name: '添加规格' }).click();
    await page.getByLabel('规格 1 名称').fill('颜色');
    await page.getByLabel('规格 1 的值（用逗号分隔）').fill('红，蓝');
    await page.getByRole('button', { name: '添加规格' }).click();
    await page.getByLabel('规格 2 名称').fill('尺码');
    await page.getByLabel('规格 2 的值（用逗号分隔）').fill('S, M');
    const rows = page.locator('[data-test="sku-table"] tbody tr');
    await page.locator('[data-test="sku-table"] caption', { hasText: '共 4 个 SKU' }).waitFor();
    expect((await rows.allInnerTexts()).map((r) => r.trim())).toEqual(['红 / S', '红 / M', '蓝 / S', '蓝 / M']);

    // nothing reaches the API until every price is an amount in yuan
    await page.getByRole('button', { name: '创建商品' }).click();
    await page.locator('[data-test="skus-error"]', { hasText: '红 / S：价格请填' }).waitFor();

    await page.getByLabel('统一价格（元）').fill('59.90');
    await page.getByLabel('统一库存').fill('20');
    await page.getByRole('button', { name: '填充全部' }).click();
    await page.getByLabel('蓝 / M 价格（元）').fill('64.9');
    await page.getByLabel('蓝 / M 编码').fill('TEE-BLUE-M');
    expect(await page.locator('[data-test="on-shelf"]').isChecked()).toBe(true);
    await check(page, '01-product-new');

    await page.getByRole('button', { name: '创建商品' }).click();
    await page.waitForURL(/\/admin\/products\/\d+$/);
    productId = Number(/products\/(\d+)$/.exec(page.url())?.[1]);
    // the saved product loads back: existing SKUs' stock is read-only, with the hint
    await page.locator('[data-test="stock-hint"]').waitFor();
    expect(await page.getByLabel('标题', { exact: true }).inputValue()).toBe(title);
    expect(await page.getByLabel('蓝 / M 价格（元）').inputValue()).toBe('64.90');
    expect(await page.locator('[data-test="sku-table"] input[aria-label="红 / S 库存"]').count()).toBe(0);
    await page.getByRole('img', { name: '商品图片 1' }).waitFor();
    await check(page, '02-product-saved');

    const saved = await t.http.get(`/api/v1/admin/products/${productId}`).set(ops.auth).expect(200);
    expect(saved.body).toMatchObject({ title, subtitle: '速干面料，出行必备', onShelf: true });
    expect(saved.body.specAxes).toEqual([
      { name: '颜色', values: ['红', '蓝'] },
      { name: '尺码', values: ['S', 'M'] },
    ]);
    expect(
      (saved.body.skus as Array<{ specs: object; price: number; stock: number; code: string | null }>).map((s) => ({
        specs: s.specs,
        price: s.price,
        stock: s.stock,
        code: s.code,
      })),
    ).toEqual(
      expect.arrayContaining([
        { specs: { 颜色: '红', 尺码: 'S' }, price: 5990, stock: 20, code: null },
        { specs: { 颜色: '红', 尺码: 'M' }, price: 5990, stock: 20, code: null },
        { specs: { 颜色: '蓝', 尺码: 'S' }, price: 5990, stock: 20, code: null },
        { specs: { 颜色: '蓝', 尺码: 'M' }, price: 6490, stock: 20, code: 'TEE-BLUE-M' },
      ]),
    );
    expect(saved.body.skus).toHaveLength(4);
    await page.context().close();
  });

  it('customer service may look at the product but has nothing to save', async () => {
    const page = await signedIn(cs);
    await page.goto(`${t.baseUrl}/admin/products/${productId}`);
    await page.locator('[data-test="read-only"]').waitFor();
    await page.getByRole('img', { name: '商品图片 1' }).waitFor();
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
    expect(await page.locator('#product-image-files').count()).toBe(0);
    expect(await page.getByLabel('标题', { exact: true }).isDisabled()).toBe(true);
    await check(page, '03-product-read-only');
    await page.context().close();
  });

  it('the shopper catalog serves it with 4 SKUs and the image; a shopper orders one SKU and pays', async () => {
    const detail = await t.http.get(`/api/v1/catalog/products/${productId}`).expect(200);
    expect(detail.body.title).toBe(title);
    expect(detail.body.skus).toHaveLength(4);
    expect(detail.body.images).toEqual([
      expect.stringMatching(new RegExp(`^${t.baseUrl}/media/[0-9a-f]{64}/750\\.jpg$`)),
    ]);
    // the picture is really there, as a JPEG
    const image = await t.http.get(new URL(detail.body.images[0] as string).pathname).expect(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    const list = await t.http.get('/api/v1/catalog/products').query({ categoryId: detail.body.categoryId }).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: productId, image: detail.body.images[0], minPrice: 5990 }),
    ]);

    const blueM = (detail.body.skus as Array<{ id: number; specs: Record<string, string>; price: number }>).find(
      (s) => s.specs['颜色'] === '蓝' && s.specs['尺码'] === 'M',
    );
    expect(blueM?.price).toBe(6490);
    const who = await buyer(t);
    const { shopper } = who;
    beforePayment = await today();
    const { order: created } = await placeOrder(t, { buyer: who, items: [{ skuId: blueM!.id, quantity: 1 }] });
    order = { id: created.id, orderNo: created.orderNo, payableAmount: created.payableAmount };
    await t.http.post(`/api/v1/orders/${order.id}/pay`).set(shopper.auth).expect(200);
    // the sandbox pays and sends WeChat Pay's signed notification to this server
    const paid = await t.http.post(`/api/v1/sandbox/orders/${order.id}/simulate-payment`).set(shopper.auth).expect(200);
    expect(paid.body.delivered).toBe(true);
    expect((await t.http.get(`/api/v1/orders/${order.id}`).set(shopper.auth).expect(200)).body.status).toBe('PAID');
  });

  it("the owner's dashboard counts the payment, as the analytics API does", async () => {
    const afterPayment = await today();
    // this suite's payment is in today's figures (other suites may add theirs on a shared database)
    expect(afterPayment.gmv - beforePayment.gmv).toBeGreaterThanOrEqual(order.payableAmount);
    expect(afterPayment.paidOrders - beforePayment.paidOrders).toBeGreaterThanOrEqual(1);

    const page = await signedIn(owner);
    await page.waitForURL(/\/admin\/dashboard/);
    await page.locator('[data-test="today-figures"][aria-busy="false"] [data-test="gmv"]').waitFor();
    const shownGmv = fenOf(await page.locator('[data-test="gmv"]').innerText());
    const shownPaid = Number(await page.locator('[data-test="paid-orders"]').innerText());
    const later = await today();
    expect(shownGmv).toBeGreaterThanOrEqual(afterPayment.gmv);
    expect(shownGmv).toBeLessThanOrEqual(later.gmv);
    expect(shownPaid).toBeGreaterThanOrEqual(afterPayment.paidOrders);
    expect(shownPaid).toBeLessThanOrEqual(later.paidOrders);
    await check(page, '04-dashboard');
    await page.context().close();
  });

  it('operations ships the order from the order screen', async () => {
    const page = await signedIn(ops);
    await page.goto(`${t.baseUrl}/admin/orders/${order.id}`);
    expect(await page.locator('[data-test="order-status"]').innerText()).toBe('待发货');
    await page.getByRole('cell', { name: title }).first().waitFor();
    await check(page, '05-order-paid');
    await page.getByRole('button', { name: '发货' }).click();
    await choose(page, '包裹 1 快递公司', '顺丰速运');
    await page.getByLabel('包裹 1 运单号').fill('SF3000000003');
    await check(page, '06-ship-dialog');
    await page.locator('.t-dialog').getByRole('button', { name: '确认发货' }).click();
    await page.locator('[data-test="order-status"]', { hasText: '待收货' }).waitFor();
    await page.locator('[data-test="shipments"] tbody tr', { hasText: 'SF3000000003' }).waitFor();
    await check(page, '07-order-shipped');
    const shipped = await t.http.get(`/api/v1/admin/orders/${order.id}`).set(ops.auth).expect(200);
    expect(shipped.body.status).toBe('SHIPPED');
    await page.context().close();
  });

  it('customer service has no refund button and the API refuses; finance refunds with a reason', async () => {
    const kefu = await signedIn(cs);
    await kefu.goto(`${t.baseUrl}/admin/orders/${order.id}`);
    await kefu.getByText('微信支付交易单号').waitFor();
    expect(await kefu.getByRole('button', { name: '退款' }).count()).toBe(0);
    await check(kefu, '08-order-customer-service');
    const refused = await t.http
      .post(`/api/v1/admin/orders/${order.id}/refund`)
      .set(cs.auth)
      .send({ reason: '客服想退款' })
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await kefu.context().close();

    const fin = await signedIn(finance);
    await fin.goto(`${t.baseUrl}/admin/orders/${order.id}`);
    await fin.getByRole('button', { name: '退款' }).click();
    await fin.getByLabel('退款原因（买家可见，最多 80 字）').fill('买家拒收，协商退款');
    await check(fin, '09-refund-dialog');
    await fin.getByRole('button', { name: '确认退款' }).click();
    // the sandbox's refund notification arrives in the background
    await fin.locator('[data-test="order-status"]', { hasText: /退款中|已退款/ }).waitFor();
    for (let i = 0; i < 50; i++) {
      if ((await fin.locator('[data-test="order-status"]').innerText()) === '已退款') break;
      await fin.waitForTimeout(200);
      await fin.reload();
      await fin.locator('[data-test="order-status"]').waitFor();
    }
    expect(await fin.locator('[data-test="order-status"]').innerText()).toBe('已退款');
    // the refunds table comes from a request of its own, which may answer after the status
    await fin.locator('[data-test="refunds"] tbody tr', { hasText: '买家拒收，协商退款' }).waitFor();
    expect(await fin.locator('[data-test="refunds"] tbody tr').first().innerText()).toContain('买家拒收，协商退款');
    await check(fin, '10-order-refunded');
    const refunded = await t.http.get(`/api/v1/admin/orders/${order.id}`).set(finance.auth).expect(200);
    expect(refunded.body.status).toBe('REFUNDED');
    await fin.context().close();
  });

  it('operations adds a size (two new SKUs, stock typed only for them) and makes a second picture the cover', async () => {
    const page = await signedIn(ops);
    await page.goto(`${t.baseUrl}/admin/products/${productId}`);
    await page.locator('[data-test="stock-hint"]').waitFor();
    const before = (await t.http.get(`/api/v1/admin/products/${productId}`).set(ops.auth).expect(200)).body;
    const firstImage = before.images[0] as string;

    await page.setInputFiles('#product-image-files', {
      name: 'back.png',
      mimeType: 'image/png',
      buffer: await photoPng(600, 600),
    });
    await page.getByRole('img', { name: '商品图片 2' }).waitFor();
    await page.getByRole('button', { name: '图片 2 左移' }).click();

    await page.getByLabel('规格 2 的值（用逗号分隔）').fill('S, M, L');
    await page.locator('[data-test="sku-table"] caption', { hasText: '共 6 个 SKU' }).waitFor();
    // saved SKUs show their stock as text; the new ones take it typed
    expect(await page.locator('[data-test="sku-table"] input[aria-label="红 / S 库存"]').count()).toBe(0);
    await page.getByLabel('红 / L 价格（元）').fill('69');
    await page.getByLabel('红 / L 库存').fill('5');
    await page.getByLabel('蓝 / L 价格（元）').fill('69.00');
    await page.getByLabel('蓝 / L 库存').fill('6');
    await check(page, '11-product-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-test="sku-table"] tbody tr', { hasText: '蓝 / L' }).locator('text=新增').waitFor({
      state: 'detached',
    });

    const after = (await t.http.get(`/api/v1/admin/products/${productId}`).set(ops.auth).expect(200)).body;
    expect(after.specAxes[1]).toEqual({ name: '尺码', values: ['S', 'M', 'L'] });
    expect(after.skus).toHaveLength(6);
    const bySpecs = (color: string, size: string) =>
      (after.skus as Array<{ specs: Record<string, string>; price: number; stock: number }>).find(
        (s) => s.specs['颜色'] === color && s.specs['尺码'] === size,
      );
    expect(bySpecs('红', 'L')).toMatchObject({ price: 6900, stock: 5 });
    expect(bySpecs('蓝', 'L')).toMatchObject({ price: 6900, stock: 6 });
    // the SKU sold (shipped, then refunded: the goods are out, its stock stays down) keeps its stock: saving never writes it
    expect(bySpecs('蓝', 'M')?.stock).toBe(
      (before.skus as Array<{ specs: Record<string, string>; stock: number }>).find(
        (s) => s.specs['颜色'] === '蓝' && s.specs['尺码'] === 'M',
      )?.stock,
    );
    expect(after.images).toHaveLength(2);
    expect(after.images[1]).toBe(firstImage);
    await page.context().close();
  });
});
