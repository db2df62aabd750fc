import type { AdminProduct, Sku } from '@sutwxapp/contracts';
import { describe, expect, it } from 'vitest';
import { parseYuan } from './money';
import {
  emptyProductForm,
  fillAll,
  moveImage,
  parseStock,
  type ProductForm,
  productFormOf,
  productSave,
  rowsFor,
  skuPlan,
} from './product-form';

const sku = (id: number, specs: Record<string, string>, price = 1990, stock = 5, code: string | null = null): Sku => ({
  id,
  productId: 1,
  specs,
  price,
  originalPrice: null,
  stock,
  code,
  purchaseLimit: null,
});

function twoAxisForm(): ProductForm {
  const form: ProductForm = {
    ...emptyProductForm(),
    title: ' 纯棉T恤 ',
    categoryId: 3,
    images: [{ ref: 'media:7', url: 'http://x/media/a/750.jpg' }],
    axes: [
      { name: '颜色', values: '红，蓝' },
      { name: '尺码', values: 'S, M' },
    ],
  };
  return { ...form, rows: rowsFor(form) };
}

describe('prices typed in yuan', () => {
  it('become exact integer fen', () => {
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('19.90')).toBe(1990);
    expect(parseYuan('19.9')).toBe(1990);
    expect(parseYuan('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 as a float
  });
  it('refuse exponents, signs and more than two decimals', () => {
    expect(parseYuan('1e3')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('+1')).toBeNull();
    expect(parseYuan('1.005')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });
});

describe('parseStock', () => {
  it('reads whole units only', () => {
    expect(parseStock('0')).toBe(0);
    expect(parseStock(' 25 ')).toBe(25);
    expect(parseStock('10000000')).toBe(10_000_000);
    expect(parseStock('10000001')).toBeNull();
    expect(parseStock('1e3')).toBeNull();
    expect(parseStock('-1')).toBeNull();
    expect(parseStock('2.5')).toBeNull();
  });
});

describe('the SKU rows', () => {
  it('are one per combination of the axes, and keep what was typed when an axis value is added', () => {
    let form = twoAxisForm();
    expect(form.rows.map((r) => r.specs)).toEqual([
      { 颜色: '红', 尺码: 'S' },
      { 颜色: '红', 尺码: 'M' },
      { 颜色: '蓝', 尺码: 'S' },
      { 颜色: '蓝', 尺码: 'M' },
    ]);
    form.rows[0].price = '9.90';
    form = { ...form, axes: [form.axes[0], { name: '尺码', values: 'S, M, L' }] };
    form.rows = rowsFor(form);
    expect(form.rows).toHaveLength(6);
    expect(form.rows[0]).toMatchObject({ specs: { 颜色: '红', 尺码: 'S' }, price: '9.90' });
    expect(form.rows[2]).toMatchObject({ specs: { 颜色: '红', 尺码: 'L' }, price: '' });
  });
  it('"fill all" sets every price, and the stock only of SKUs not yet saved', () => {
    const rows = fillAll(
      [
        { specs: { a: '1' }, skuId: 4, price: '1', stock: '7', code: '' },
        { specs: { a: '2' }, skuId: null, price: '', stock: '', code: '' },
      ],
      { price: ' 29.90 ', stock: '50' },
    );
    expect(rows.map((r) => [r.price, r.stock])).toEqual([
      ['29.90', '7'],
      ['29.90', '50'],
    ]);
    expect(fillAll(rows, { price: '', stock: '' })).toEqual(rows);
  });
});

describe('moveImage', () => {
  it('swaps with the neighbour, and does nothing past either end', () => {
    expect(moveImage(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveImage(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveImage(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveImage(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

describe('productSave: a new product', () => {
  it('sends the cleaned axes and every combination in fen', () => {
    const form = twoAxisForm();
    form.rows = fillAll(form.rows, { price: '19.90', stock: '10' });
    form.rows[3].code = ' TS-BLUE-M ';
    const { save, errors } = productSave(form, null);
    expect(errors).toEqual({});
    expect(save).toEqual({
      kind: 'create',
      body: {
        title: '纯棉T恤',
        subtitle: null,
        description: null,
        categoryId: 3,
        images: ['media:7'],
        onShelf: true,
        specAxes: [
          { name: '颜色', values: ['红', '蓝'] },
          { name: '尺码', values: ['S', 'M'] },
        ],
        skus: [
          { specs: { 颜色: '红', 尺码: 'S' }, price: 1990, stock: 10, code: null },
          { specs: { 颜色: '红', 尺码: 'M' }, price: 1990, stock: 10, code: null },
          { specs: { 颜色: '蓝', 尺码: 'S' }, price: 1990, stock: 10, code: null },
          { specs: { 颜色: '蓝', 尺码: 'M' }, price: 1990, stock: 10, code: 'TS-BLUE-M' },
        ],
      },
    });
  });
  it('names what must be corrected, and sends nothing', () => {
    const form = { ...twoAxisForm(), title: ' ', categoryId: null };
    form.rows = fillAll(form.rows, { price: '1e3', stock: '1' });
    form.rows[1].price = '5';
    form.rows[1].stock = '-1';
    form.axes.push({ name: '颜色', values: '黑' });
    const { save, errors } = productSave(form, null);
    expect(save).toBeNull();
    expect(errors.title).toBe('请填写商品标题');
    expect(errors.categoryId).toBe('请选择分类');
    expect(errors.axes).toBe('规格名不能重复');
    expect(errors.skus).toContain('红 / S：价格请填 0.01 到 1000000 元');
    expect(errors.skus).toContain('红 / M：库存请填 0 到 10000000 的整数');
  });
  it('refuses a zero price and an axis without values', () => {
    const form = twoAxisForm();
    form.rows = fillAll(form.rows, { price: '0', stock: '1' });
    form.axes.push({ name: '材质', values: ' , ' });
    const { errors } = productSave(form, null);
    expect(errors.skus).toContain('价格请填 0.01');
    expect(errors.axes).toBe('每个规格至少填一个值');
  });
});

describe('editing a product', () => {
  const product: AdminProduct = {
    id: 1,
    title: '纯棉T恤',
    subtitle: null,
    description: '好穿',
    categoryId: 3,
    images: ['http://x/media/a/750.jpg'],
    onShelf: false,
    minPrice: 1990,
    sales: 0,
    specAxes: [
      { name: '颜色', values: ['红'] },
      { name: '尺码', values: ['S', 'M'] },
    ],
    skus: [sku(11, { 颜色: '红', 尺码: 'S' }, 1990, 3, 'A'), sku(12, { 颜色: '红', 尺码: 'M' }, 1990, 0)],
    createdAt: '2026-12-01T00:00:00.000Z',
  };

  it('loads its SKUs as rows with their ids, prices in yuan and stock', () => {
    const form = productFormOf(product);
    expect(form.axes).toEqual([
      { name: '颜色', values: '红' },
      { name: '尺码', values: 'S, M' },
    ]);
    expect(form.rows).toEqual([
      { specs: { 颜色: '红', 尺码: 'S' }, skuId: 11, price: '19.90', stock: '3', code: 'A' },
      { specs: { 颜色: '红', 尺码: 'M' }, skuId: 12, price: '19.90', stock: '0', code: '' },
    ]);
    expect(form.images).toEqual([{ ref: 'http://x/media/a/750.jpg', url: 'http://x/media/a/750.jpg' }]);
  });

  it('adds the combinations of a new axis value, changes only what changed, never the stock', () => {
    const form = productFormOf(product);
    form.axes[0].values = '红, 蓝';
    form.rows = rowsFor(form);
    expect(form.rows.map((r) => r.skuId)).toEqual([11, 12, null, null]);
    form.rows = fillAll(form.rows, { stock: '8' });
    form.rows[0].price = '17';
    form.rows[2].price = '21.5';
    form.rows[3].price = '21.5';
    const { save, errors } = productSave(form, product.skus);
    expect(errors).toEqual({});
    expect(save?.kind).toBe('update');
    if (save?.kind !== 'update') return;
    expect(save.body.specAxes).toEqual([
      { name: '颜色', values: ['红', '蓝'] },
      { name: '尺码', values: ['S', 'M'] },
    ]);
    expect(save.skus).toEqual({
      create: [
        { specs: { 颜色: '蓝', 尺码: 'S' }, price: 2150, stock: 8, code: null },
        { specs: { 颜色: '蓝', 尺码: 'M' }, price: 2150, stock: 8, code: null },
      ],
      update: [{ id: 11, body: { price: 1700 } }],
      dropped: [],
    });
  });

  it('refuses to drop a value existing SKUs use', () => {
    const form = productFormOf(product);
    form.axes[1].values = 'S';
    form.rows = rowsFor(form);
    const { save, errors } = productSave(form, product.skus);
    expect(save).toBeNull();
    expect(errors.axes).toBe('已有 SKU 的规格值不能删除：红 / M');
  });

  it('skuPlan: a cleared code is sent as null, an unchanged row not at all', () => {
    const plan = skuPlan(
      [],
      [
        { specs: {}, skuId: 11, price: 1990, stock: 3, code: null },
        { specs: {}, skuId: 12, price: 1990, stock: 0, code: null },
      ],
      [sku(11, {}, 1990, 3, 'A'), sku(12, {}, 1990, 0)],
    );
    expect(plan.update).toEqual([{ id: 11, body: { code: null } }]);
    expect(plan.create).toEqual([]);
  });
});
