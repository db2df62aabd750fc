import { execFileSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { AdminAccountService } from '../src/modules/auth/admin-account.service';
import { buyer, createProduct, placeOrder } from './support/factories';
import { consoleSuite, describeBrowser, launchBrowser } from './support/browser';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

const ROOT = join(__dirname, '../../..');
const OUT = join(ROOT, 'test-output/admin-orders');

/** ¥1,234.50 as the console writes it, from whole fen. */
const yuan = (fen: number): string =>
  `¥${Math.trunc(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(fen % 100).padStart(2, '0')}`;

interface Placed {
  id: number;
  orderNo: string;
  payableAmount: number;
}

/**
 * The console's order screens in real headless Chromium (issue 24): a shopper orders and pays
 * through the API (the WeChat Pay sandbox pays and notifies); an operations operator filters the
 * list (the URL keeps the filters across a reload), opens an order, ships it in two parcels,
 * bulk-ships another from a CSV file with one bad row reported, and exports the list; customer
 * service can't refund (no button, and 403 from the API); finance refunds. Each screen is
 * photographed under test-output/admin-orders and checked with axe-core.
 */
describeBrowser(`Merchant console: orders in Chromium (${backendLabel})`, () => {
  let t: TestApp;
  let browser: Browser;
  const password = `pw-${randomUUID()}`;
  const users = {
    ops: `ops-${randomUUID().slice(0, 6)}`,
    cs: `cs-${randomUUID().slice(0, 6)}`,
    finance: `fin-${randomUUID().slice(0, 6)}`,
  };
  // one phone for this suite's orders: the list is filtered by it (other suites share the database)
  const phone = `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  let title: string;
  let skuIds: number[];
  let split: Placed; // shipped in two parcels
  let bulk: Placed; // shipped from the CSV file
  let refunded: Placed; // refunded by finance

  beforeAll(async () => {
    // builds only when the console's sources changed since the last build
    execFileSync(process.execPath, [join(ROOT, 'scripts/admin-build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(OUT, { recursive: true });
    t = await startTestApp({
      ADMIN_CONSOLE_DIR: join(ROOT, 'dist/admin'),
      WECHAT_WORKER_INTERVAL_MS: '100',
      WECHAT_RETRY_BASE_MS: '100',
      MONGODB_URI: '',
    });
    const accounts = t.app.get(AdminAccountService);
    await accounts.create(users.ops, password, 'operations');
    await accounts.create(users.cs, password, 'customer_service');
    await accounts.create(users.finance, password, 'finance');

    // the shopper's side, through the API: two SKUs, three orders, each paid in the sandbox
    const product = await createProduct(t, { skus: 2, price: 1990, title: `蓝牙耳机-${randomUUID().slice(0, 6)}` });
    title = product.title;
    skuIds = product.skuIds;
    const who = await buyer(t, { phone });
    const { shopper } = who;
    const buy = async (items: Array<{ skuId: number; quantity: number }>): Promise<Placed> => {
      const { order } = await placeOrder(t, { buyer: who, items });
      await t.http.post(`/api/v1/orders/${order.id}/pay`).set(shopper.auth).expect(200);
      const paid = await t.http
        .post(`/api/v1/sandbox/orders/${order.id}/simulate-payment`)
        .set(shopper.auth)
        .expect(200);
      expect(paid.body.delivered).toBe(true);
      return { id: order.id, orderNo: order.orderNo, payableAmount: order.payableAmount };
    };
    split = await buy([
      { skuId: skuIds[0], quantity: 1 },
      { skuId: skuIds[1], quantity: 2 },
    ]);
    bulk = await buy([{ skuId: skuIds[0], quantity: 1 }]);
    refunded = await buy([{ skuId: skuIds[1], quantity: 3 }]);

    browser = await launchBrowser();
  }, 240_000);
  const { check } = consoleSuite(OUT, () => ({ browser, t }));

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1360, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${t.baseUrl}/admin/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    return page;
  }

  /** Picks an option of a TDesign select named by its aria-label. */
  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.locator(`[aria-label="${label}"]`).first().click();
    await page.locator('.t-popup:visible .t-select-option').filter({ hasText: option }).first().click();
  }

  // The order list's own rows: the bulk-ship dialog renders in place (inside the same page) and its
  // result table lists order numbers too, so an unscoped row could be the dialog's.
  const row = (page: Page, orderNo: string) =>
    page.locator('.page.orders-screen > .t-table').getByRole('row').filter({ hasText: orderNo });

  it('operations filters the list (kept across a reload), ships in two parcels, bulk-ships from CSV and exports', async () => {
    const page = await signedIn(users.ops);
    await page.locator('nav').getByText('订单').click();
    await page.waitForURL(/\/admin\/orders$/);
    await row(page, refunded.orderNo).waitFor();
    await check(page, '01-orders');

    // filters go into the URL: status and the receiver's phone
    await choose(page, '状态', '待发货');
    await page.getByLabel('收货手机').fill(phone);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('phone') === phone && url.searchParams.get('status') === 'PAID',
    );
    await row(page, split.orderNo).waitFor();
    await page.getByText('共 3 个订单').waitFor();
    // sort by amount, largest first: into the URL too, and the rows follow
    await choose(page, '排序', '实付金额 从高到低');
    await page.waitForURL(
      (url) => url.searchParams.get('sort') === 'payableAmount' && url.searchParams.get('order') === 'desc',
    );
    const byAmount = [split, bulk, refunded].sort((a, b) => b.payableAmount - a.payableAmount).map((o) => o.orderNo);
    await page.locator('tbody tr:first-child td:first-child', { hasText: byAmount[0] }).waitFor();
    expect((await page.locator('tbody tr td:first-child').allInnerTexts()).map((s) => s.trim())).toEqual(byAmount);
    const shared = page.url();

    // the link is the list: a reload (or a colleague opening it) shows the same filters and rows
    await page.reload();
    await page.getByText('共 3 个订单').waitFor();
    expect(page.url()).toBe(shared);
    expect(await page.getByLabel('收货手机').inputValue()).toBe(phone);
    const shown = await page.locator('tbody tr').allInnerTexts();
    expect(shown).toHaveLength(3);
    await check(page, '02-orders-filtered');

    // nothing matches: an empty state that says so
    await page.getByLabel('商品').fill('不存在的商品名');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('没有符合筛选条件的订单').waitFor();
    await check(page, '03-orders-empty');
    await page.goBack();
    await row(page, split.orderNo).waitFor();

    // the detail: timeline, payment with the WeChat Pay transaction id
    await row(page, split.orderNo).getByRole('link', { name: split.orderNo }).click();
    await page.waitForURL(new RegExp(`/admin/orders/${split.id}$`));
    await page.getByText('支付成功').waitFor();
    await page.getByText('微信支付交易单号').waitFor();
    await page.getByRole('cell', { name: title }).first().waitFor();
    expect(await page.locator('[data-test="order-status"]').innerText()).toBe('待发货');
    await check(page, '04-order-detail');

    // ship in two parcels, each with its own pieces
    await page.getByRole('button', { name: '发货' }).click();
    const dialog = page.locator('.t-dialog');
    await choose(page, '包裹 1 快递公司', '顺丰速运');
    await page.getByLabel('包裹 1 运单号').fill('SF1000000001');
    await dialog.getByRole('button', { name: '添加包裹' }).click();
    await choose(page, '包裹 2 快递公司', '圆通速递');
    await page.getByLabel('包裹 2 运单号').fill('YT2000000002');
    await dialog.getByText('按包裹分配商品').click();
    // parcel 1 keeps the first SKU, parcel 2 takes both pieces of the second
    const p1 = dialog.locator('[data-test="parcel-1"]');
    const p2 = dialog.locator('[data-test="parcel-2"]');
    await p1.locator('input[type="number"]').nth(1).fill('0');
    await p2.locator('input[type="number"]').nth(1).fill('2');
    await check(page, '05-ship-dialog');
    await dialog.getByRole('button', { name: '确认发货' }).click();
    await page.locator('[data-test="order-status"]', { hasText: '待收货' }).waitFor();
    const parcels = page.locator('[data-test="shipments"] tbody tr');
    await parcels.nth(1).waitFor();
    expect(await parcels.allInnerTexts()).toEqual([
      expect.stringMatching(/1\s+顺丰速运\s+SF1000000001\s+.*×1/),
      expect.stringMatching(/2\s+圆通速递\s+YT2000000002\s+.*×2/),
    ]);
    // WeChat's shipping-info upload runs in the background: reload until it says so
    for (let i = 0; i < 50; i++) {
      if ((await page.locator('[data-test="wechat-upload"]').innerText()).includes('已上传')) break;
      await page.waitForTimeout(200);
      await page.reload();
      await page.locator('[data-test="wechat-upload"]').waitFor();
    }
    expect(await page.locator('[data-test="wechat-upload"]').innerText()).toContain('已上传');
    await page.getByRole('button', { name: '重新上传' }).waitFor();
    await check(page, '06-order-shipped');
    const api = await t.http
      .get(`/api/v1/admin/orders/${split.id}`)
      .set('Authorization', `Bearer ${await token(users.ops)}`)
      .expect(200);
    expect(api.body.shipments).toEqual([
      expect.objectContaining({ trackingNo: 'SF1000000001', items: [{ skuId: skuIds[0], quantity: 1 }] }),
      expect.objectContaining({ trackingNo: 'YT2000000002', items: [{ skuId: skuIds[1], quantity: 2 }] }),
    ]);

    // bulk ship from a file as Excel writes it: BOM, CRLF, one good row and one bad one
    // back to the 待发货 list by its link, with its filters even though the upload loop above
    // reloaded the order's page (the tab keeps them)
    await page.reload();
    await page.getByText('← 返回订单列表').click();
    await page.waitForURL(/\/admin\/orders\?/);
    const params = (url: string) => [...new URL(url).searchParams].sort();
    expect(params(page.url())).toEqual(params(shared));
    await row(page, bulk.orderNo).waitFor();
    await page.getByRole('button', { name: '批量发货（CSV）' }).click();
    const file = `\uFEFF订单号,快递公司,运单号\r\n${bulk.orderNo},中通快递,ZT3000000003\r\n20991231000000000000,yuantong,YT3000000004\r\n`;
    await page.setInputFiles('#bulk-file', { name: '发货.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.locator('[data-test="bulk-parsed"]', { hasText: '2 行可发货' }).waitFor();
    await page.getByRole('button', { name: '开始发货' }).click();
    await page.locator('[data-test="bulk-summary"]', { hasText: '已发货 1 个订单，1 行未发货' }).waitFor();
    const results = page.locator('.t-dialog tbody tr');
    expect(await results.allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`2\\s+${bulk.orderNo}\\s+成功\\s+已发货`)),
      expect.stringMatching(/3\s+20991231000000000000\s+失败\s+订单号 20991231000000000000 不存在（ORDER_NOT_FOUND）/),
    ]);
    await check(page, '07-bulk-ship');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.locator('.t-dialog').waitFor({ state: 'detached' });
    // the list behind it was reloaded: the bulk-shipped order left 待发货
    await row(page, bulk.orderNo).waitFor({ state: 'detached' });

    // export what the list shows now (status cleared: every order of this shopper)
    await page.goto(`${t.baseUrl}/admin/orders?phone=${phone}`);
    await page.getByText('共 3 个订单').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^订单-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('订单号,下单时间（北京时间）,状态');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0].trim())
        .sort(),
    ).toEqual([split.orderNo, bulk.orderNo, refunded.orderNo].sort());
    const splitLine = lines.find((l) => l.startsWith(split.orderNo))!.split(',');
    expect(splitLine[11]).toBe(yuan(split.payableAmount).slice(1).replace(/,/g, ''));
    expect(splitLine[14]).toBe('SF1000000001；YT2000000002');

    // the remembered filters hold a shopper's phone: signing out forgets them in the tab
    const remembered = () => page.evaluate<string | null>("sessionStorage.getItem('sutwxapp.admin.orders.listQuery')");
    expect(await remembered()).toContain(phone);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/admin\/login/);
    expect((await remembered()) ?? '').not.toContain(phone);
    await page.context().close();
  });

  async function token(username: string): Promise<string> {
    const res = await t.http.post('/api/v1/auth/admin-login').send({ username, password }).expect(200);
    return res.body.accessToken as string;
  }

  it('customer service sees no refund button and the API refuses it; finance refunds with a reason', async () => {
    const cs = await signedIn(users.cs);
    await cs.goto(`${t.baseUrl}/admin/orders/${refunded.id}`);
    await cs.getByText('微信支付交易单号').waitFor();
    expect(await cs.getByRole('button', { name: '退款' }).count()).toBe(0);
    expect(await cs.getByRole('button', { name: '发货' }).count()).toBe(0);
    expect(await cs.getByRole('button', { name: '导出 CSV' }).count()).toBe(0);
    await check(cs, '08-order-customer-service');
    const refused = await t.http
      .post(`/api/v1/admin/orders/${refunded.id}/refund`)
      .set('Authorization', `Bearer ${await token(users.cs)}`)
      .send({ reason: '客服想退款' })
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await cs.context().close();

    const fin = await signedIn(users.finance);
    await fin.goto(`${t.baseUrl}/admin/orders/${refunded.id}`);
    await fin.getByRole('button', { name: '退款' }).click();
    // the exact amount, from integer fen
    expect(await fin.locator('[data-test="refund-amount"]').innerText()).toBe(yuan(refunded.payableAmount));
    // a reason is required before the API is asked
    await fin.getByRole('button', { name: '确认退款' }).click();
    await fin.getByText('请填写退款原因').waitFor();
    await fin.getByLabel('退款原因（买家可见，最多 80 字）').fill('缺货，与买家协商退款');
    await check(fin, '09-refund-dialog');
    await fin.getByRole('button', { name: '确认退款' }).click();
    await fin.locator('[data-test="order-status"]', { hasText: /退款中|已退款/ }).waitFor();
    const refunds = fin.locator('[data-test="refunds"] tbody tr');
    await refunds.first().waitFor();
    expect(await refunds.first().innerText()).toMatch(
      new RegExp(`整单退款\\s+${yuan(refunded.payableAmount)}.*缺货，与买家协商退款`, 's'),
    );
    // nothing left to refund: the button goes (exact name: the closing dialog's 确认退款 is not it)
    await fin.getByRole('button', { name: '退款', exact: true }).waitFor({ state: 'detached' });
    await check(fin, '10-order-refunded');
    await fin.context().close();
  });
});
