import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Operator } from './service-fixtures';
import { startTestApp, type TestApp } from './test-app';

const ROOT = join(__dirname, '../../../..');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** .ci/run installs Debian's chromium; without it a browser suite can't run at all */
export const describeBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

/**
 * A test app serving the console (`env` on top): the console built first (only when its sources
 * changed since the last build) and the suite's screenshot folder `outDir` made.
 */
export async function startConsoleApp(outDir: string, env: Record<string, string> = {}): Promise<TestApp> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/admin-build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(outDir, { recursive: true });
  return startTestApp({ ADMIN_CONSOLE_DIR: join(ROOT, 'dist/admin'), ...env });
}

/** Headless Chromium as every console suite starts it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/**
 * What the console suites share once its beforeAll has started the app and the browser: after
 * all its tests it closes the browser, then the app (either is missing when beforeAll failed
 * early); and the helpers its tests use, reading `suite()` when called. `check` photographs a
 * screen into `outDir` (see checkScreen), `signIn` opens a fresh signed-in context (see
 * signInToConsole), `dialog` is the visible TDesign dialog, `asApi` reads `/api/v1<path>` as the
 * operator (200 expected).
 */
export function consoleSuite(outDir: string, suite: () => { browser?: Browser; t?: TestApp }) {
  afterAll(async () => {
    const { browser, t } = suite();
    await browser?.close();
    await t?.close();
  });
  const app = (): TestApp => suite().t!;
  return {
    check: (page: Page, name: string): Promise<void> => checkScreen(page, outDir, name),
    signIn: (who: Operator) => signInToConsole(suite().browser!, app().baseUrl, who),
    dialog: (page: Page) => page.locator('.t-dialog:visible'),
    asApi: (who: Operator, path: string) => app().http.get(`/api/v1${path}`).set(who.auth).expect(200),
  };
}

/**
 * One screen of the console: photographed into `outDir` and checked with axe-core, which must
 * find no serious or critical violation. axe is evaluated through the DevTools protocol, so the
 * console's CSP (no inline script) does not stand in its way.
 */
export async function checkScreen(page: Page, outDir: string, name: string): Promise<void> {
  // a toast fading in or out is half transparent: axe would measure the fade, not the colours
  await page.locator('.t-message').first().waitFor({ state: 'detached', timeout: 10_000 });
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: typeof axe }).axe.run({ resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
}

/** A fresh context signed in to the console at `baseUrl` as this operator (zh-CN, desktop size). */
export async function signInToConsole(
  browser: Browser,
  baseUrl: string,
  who: { username: string; password: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-test="whoami"]', { hasText: who.username }).waitFor();
  return { context, page };
}

/** Opens a TDesign select and picks the option with this text. */
export async function chooseOption(page: Page, select: string, option: string): Promise<void> {
  await page.locator(select).click();
  await page.locator('.t-select-option:visible', { hasText: option }).first().click();
  await popupsClosed(page);
}

/**
 * Waits until no TDesign popup is showing: a select's option list fades out after the pick, and
 * an accessibility check taken during the fade would judge the closing list, not the screen.
 */
export async function popupsClosed(page: Page): Promise<void> {
  const deadline = Date.now() + 5_000;
  while ((await page.locator('.t-popup:visible').count()) > 0) {
    if (Date.now() > deadline) throw new Error('a TDesign popup is still showing after 5 s');
    await page.waitForTimeout(50);
  }
}
