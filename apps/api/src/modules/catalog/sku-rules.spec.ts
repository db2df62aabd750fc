import { AppError } from '../../common/errors/app-error';
import { likePattern } from './product-list.query';
import { assertSkusFitAxes, checkAxes, specMismatch, summarisePrices } from './sku-rules';

const axes = [
  { name: '颜色', values: ['红', '蓝'] },
  { name: '尺码', values: ['M', 'L'] },
];

describe('sku rules', () => {
  it('accepts specs naming every axis with one of its values, in any key order', () => {
    expect(specMismatch(axes, { 颜色: '红', 尺码: 'M' })).toBeNull();
    expect(specMismatch(axes, { 尺码: 'L', 颜色: '蓝' })).toBeNull();
    expect(specMismatch([], {})).toBeNull();
  });

  it('explains what does not fit', () => {
    expect(specMismatch(axes, { 颜色: '红' })).toBe('missing a value for axis "尺码"');
    expect(specMismatch(axes, { 颜色: '绿', 尺码: 'M' })).toBe('"绿" is not a value of axis "颜色" (红, 蓝)');
    expect(specMismatch(axes, { 颜色: '红', 尺码: 'M', 材质: '棉' })).toMatch(/unknown spec axis "材质"/);
    expect(specMismatch([], { 颜色: '红' })).toMatch(/axes: none/);
  });

  it('refuses a combination twice, also against stored SKUs', () => {
    const sku = { specs: { 颜色: '红', 尺码: 'M' } };
    expect(() => assertSkusFitAxes(axes, [sku, { specs: { 尺码: 'M', 颜色: '红' } }])).toThrow(AppError);
    expect(() => assertSkusFitAxes(axes, [sku], { single: true, existing: [sku] })).toThrow(/already has/);
    try {
      assertSkusFitAxes(axes, [sku, { specs: { 颜色: '黄', 尺码: 'M' } }]);
    } catch (err) {
      expect((err as AppError).code).toBe('SKU_SPEC_MISMATCH');
      expect((err as AppError).errors?.map((e) => e.field)).toEqual(['skus.1.specs']);
    }
  });

  it('finds repeated axis names and values', () => {
    expect(
      checkAxes([
        { name: 'a', values: ['x', 'x'] },
        { name: 'a', values: ['y'] },
      ]).map((e) => e.field),
    ).toEqual(['specAxes.0.values', 'specAxes.1.name']);
  });

  it("shows the cheapest SKU's price with that SKU's own original price", () => {
    expect(
      summarisePrices([
        { id: 1, price: 200, originalPrice: 210 },
        { id: 2, price: 100, originalPrice: 300 },
        { id: 3, price: 100, originalPrice: 150 },
      ]),
    ).toEqual({ minPrice: 100, originalPrice: 300 });
    expect(summarisePrices([])).toEqual({ minPrice: 0, originalPrice: null });
  });

  it('escapes LIKE wildcards in keywords', () => {
    expect(likePattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
    expect(likePattern('蓝牙')).toBe('%蓝牙%');
  });
});
