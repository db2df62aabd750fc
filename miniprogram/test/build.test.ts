import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'miniprogram/src');
const node = (script: string, ...args: string[]): string =>
  execFileSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });

/** Tencent's own WXML (wcc) and WXSS (wcsc) compilers, as miniprogram-simulate ships them. */
const wcc = jest.requireActual<{ wxmlToJs(root: string, options?: { maxBuffer?: number }): string }>(
  'miniprogram-compiler',
);
/** wcsc answers an Error (instead of throwing) when a file does not compile. */
const wcsc = jest.requireActual<
  (root: string, files: string[], options?: { maxBuffer?: number }) => Record<string, string> | Error
>('miniprogram-compiler/src/wcsc');

function files(ext: string, dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(ext, path);
    return path.endsWith(ext) ? [relative(SRC, path).split(sep).join('/')] : [];
  });
}

interface SizeReport {
  mainBytes: number;
  budgetBytes: number;
  subpackageBudgetBytes: number;
  packages: Record<string, { bytes: number }>;
  usedFiles: string[];
  unusedNpmBytes: number;
  problems: string[];
  ok: boolean;
}

describe('mini-program build checks', () => {
  it('the contracts inside the mini-program are the current copy of libs/contracts', () => {
    // the global setup built them; this exits non-zero (and throws) when a copy is missing, stale or orphaned
    expect(node('build-miniprogram-contracts.mjs', '--check')).toMatch(/current/);
  });

  it('main package and every subpackage stay under 1 MB, counted as WeChat uploads them', () => {
    const report = JSON.parse(node('miniprogram-size.mjs', '--json')) as SizeReport;
    expect(report.problems).toEqual([]);
    expect(report.budgetBytes).toBe(1024 * 1024);
    expect(report.subpackageBudgetBytes).toBe(1024 * 1024);
    // every domain beyond the tab pages lives in its own subpackage
    expect(Object.keys(report.packages).sort()).toEqual([
      'main',
      'pages/address',
      'pages/aftersale',
      'pages/engagement',
      'pages/order',
      'pages/product',
      'pages/promotion',
    ]);
    for (const [name, p] of Object.entries(report.packages)) {
      expect([name, p.bytes > 0]).toEqual([name, true]);
      expect([name, p.bytes <= (name === 'main' ? report.budgetBytes : report.subpackageBudgetBytes)]).toEqual([
        name,
        true,
      ]);
    }
    expect(report.ok).toBe(true);
  });

  it('only the TDesign components the pages use are uploaded (ignoreUploadUnusedFiles)', () => {
    const report = JSON.parse(node('miniprogram-size.mjs', '--json')) as SizeReport;
    const npm = report.usedFiles.filter((f) => f.startsWith('miniprogram_npm/tdesign-miniprogram/'));
    // used: a button and its icon; never used anywhere: the calendar and the chat kit
    expect(npm).toContain('miniprogram_npm/tdesign-miniprogram/button/button.wxml');
    expect(npm).toContain('miniprogram_npm/tdesign-miniprogram/icon/icon.wxss');
    expect(npm.some((f) => f.includes('/calendar/') || f.includes('/chat-'))).toBe(false);
    expect(report.unusedNpmBytes).toBeGreaterThan(0);
  });

  it('every WXML file compiles with wcc and every WXSS file with wcsc (TDesign included)', () => {
    const wxml = files('.wxml');
    const wxss = files('.wxss');
    expect(wxml.some((f) => f.startsWith('miniprogram_npm/'))).toBe(true);
    // every file under src/, as DevTools compiles them
    const pages = wcc.wxmlToJs(SRC, { maxBuffer: 64 << 20 });
    for (const file of wxml) expect(pages).toContain(`'${file}'`);
    const styles = wcsc(
      SRC,
      wxss.map((f) => f.replace(/\.wxss$/, '')),
      { maxBuffer: 64 << 20 },
    );
    if (styles instanceof Error) throw styles;
    // partials (@import-ed only) are folded into their importers; pages and components stand alone
    const standalone = wxss.filter((f) => existsSync(join(SRC, f.replace(/\.wxss$/, '.json'))));
    expect(standalone.length).toBeGreaterThan(20);
    for (const file of [...standalone, 'app.wxss']) expect(Object.keys(styles)).toContain(file);
  });
});
