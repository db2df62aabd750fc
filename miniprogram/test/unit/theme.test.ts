import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * WCAG AA for the theme's text colours (styles/theme.wxss): contrast at least 4.5:1 for body
 * text against each background it is used on. Computed from the file, so changing a token to
 * something unreadable fails here.
 */
const theme = readFileSync(join(__dirname, '../../src/styles/theme.wxss'), 'utf8');
const token = (name: string): string => {
  const m = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{6})`).exec(theme);
  if (!m) throw new Error(`theme.wxss has no ${name}`);
  return m[1];
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('theme tokens meet WCAG AA', () => {
  it('computes contrast like WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2); // the classic just-fails grey
  });

  const pairs: Array<[string, string]> = [
    ['--shop-text', '--shop-card-bg'],
    ['--shop-text', '--shop-page-bg'],
    ['--shop-text-muted', '--shop-card-bg'],
    ['--shop-text-muted', '--shop-page-bg'],
    ['--shop-text-muted', '--shop-image-bg'],
    ['--td-text-color-placeholder', '--shop-card-bg'],
    ['--td-text-color-placeholder', '--shop-page-bg'],
    ['--shop-price', '--shop-card-bg'],
    ['--td-brand-color', '--shop-card-bg'],
    ['--td-brand-color', '--shop-page-bg'],
    ['--td-brand-color', '--td-brand-color-light'],
    ['--td-success-color', '--shop-card-bg'],
    ['--td-warning-color', '--shop-card-bg'],
  ];
  it.each(pairs)('%s on %s', (fg, bg) => {
    expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it('white text on the brand colour (primary buttons, badges, the me header)', () => {
    expect(contrast('#ffffff', token('--td-brand-color'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#ffffff', token('--td-brand-color-active'))).toBeGreaterThanOrEqual(4.5);
  });

  it('pages use the tokens, not the old low-contrast greys, for text', () => {
    const { readdirSync, statSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const src = join(__dirname, '../../src');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        if (n === 'miniprogram_npm') return [];
        return statSync(p).isDirectory() ? walk(p) : p.endsWith('.wxss') ? [p] : [];
      });
    const offenders = walk(src).filter((f) => /(^|[^-])color:\s*#(999|aaa|bbb|ccc)\b/i.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
