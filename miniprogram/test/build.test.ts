import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const node = (script: string, ...args: string[]): string =>
  execFileSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('mini-program build checks', () => {
  it('the contracts inside the mini-program are the current copy of libs/contracts', () => {
    // exits non-zero (and this throws) when a copy is missing, stale or orphaned
    expect(node('build-miniprogram-contracts.mjs', '--check')).toMatch(/current/);
  });

  it('the main package stays under its 500 KB budget (WeChat allows 2 MB)', () => {
    const report = JSON.parse(node('miniprogram-size.mjs', '--json')) as {
      mainBytes: number;
      budgetBytes: number;
      packages: Record<string, { bytes: number }>;
    };
    expect(report.budgetBytes).toBe(500 * 1024);
    expect(report.mainBytes).toBeGreaterThan(0);
    expect(report.mainBytes).toBeLessThanOrEqual(report.budgetBytes);
    // every domain beyond the tab pages lives in its own subpackage
    expect(Object.keys(report.packages).sort()).toEqual(['main', 'pages/address', 'pages/order', 'pages/product']);
  });
});
