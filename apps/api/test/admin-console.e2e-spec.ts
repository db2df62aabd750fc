import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { AdminAccountService } from '../src/modules/auth/admin-account.service';
import { checkScreen, describeBrowser, launchBrowser } from './support/browser';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

const ROOT = join(__dirname, '../../..');
const OUT = join(ROOT, 'test-output/admin-console');

/**
 * The merchant console in real headless Chromium (issue 24): the API started here (SQLite and
 * the sandbox, or DATABASE_URL/REDIS_URL), the console as `npm run build` makes it. Each screen
 * is photographed under test-output/admin-console and checked with axe-core (no serious or
 * critical violations).
 */
describeBrowser(`Merchant console in Chromium (${backendLabel})`, () => {
  let t: TestApp;
  let browser: Browser;
  const password = `pw-${randomUUID()}`;
  const owner = `owner-${randomUUID().slice(0, 6)}`;
  const cs = `cs-${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    // builds only when the console's sources changed since the last build
    execFileSync(process.execPath, [join(ROOT, 'scripts/admin-build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(OUT, { recursive: true });
    t = await startTestApp({ ADMIN_CONSOLE_DIR: join(ROOT, 'dist/admin') });
    const accounts = t.app.get(AdminAccountService);
    await accounts.create(owner, password, 'owner');
    await accounts.create(cs, password, 'customer_service');
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Today's figures in fen (Beijing day) from the analytics API the dashboard reads. */
  async function todaysFigures(): Promise<{ gmv: number; refunded: number }> {
    const login = await t.http.post('/api/v1/auth/admin-login').send({ username: owner, password }).expect(200);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const report = await t.http
      .get('/api/v1/admin/analytics/daily-sales')
      .query({ from: today })
      .set('Authorization', `Bearer ${login.body.accessToken as string}`)
      .expect(200);
    const day = (report.body.days as Array<{ gmv: number; refunded: number }>).at(-1);
    return { gmv: day?.gmv ?? 0, refunded: day?.refunded ?? 0 };
  }

  /** `¥7,190.87` → 719087, in whole numbers (the screen's text, parsed without floats). */
  function fenOf(text: string): number {
    const negative = text.trim().startsWith('-');
    const [yuan, cents] = text.replace(/[-¥,\s]/g, '').split('.');
    const fen = Number(yuan) * 100 + Number(cents ?? 0);
    return negative ? -fen : fen;
  }

  const check = (page: Page, name: string): Promise<void> => checkScreen(page, OUT, name);

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${t.baseUrl}/admin/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  it('an owner signs in under the CSP, sees the dashboard and manages operators', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(`${t.baseUrl}/admin/`);
    await page.getByLabel('用户名').waitFor();
    await check(page, '01-login');
    // the figures agree with the analytics API (read before and after: on a shared database other
    // suites may pay and refund orders meanwhile, and today's paid GMV and refunds only grow)
    const before = await todaysFigures();
    await signIn(page, owner);
    await page.waitForURL(/\/admin\/dashboard/);
    await page.getByText('今日支付 GMV', { exact: true }).waitFor();
    // the figures show "—" until every report has answered; read them only once the section is no longer busy
    await page.locator('[data-test="today-figures"][aria-busy="false"] [data-test="gmv"]').waitFor();
    const shown = fenOf(await page.locator('[data-test="gmv"]').innerText());
    const shownRefunded = fenOf(await page.locator('[data-test="refunded"]').innerText());
    const shownNet = fenOf(await page.locator('[data-test="net"]').innerText());
    const after = await todaysFigures();
    expect(shown).toBeGreaterThanOrEqual(before.gmv);
    expect(shown).toBeLessThanOrEqual(after.gmv);
    expect(shownRefunded).toBeGreaterThanOrEqual(before.refunded);
    expect(shownRefunded).toBeLessThanOrEqual(after.refunded);
    // "paid" is labelled as paid (refunds not taken out); the net beside it takes them out
    expect(shownNet).toBe(shown - shownRefunded);
    // every figure loaded: no error alert on the screen
    expect(await page.locator('.t-alert--error').count()).toBe(0);
    await check(page, '02-dashboard');

    await page.locator('nav').getByText('操作员').click();
    await page.waitForURL(/\/admin\/operators/);
    await page.getByRole('cell', { name: cs, exact: true }).first().waitFor();
    await check(page, '03-operators');
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it('a customer-service operator sees no operators or figures in the menu', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, cs);
    // no figures for customer service: it lands on the first screen it may read
    await page.waitForURL(/\/admin\/products/);
    await page.locator('nav').getByText('订单').waitFor();
    expect(await page.locator('nav').getByText('操作员').count()).toBe(0);
    expect(await page.locator('nav').getByText('数据概览').count()).toBe(0);
    await check(page, '04-customer-service-home');
    await context.close();
  });
});
