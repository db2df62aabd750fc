import type { Sku, SpecAxis } from '../../src/contracts/catalog';
import {
  axisViews,
  clampQuantity,
  findSku,
  initialSelection,
  missingAxes,
  priceRange,
  priceView,
  selectValue,
  selectionLabel,
  specsText,
  stockFor,
} from '../../src/utils/sku';

const axes: SpecAxis[] = [
  { name: '颜色', values: ['红', '蓝', '黑'] },
  { name: '尺码', values: ['S', 'M'] },
];
let nextId = 1;
const sku = (颜色: string, 尺码: string, price: number, stock: number): Sku => ({
  id: nextId++,
  productId: 1,
  specs: { 颜色, 尺码 },
  price,
  originalPrice: null,
  purchaseLimit: null,
  stock,
  code: null,
});
// 红/S 5, 红/M 0, 蓝/S 0, 蓝/M 3, no 黑 at all in stock
const skus = [
  sku('红', 'S', 1000, 5),
  sku('红', 'M', 1100, 0),
  sku('蓝', 'S', 1200, 0),
  sku('蓝', 'M', 1300, 3),
  sku('黑', 'S', 900, 0),
];

const disabled = (selection: Record<string, string>) =>
  Object.fromEntries(
    axisViews(axes, skus, selection).map((a) => [a.name, a.options.filter((o) => o.disabled).map((o) => o.value)]),
  );

describe('SKU picker rules', () => {
  it('greys out values no SKU in stock has, before anything is picked', () => {
    expect(disabled({})).toEqual({ 颜色: ['黑'], 尺码: [] });
  });

  it('greys out values that cannot combine with what is picked on the other axes', () => {
    expect(disabled({ 颜色: '红' })).toEqual({ 颜色: ['黑'], 尺码: ['M'] });
    expect(disabled({ 尺码: 'S' })).toEqual({ 颜色: ['蓝', '黑'], 尺码: [] });
    // each axis is judged against the picks on the other axes only
    expect(disabled({ 颜色: '蓝', 尺码: 'M' })).toEqual({ 颜色: ['红', '黑'], 尺码: ['S'] });
  });

  it('marks the picked values', () => {
    const views = axisViews(axes, skus, { 颜色: '蓝' });
    expect(views[0].options.find((o) => o.selected)?.value).toBe('蓝');
    expect(views[1].options.some((o) => o.selected)).toBe(false);
  });

  it('picks, unpicks on a second tap, and drops picks that would lead nowhere', () => {
    let s = selectValue(axes, skus, {}, '颜色', '红');
    expect(s).toEqual({ 颜色: '红' });
    s = selectValue(axes, skus, s, '尺码', 'S');
    expect(s).toEqual({ 颜色: '红', 尺码: 'S' });
    // 蓝/S is sold out: choosing 蓝 keeps the colour and drops the size
    expect(selectValue(axes, skus, s, '颜色', '蓝')).toEqual({ 颜色: '蓝' });
    expect(selectValue(axes, skus, s, '尺码', 'S')).toEqual({ 颜色: '红' });
  });

  it('finds the SKU only once every axis is picked', () => {
    expect(findSku(axes, skus, { 颜色: '蓝' })).toBeNull();
    expect(findSku(axes, skus, { 颜色: '蓝', 尺码: 'M' })).toMatchObject({ price: 1300, stock: 3 });
    expect(missingAxes(axes, { 颜色: '蓝' })).toEqual(['尺码']);
  });

  it('labels the selection for the shopper', () => {
    expect(selectionLabel(axes, {})).toBe('请选择 颜色 尺码');
    expect(selectionLabel(axes, { 颜色: '红', 尺码: 'S' })).toBe('已选：红 S');
    expect(specsText({ 颜色: '红', 尺码: 'S' })).toBe('红 S');
  });

  it('starts on the only SKU in stock, or on single-valued axes', () => {
    const one = [sku('红', 'S', 1000, 0), sku('蓝', 'M', 1300, 2)];
    expect(initialSelection(axes, one)).toEqual({ 颜色: '蓝', 尺码: 'M' });
    const single: SpecAxis[] = [
      { name: '容量', values: ['50ml'] },
      { name: '香型', values: ['花香', '木香'] },
    ];
    const both = [0, 1].map((i) => ({ ...sku('x', 'y', 100, 4), specs: { 容量: '50ml', 香型: single[1].values[i] } }));
    expect(initialSelection(single, both)).toEqual({ 容量: '50ml' });
    expect(initialSelection(axes, skus)).toEqual({});
  });

  it('prices the range over SKUs in stock, and all SKUs when none is', () => {
    expect(priceRange(skus)).toEqual({ min: 1000, max: 1300 });
    expect(priceRange(skus.map((s) => ({ ...s, stock: 0 })))).toEqual({ min: 900, max: 1300 });
    expect(priceRange([])).toBeNull();
  });

  it('sums the stock the selection still allows', () => {
    expect(stockFor(skus, {})).toBe(8);
    expect(stockFor(skus, { 颜色: '红' })).toBe(5);
    expect(stockFor(skus, { 颜色: '蓝', 尺码: 'M' })).toBe(3);
  });

  it('keeps quantities between 1 and the stock (and the cart line limit)', () => {
    expect(clampQuantity(0, 5)).toBe(1);
    expect(clampQuantity(3, 5)).toBe(3);
    expect(clampQuantity(9, 5)).toBe(5);
    expect(clampQuantity(2.7, 5)).toBe(2);
    expect(clampQuantity(5000, 100_000)).toBe(999);
    expect(clampQuantity(4, 0)).toBe(1);
    expect(clampQuantity(Number.NaN, 5)).toBe(1);
  });
});

describe('priceView: the price line and its struck-through original describe the same SKUs', () => {
  const priced = (price: number, originalPrice: number | null, stock = 5): Sku => ({
    ...sku('红', 'S', price, stock),
    originalPrice,
  });

  it('range against range: lowest price with the lowest original, highest with the highest', () => {
    // before the fix the line read "¥99.00 - 129.00 ~~¥199.00~~": the highest SKU's original
    const skus = [priced(9900, 15900), priced(12900, 19900)];
    expect(priceView(skus, null)).toEqual({ min: 9900, max: 12900, originalMin: 15900, originalMax: 19900 });
  });

  it("the selected SKU's own price against its own original", () => {
    const cheap = priced(9900, 15900);
    expect(priceView([cheap, priced(12900, 19900)], cheap)).toEqual({
      min: 9900,
      max: 9900,
      originalMin: 15900,
      originalMax: 15900,
    });
  });

  it('an SKU without an original counts at its price; nothing discounted shows no original', () => {
    expect(priceView([priced(9900, 15900), priced(12900, null)], null)).toEqual({
      min: 9900,
      max: 12900,
      originalMin: 12900,
      originalMax: 15900,
    });
    expect(priceView([priced(9900, null), priced(12900, 12900)], null)).toEqual({
      min: 9900,
      max: 12900,
      originalMin: 0,
      originalMax: 0,
    });
  });

  it('sold-out SKUs leave the range (unless everything is sold out)', () => {
    expect(priceView([priced(5000, 9000, 0), priced(9900, 15900)], null)).toMatchObject({
      min: 9900,
      originalMin: 15900,
    });
    expect(priceView([priced(5000, 9000, 0)], null)).toMatchObject({ min: 5000, originalMax: 9000 });
    expect(priceView([], null)).toBeNull();
  });
});
