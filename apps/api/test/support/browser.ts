import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

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
