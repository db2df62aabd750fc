import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { createCategory, createProduct, type CreatedProduct } from './support/factories';
import { photoJpeg } from './support/images';
import { createOperator, type Operator } from './support/service-fixtures';
import { waitFor } from './support/wait';
import { chooseOption, consoleSuite, describeBrowser, startConsoleApp, launchBrowser } from './support/browser';
import { backendLabel, type TestApp } from './support/test-app';

const ROOT = join(__dirname, '../../..');
const OUT = join(ROOT, 'test-output/admin-catalog');

/**
 * The console's catalog screens in real headless Chromium (issue 24): operations filters the
 * product list by stock and shelf (the filters live in the URL and survive a reload), takes
 * products off the shelf in bulk while one of them is deleted underneath (the partial result
 * names the failure), adjusts a SKU's stock with a reason and finds it in the history, builds and
 * reorders categories, and publishes a banner the shop's home page then shows; customer service
 * reads the same list without any write button. Every screen is photographed under
 * test-output/admin-catalog and checked with axe-core (no serious or critical violations).
 * The tests build on each other in order.
 */
describeBrowser(`Merchant console: products, categories, banners in Chromium (${backendLabel})`, () => {
  let t: TestApp;
  let browser: Browser;
  let ops: Operator;
  let cs: Operator;
  let categoryId: number;
  const tag = randomUUID().slice(0, 6);
  const categoryName = `浏览器商品分类-${tag}`;
  const products = {} as Record<'out' | 'low' | 'plenty' | 'offShelf', CreatedProduct>;

  beforeAll(async () => {
    t = await startConsoleApp(OUT);
    [ops, cs] = await Promise.all([
      createOperator(t, 'operations', 'yunying'),
      createOperator(t, 'customer_service', 'kefu'),
    ]);
    categoryId = await createCategory(t, ops, { name: categoryName });
    const make = (title: string, opts: Parameters<typeof createProduct>[1]) =>
      createProduct(t, {
        admin: { ...ops, token: ops.auth.Authorization.slice(7) },
        categoryId,
        title: `${title}-${tag}`,
        ...opts,
      });
    products.out = await make('售罄保温杯', { stock: 0, price: 3900 });
    products.low = await make('紧张马克杯', { stock: 5, price: 2900 });
    products.plenty = await make('充足帆布袋', { stock: 50, skus: 2, price: 4900 });
    products.offShelf = await make('下架雨伞', { stock: 30, price: 5900, onShelf: false });
    browser = await launchBrowser();
  }, 300_000);
  const { check, signIn, dialog, asApi } = consoleSuite(OUT, () => ({ browser, t }));
  const choose = chooseOption;

  /** Which of this test's products the table shows, in table order, waiting until it shows exactly `expected`. */
  async function listed(page: Page, expected: Array<keyof typeof products>): Promise<void> {
    const shown = async (): Promise<string[]> => {
      const text = await page.locator('[data-test="product-table"] tbody').innerText();
      return (Object.keys(products) as Array<keyof typeof products>)
        .filter((k) => text.includes(products[k].title))
        .sort((a, b) => text.indexOf(products[a].title) - text.indexOf(products[b].title));
    };
    await waitFor(async () => JSON.stringify(await shown()) === JSON.stringify(expected)).catch(async () => {
      throw new Error(`expected rows ${expected.join(', ')}, the table shows ${(await shown()).join(', ')}`);
    });
  }

  it('operations filters the product list by stock and shelf; the filters live in the URL and survive a reload', async () => {
    const { context, page } = await signIn(ops);
    await page.locator('nav').getByText('商品', { exact: true }).click();
    await page.waitForURL(/\/admin\/products/);
    // a shared link narrowed to this test's category
    await page.goto(`${t.baseUrl}/admin/products?categoryId=${categoryId}&sort=price_asc`);
    await listed(page, ['low', 'out', 'plenty', 'offShelf']);
    const plentyRow = page.locator('[data-test="product-table"] tr', { hasText: products.plenty.title });
    expect(await plentyRow.innerText()).toContain('¥49.00 – ¥50.00');
    expect(await plentyRow.innerText()).toContain(categoryName);
    expect(await page.locator('[data-test="product-table"] tr', { hasText: products.out.title }).innerText()).toContain(
      '售罄',
    );

    await choose(page, '[data-test="stock-filter"]', '售罄');
    await page.waitForURL(/stock=out/);
    await listed(page, ['out']);
    await choose(page, '[data-test="stock-filter"]', '库存紧张');
    await page.waitForURL(/stock=low/);
    await listed(page, ['low']);

    await choose(page, '[data-test="stock-filter"]', '有货');
    await choose(page, '[data-test="shelf-filter"]', '已下架');
    await page.waitForURL(/onShelf=false/);
    expect(page.url()).toContain('stock=in_stock');
    await listed(page, ['offShelf']);

    await page.reload();
    await listed(page, ['offShelf']);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      categoryId: String(categoryId),
      sort: 'price_asc',
      stock: 'in_stock',
      onShelf: 'false',
    });
    expect(await page.locator('[data-test="stock-filter"] input').inputValue()).toBe('有货');
    await check(page, 'products-filtered');

    // a keyword with nothing to find says so
    await page.getByLabel('关键词').fill(`没有这种商品${tag}`);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/keyword=/);
    await page.getByText('没有符合筛选条件的商品').waitFor();
    await context.close();
  });

  it('bulk off-shelf with one product deleted meanwhile shows which succeeded and the API message of the failure', async () => {
    const { context, page } = await signIn(ops);
    await page.goto(`${t.baseUrl}/admin/products?categoryId=${categoryId}&onShelf=true`);
    // newest first
    await listed(page, ['plenty', 'low', 'out']);
    await page.getByLabel(`选择 ${products.low.title}`).check();
    await page.getByLabel(`选择 ${products.plenty.title}`).check();
    await page.getByText('已选 2 个').waitFor();
    // another operator deletes one of the two before this one submits
    await t.http.delete(`/api/v1/admin/products/${products.plenty.productId}`).set(ops.auth).expect(204);
    await page.locator('[data-test="bulk-off"]').click();

    const outcome = page.locator('[data-test="bulk-outcome"]');
    await outcome.getByText('批量下架：成功 1 个，失败 1 个').waitFor();
    const failed = outcome.locator('tr', { hasText: products.plenty.title });
    expect(await failed.innerText()).toContain('失败');
    expect(await failed.innerText()).toContain('PRODUCT_NOT_FOUND');
    expect(await outcome.locator('tr', { hasText: products.low.title }).innerText()).toContain('已下架');
    // the list reloaded: only the untouched product is still on the shelf
    await listed(page, ['out']);
    expect((await asApi(ops, `/admin/products/${products.low.productId}`)).body.onShelf).toBe(false);
    await check(page, 'products-bulk-result');
    await context.close();
  });

  it('adjusts a SKU’s stock with a reason and finds it in the history; a change below zero shows the API’s refusal', async () => {
    const { context, page } = await signIn(ops);
    await page.goto(`${t.baseUrl}/admin/products?categoryId=${categoryId}`);
    await listed(page, ['offShelf', 'low', 'out']);
    await page.getByRole('button', { name: `库存 ${products.low.title}` }).click();
    const stock = dialog(page);
    await stock.locator('[data-test="sku-table"] tr', { hasText: '默认规格' }).waitFor();
    await stock.getByRole('button', { name: '调整库存 默认规格' }).click();
    await stock.locator('#stock-delta').fill('+20');
    await stock.locator('#stock-reason').fill('盘点补货');
    await stock.getByText('调整后将为 25 件').waitFor();
    await stock.getByRole('button', { name: '确认调整' }).click();

    const history = stock.locator('[data-test="stock-history"] tbody tr').first();
    await history.getByText('盘点补货').waitFor();
    expect(await history.innerText()).toContain('+20');
    expect(await history.innerText()).toContain('25');
    expect(await history.innerText()).toContain(ops.username);
    expect(await stock.locator('[data-test="sku-table"]').innerText()).toContain('25');
    const [skuId] = products.low.skuIds;
    const recorded = (await asApi(ops, `/admin/skus/${skuId}/stock-adjustments`)).body.items[0];
    expect(recorded).toMatchObject({ delta: 20, stockAfter: 25, reason: '盘点补货', operator: ops.username });
    await check(page, 'products-stock-history');
    await page.keyboard.press('Escape');
    // the list shows the new total
    await page.locator('[data-test="product-table"] tr', { hasText: products.low.title }).getByText('25').waitFor();

    // the sold-out product cannot go below zero: the API's message, as it is
    await page.getByRole('button', { name: `库存 ${products.out.title}` }).click();
    await stock.getByRole('button', { name: '调整库存 默认规格' }).click();
    await stock.locator('#stock-delta').fill('-3');
    await stock.locator('#stock-reason').fill('报损');
    await stock.getByRole('button', { name: '确认调整' }).click();
    await stock.getByRole('alert').filter({ hasText: 'STOCK_WOULD_BE_NEGATIVE' }).waitFor();
    expect((await asApi(ops, `/admin/products/${products.out.productId}`)).body.skus[0].stock).toBe(0);
    await context.close();
  });

  it('creates a category tree, reorders children, and sees why a category holding products cannot be deleted', async () => {
    const { context, page } = await signIn(ops);
    await page.locator('nav').getByText('分类', { exact: true }).click();
    await page.waitForURL(/\/admin\/categories/);
    const parent = `浏览器家居-${tag}`;
    const [first, second] = [`杯具-${tag}`, `餐具-${tag}`];

    const name = async (text: string): Promise<void> => {
      await dialog(page).locator('#category-name').fill(text);
      await dialog(page).getByRole('button', { name: '保存' }).click();
      await page.locator('[data-test="category-table"]').getByText(text, { exact: true }).waitFor();
    };
    await page.locator('[data-test="new-category"]').click();
    await name(parent);
    for (const child of [first, second]) {
      await page.getByRole('button', { name: `在 ${parent} 下新建子分类` }).click();
      await name(child);
    }
    const childOrder = async (): Promise<string[]> => {
      const tree = (await asApi(ops, '/admin/categories')).body as Array<{
        name: string;
        children: Array<{ name: string }>;
      }>;
      return tree.find((n) => n.name === parent)?.children.map((c) => c.name) ?? [];
    };
    expect(await childOrder()).toEqual([first, second]);
    await page.getByRole('button', { name: `上移 ${second}` }).click();
    await waitFor(async () => JSON.stringify(await childOrder()) === JSON.stringify([second, first]));
    // the table follows: the second child now sits right under its parent
    await waitFor(async () => {
      const text = await page.locator('[data-test="category-table"] tbody').innerText();
      return text.indexOf(second) >= 0 && text.indexOf(second) < text.indexOf(first);
    });
    await page.getByRole('button', { name: `重命名 ${first}` }).click();
    await name(`${first}改`);

    // the products' category holds products: the API refuses, the dialog says why
    await page.getByRole('button', { name: `删除 ${categoryName}` }).click();
    await dialog(page).getByRole('button', { name: '删除' }).click();
    await dialog(page).locator('[data-test="delete-error"]', { hasText: 'CATEGORY_NOT_EMPTY' }).waitFor();
    await check(page, 'categories-delete-refused');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: `删除 ${first}改` }).click();
    await dialog(page).getByRole('button', { name: '删除' }).click();
    await page.locator('[data-test="category-table"]').getByText(`${first}改`).waitFor({ state: 'detached' });
    expect(await childOrder()).toEqual([second]);
    await check(page, 'categories');
    await context.close();
  });

  it('creates a banner with an uploaded image that the shop’s home page then shows; a stopped one disappears', async () => {
    const { context, page } = await signIn(ops);
    await page.locator('nav').getByText('轮播图', { exact: true }).click();
    await page.waitForURL(/\/admin\/banners/);
    const title = `浏览器轮播-${tag}`;
    await page.locator('[data-test="new-banner"]').click();
    const form = dialog(page);
    await form.locator('#banner-title').fill(title);
    await form
      .locator('#banner-file')
      .setInputFiles({ name: 'banner.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(750, 300) });
    await waitFor(async () => (await form.locator('#banner-image').inputValue()).startsWith('media:'));
    await form.getByRole('img', { name: '图片预览' }).waitFor();
    await form.locator('#banner-link').fill(`/pages/product/detail/index?id=${products.out.productId}`);
    await form.getByRole('button', { name: '保存' }).click();
    const row = page.locator('[data-test="banner-table"] tr', { hasText: title });
    await row.getByText('已启用').waitFor();

    const home = async (): Promise<Array<{ title: string; link: string | null }>> =>
      (await t.http.get('/api/v1/catalog/home').expect(200)).body.banners;
    const shown = (await home()).find((b) => b.title === title);
    expect(shown).toMatchObject({ link: `/pages/product/detail/index?id=${products.out.productId}` });
    await check(page, 'banners');

    await row.getByRole('button', { name: `停用 ${title}` }).click();
    await row.getByText('已停用').waitFor();
    expect((await home()).some((b) => b.title === title)).toBe(false);
    const listed = (await asApi(ops, '/admin/banners')).body.items as Array<{ title: string; active: boolean }>;
    expect(listed.find((b) => b.title === title)).toMatchObject({ active: false });
    await context.close();
  });

  it('customer service reads the product list, stock and categories without any write button', async () => {
    const { context, page } = await signIn(cs);
    expect(await page.locator('nav').getByText('轮播图').count()).toBe(0);
    await page.goto(`${t.baseUrl}/admin/products?categoryId=${categoryId}`);
    await listed(page, ['offShelf', 'low', 'out']);
    const row = page.locator('[data-test="product-table"] tr', { hasText: products.low.title });
    expect(await row.getByRole('link', { name: `查看 ${products.low.title}` }).count()).toBe(1);
    for (const hidden of ['[data-test="new-product"]', '[data-test="bulk-off"]', '[data-test="bulk-on"]']) {
      expect([hidden, await page.locator(hidden).count()]).toEqual([hidden, 0]);
    }
    expect(await page.locator('[data-test="product-table"] input[type="checkbox"]').count()).toBe(0);
    expect(await row.getByRole('button', { name: /^(上架|下架) / }).count()).toBe(0);
    await check(page, 'products-customer-service');

    // the history is readable, the adjustment is not offered
    await row.getByRole('button', { name: `库存 ${products.low.title}` }).click();
    const stock = dialog(page);
    await stock.locator('[data-test="sku-table"] tr', { hasText: '默认规格' }).waitFor();
    expect(await stock.getByRole('button', { name: '调整库存 默认规格' }).count()).toBe(0);
    await stock.getByRole('button', { name: '调整记录 默认规格' }).click();
    await stock.locator('[data-test="stock-history"]').getByText('盘点补货').waitFor();
    await page.keyboard.press('Escape');

    await page.locator('nav').getByText('分类', { exact: true }).click();
    await page.locator('[data-test="category-table"]').getByText(categoryName).waitFor();
    expect(await page.locator('[data-test="new-category"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: `删除 ${categoryName}` }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `上移 ${categoryName}` }).count()).toBe(0);
    await check(page, 'categories-customer-service');
    await context.close();
  });
});
