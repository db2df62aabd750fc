import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { EventWriterService } from '../src/modules/events/event-writer.service';
import { createProduct, type CreatedProduct, createShopper } from './support/factories';
import { photoJpeg } from './support/images';
import { afterSaleWithPhoto, completedOrderItem, createOperator, type Operator } from './support/service-fixtures';
import { waitFor } from './support/wait';
import { chooseOption, consoleSuite, describeBrowser, startConsoleApp, launchBrowser } from './support/browser';
import { backendLabel, type TestApp } from './support/test-app';

const ROOT = join(__dirname, '../../..');
const OUT = join(ROOT, 'test-output/admin-service');

/**
 * The console's customer-service screens in real headless Chromium (issue 24): a customer-service
 * operator approves an after-sale request, moderates and answers a review and clears a held
 * nickname; an operations operator creates and stops a coupon; the owner reads the audit log
 * filtered by operator and finds those actions. Every screen is photographed under
 * test-output/admin-service and checked with axe-core (no serious or critical violations).
 * The tests build on each other in order (the audit log reads what the first two did).
 */
describeBrowser(`Merchant console: after-sale, reviews, coupons, audit log in Chromium (${backendLabel})`, () => {
  let t: TestApp;
  let browser: Browser;
  let owner: Operator;
  let cs: Operator;
  let ops: Operator;
  let product: CreatedProduct;
  let afterSale: { id: number; refundAmount: number };
  let reviewId: number;
  let heldNickname: string;
  const couponName = `浏览器测试券-${randomUUID().slice(0, 4)}`;

  beforeAll(async () => {
    t = await startConsoleApp(OUT);
    [owner, cs, ops] = await Promise.all([
      createOperator(t, 'owner'),
      createOperator(t, 'customer_service', 'kefu'),
      createOperator(t, 'operations', 'yunying'),
    ]);
    // what the shop's customers left for customer service: a refund request with a photo, a
    // review of a completed order, a nickname WeChat wants a person to check
    product = await createProduct(t, { skus: 1, price: 12900, stock: 10, title: `保温杯-${randomUUID().slice(0, 4)}` });
    const buyer = await createShopper(t);
    const queued = await afterSaleWithPhoto(t, buyer, product, {
      reason: '杯身凹陷',
      description: '收到时外壳有明显凹痕',
      jpeg: await photoJpeg(320, 240),
      filename: 'dent.jpg',
    });
    afterSale = queued.request;
    const reviewer = await createShopper(t);
    const { orderItemId } = await completedOrderItem(t, reviewer, product);
    reviewId = (
      await t.http
        .post('/api/v1/reviews')
        .set(reviewer.auth)
        .send({ orderItemId, rating: 2, content: '保温效果一般，加微信领红包' })
        .expect(201)
    ).body.id as number;
    const nicknamed = await createShopper(t);
    heldNickname = `待人工审核-${randomUUID().slice(0, 6)}`;
    await t.http.patch('/api/v1/me').set(nicknamed.auth).send({ nickname: heldNickname }).expect(200);
    browser = await launchBrowser();
  }, 300_000);
  const { check, signIn, dialog, asApi } = consoleSuite(OUT, () => ({ browser, t }));
  const choose = chooseOption;

  it('customer service approves an after-sale request, hides and answers a review, clears a held nickname', async () => {
    const { context, page } = await signIn(cs);
    // no operators, audit log or coupons for customer service
    expect(await page.locator('nav').getByText('操作日志').count()).toBe(0);
    expect(await page.locator('nav').getByText('优惠券').count()).toBe(0);

    await page.locator('nav').getByText('售后', { exact: true }).click();
    await page.waitForURL(/\/admin\/aftersales/);
    await choose(page, '[data-test="status-filter"]', '待审核');
    await page.waitForURL(/status=REQUESTED/);
    const row = page.locator('[data-test="aftersale-table"] tr', { hasText: '杯身凹陷' });
    await row.waitFor();
    expect(await row.innerText()).toContain(product.title);
    expect(await row.innerText()).toContain('¥129.00');
    await check(page, '01-aftersale-queue');

    // the filter is in the URL: a shared link opens the same list (after signing in: a new tab
    // has its own session)
    const shared = await context.newPage();
    await shared.goto(page.url());
    await shared.getByLabel('用户名').fill(cs.username);
    await shared.getByLabel('密码').fill(cs.password);
    await shared.getByRole('button', { name: '登录' }).click();
    await shared.waitForURL(/\/admin\/aftersales\?status=REQUESTED/);
    await shared.locator('[data-test="aftersale-table"] tr', { hasText: '杯身凹陷' }).waitFor();
    await shared.close();

    await row.getByRole('button', { name: `查看售后 ${afterSale.id}` }).click();
    await page.waitForURL(new RegExp(`/admin/aftersales/${afterSale.id}$`));
    await page.locator('[data-test="line-title"]', { hasText: product.title }).waitFor();
    expect(await page.locator('[data-test="reason"]').innerText()).toBe('杯身凹陷');
    expect(await page.getByRole('img', { name: '售后照片 1' }).count()).toBe(1);
    await check(page, '02-aftersale-detail');
    await page.locator('[data-test="approve"]').click();
    await dialog(page).getByRole('button', { name: '同意' }).click();
    await page.locator('[data-test="aftersale-status"]', { hasText: /退款中|已退款/ }).waitFor();
    const decided = (await asApi(cs, `/admin/aftersales/${afterSale.id}`)).body;
    expect(['REFUNDING', 'REFUNDED']).toContain(decided.status);
    expect(await page.locator('[data-test="approve"]').count()).toBe(0);

    // reviews: the filters go into the URL, hide with a reason, then the one reply
    await page.locator('nav').getByText('评价', { exact: true }).click();
    await page.waitForURL(/\/admin\/reviews/);
    await page.locator('[data-test="product-filter"]').fill(String(product.productId));
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(new RegExp(`productId=${product.productId}`));
    await choose(page, '[data-test="rating-filter"]', '2 星');
    await page.waitForURL(/rating=2/);
    const reviewRow = page.locator('[data-test="review-table"] tr', { hasText: '加微信领红包' });
    await reviewRow.waitFor();
    await check(page, '03-reviews');
    await reviewRow.getByRole('button', { name: `隐藏评价 ${reviewId}` }).click();
    await dialog(page).locator('[data-test="reason-input"]').fill('含引流广告');
    await dialog(page).getByRole('button', { name: '隐藏' }).click();
    await reviewRow.getByText('已隐藏').waitFor();
    await reviewRow.getByRole('button', { name: `回复评价 ${reviewId}` }).click();
    await dialog(page).locator('[data-test="reason-input"]').fill('抱歉给您带来不好的体验，已为您安排售后');
    await dialog(page).getByRole('button', { name: '回复' }).click();
    await reviewRow.locator('[data-test="reply"]', { hasText: '已为您安排售后' }).waitFor();
    // one reply per review: the button is gone, and the API agrees
    expect(await reviewRow.getByRole('button', { name: `回复评价 ${reviewId}` }).count()).toBe(0);
    const review = (await asApi(cs, `/admin/reviews/${reviewId}`)).body;
    expect(review).toMatchObject({ status: 'HIDDEN', moderationNote: '含引流广告' });
    expect(review.reply.content).toBe('抱歉给您带来不好的体验，已为您安排售后');

    // the content review queue opens on what waits for a person
    await page.locator('nav').getByText('内容审核').click();
    await page.waitForURL(/\/admin\/content-reviews/);
    const held = page.locator('[data-test="content-review-table"] tr', { hasText: heldNickname });
    await held.waitFor();
    await check(page, '04-content-reviews');
    await held.getByRole('button', { name: /^通过内容/ }).click();
    await dialog(page).getByRole('button', { name: '通过' }).click();
    await held.waitFor({ state: 'detached' });
    await context.close();
  });

  it('operations creates a coupon in yuan (sent as exact fen) and stops it', async () => {
    const { context, page } = await signIn(ops);
    await page.locator('nav').getByText('优惠券').click();
    await page.waitForURL(/\/admin\/coupons/);
    await page.locator('[data-test="new-coupon"]').click();
    const form = dialog(page);
    await form.getByLabel('名称').fill(couponName);
    await form.getByLabel('满（元）').fill('100');
    await form.getByLabel('减（元）').fill('9.9');
    await form.getByLabel('领取后有效天数').fill('15');
    await form.getByLabel('发放总量（张）').fill('300');
    await check(page, '05-coupon-form');
    await form.getByRole('button', { name: '创建' }).click();
    const row = page.locator('[data-test="coupon-table"] tr', { hasText: couponName });
    await row.waitFor();
    expect(await row.innerText()).toContain('满100减9.9');
    expect(await row.innerText()).toContain('0 / 300');
    await check(page, '06-coupons');
    const listed = (await asApi(ops, '/admin/coupons?pageSize=50')).body.items.find(
      (c: { name: string }) => c.name === couponName,
    );
    expect(listed).toMatchObject({
      thresholdFen: 10000,
      amountFen: 990,
      validDays: 15,
      totalQuantity: 300,
      issuing: true,
    });

    await row.getByRole('button', { name: `停止发放 ${couponName}` }).click();
    await row.getByText('已停发').waitFor();
    const stopped = (await asApi(ops, '/admin/coupons?pageSize=50')).body.items.find(
      (c: { name: string }) => c.name === couponName,
    );
    expect(stopped.issuing).toBe(false);
    // the list filter is in the URL too
    await page.goto(`${t.baseUrl}/admin/coupons?issuing=false`);
    await page.locator('[data-test="coupon-table"] tr', { hasText: couponName }).waitFor();
    await context.close();
  });

  it('the owner reads the audit log filtered by operator and finds those actions', async () => {
    await t.app.get(EventWriterService).flush();
    const { context, page } = await signIn(owner);
    await page.locator('nav').getByText('操作日志').click();
    await page.waitForURL(/\/admin\/audit/);
    await choose(page, '[data-test="operator-filter"]', cs.username);
    await page.waitForURL(new RegExp(`operatorId=${cs.id}`));
    const table = page.locator('[data-test="audit-table"]');
    for (const action of ['同意售后', '隐藏评价', '回复评价', '通过内容审核']) {
      await table.locator('tr', { hasText: action }).first().waitFor();
    }
    const approved = table.locator('tr', { hasText: '同意售后' });
    expect(await approved.innerText()).toContain(cs.username);
    expect(await approved.innerText()).toContain(`售后单 #${afterSale.id}`);
    expect(await approved.innerText()).toContain('成功');
    expect(await table.locator('tr', { hasText: '隐藏评价' }).innerText()).toContain('原因：含引流广告');
    // only this operator's rows
    expect(await table.locator('tr', { hasText: ops.username }).count()).toBe(0);
    await check(page, '07-audit-log-customer-service');

    await choose(page, '[data-test="operator-filter"]', ops.username);
    await page.waitForURL(new RegExp(`operatorId=${ops.id}`));
    const created = table.locator('tr', { hasText: '新建优惠券' });
    await created.waitFor();
    expect(await created.innerText()).toContain(`名称：${couponName}`);
    await table.locator('tr', { hasText: '修改优惠券' }).filter({ hasText: '发放：停止' }).waitFor();
    expect(await table.locator('tr', { hasText: cs.username }).count()).toBe(0);
    // from where: the address the API saw and the browser's user agent
    expect(await created.innerText()).toMatch(/127\.0\.0\.1/);
    expect(await created.innerText()).toMatch(/Mozilla/);
    await check(page, '08-audit-log-operations');

    // the page agrees with the API for the same filter
    const api = (await asApi(owner, `/admin/audit-log?operatorId=${ops.id}`)).body;
    expect(api.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['新建优惠券', '修改优惠券']),
    );
    await waitFor(async () => (await table.locator('tbody tr').count()) === api.items.length);
    await context.close();
  });
});
