import { describe, expect, it } from 'vitest';
import { mergeMatrix, skuMatrix } from './sku-matrix';

describe('skuMatrix', () => {
  it('is the cartesian product of the axes, in axis order', () => {
    expect(
      skuMatrix([
        { name: '颜色', values: ['红', '蓝'] },
        { name: '尺码', values: ['S', 'M', 'L'] },
      ]),
    ).toEqual([
      { 颜色: '红', 尺码: 'S' },
      { 颜色: '红', 尺码: 'M' },
      { 颜色: '红', 尺码: 'L' },
      { 颜色: '蓝', 尺码: 'S' },
      { 颜色: '蓝', 尺码: 'M' },
      { 颜色: '蓝', 尺码: 'L' },
    ]);
  });
  it('ignores blank axes and values and repeats', () => {
    expect(
      skuMatrix([
        { name: '颜色', values: ['红', ' 红 ', ''] },
        { name: ' ', values: ['x'] },
        { name: '尺码', values: [] },
      ]),
    ).toEqual([{ 颜色: '红' }]);
  });
  it('no axes is one SKU without specs', () => {
    expect(skuMatrix([])).toEqual([{}]);
  });
});

describe('mergeMatrix', () => {
  it('keeps typed prices for combinations that survive an axis edit', () => {
    const axes = [{ name: '颜色', values: ['红', '蓝'] }];
    const rows = mergeMatrix(axes, [], (specs) => ({ specs, price: 0 }));
    rows[0].price = 990;
    const next = mergeMatrix([{ name: '颜色', values: ['红', '蓝', '绿'] }], rows, (specs) => ({ specs, price: 0 }));
    expect(next.map((r) => [r.specs['颜色'], r.price])).toEqual([
      ['红', 990],
      ['蓝', 0],
      ['绿', 0],
    ]);
  });
});
