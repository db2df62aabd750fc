import {
  type AdminProduct,
  CATALOG_LIMITS as L,
  type CreateProductRequest,
  type Sku,
  type SkuInput,
  type SpecAxis,
  type UpdateProductRequest,
  type UpdateSkuRequest,
} from '@sutwxapp/contracts';
import { fenToYuanText, parseYuan } from './money';
import { cleanAxes, comboKey, mergeMatrix, type SpecCombination } from './sku-matrix';

/**
 * The product form as typed (yuan text, axis values as a comma list) and its exact conversion
 * to the API's requests: prices are read digit by digit into integer fen (parseYuan), never
 * through a float. Editing a product, its existing SKUs keep their id and their stock (changed
 * only through the audited stock adjustment); combinations a new axis value creates are added.
 */

/** An image on the form: what is sent back (`media:<id>` or its URL) and what is shown. */
export interface FormImage {
  ref: string;
  url: string;
}

/** An axis as typed: values separated by commas (，、 too). */
export interface AxisText {
  name: string;
  values: string;
}

export interface SkuRow {
  specs: SpecCombination;
  /** the SKU this combination already is (editing); null: added on save */
  skuId: number | null;
  /** yuan as typed */
  price: string;
  stock: string;
  code: string;
}

export interface ProductForm {
  title: string;
  subtitle: string;
  description: string;
  categoryId: number | null;
  images: FormImage[];
  onShelf: boolean;
  axes: AxisText[];
  rows: SkuRow[];
}

export type ProductFormErrors = Partial<Record<'title' | 'categoryId' | 'images' | 'axes' | 'skus', string>>;

export const emptyProductForm = (): ProductForm => ({
  title: '',
  subtitle: '',
  description: '',
  categoryId: null,
  images: [],
  onShelf: true,
  axes: [],
  rows: [blankRow({})],
});

export function blankRow(specs: SpecCombination): SkuRow {
  return { specs, skuId: null, price: '', stock: '', code: '' };
}

/** "红, 蓝，绿、黑" → the axis; blanks dropped by cleanAxes later. */
export function axesOf(axes: AxisText[]): SpecAxis[] {
  return axes.map((a) => ({ name: a.name, values: a.values.split(/[,，、]/) }));
}

/** Rows for the axes as they now are, keeping what was typed (and the SKU ids) per combination. */
export function rowsFor(form: ProductForm): SkuRow[] {
  return mergeMatrix(axesOf(form.axes), form.rows, blankRow);
}

/** A loaded product as the form edits it. */
export function productFormOf(p: AdminProduct): ProductForm {
  return {
    title: p.title,
    subtitle: p.subtitle ?? '',
    description: p.description ?? '',
    categoryId: p.categoryId,
    images: p.images.map((url) => ({ ref: url, url })),
    onShelf: p.onShelf,
    axes: p.specAxes.map((a) => ({ name: a.name, values: a.values.join(', ') })),
    rows: p.skus.map((s) => ({
      specs: { ...s.specs },
      skuId: s.id,
      price: fenToYuanText(s.price),
      stock: String(s.stock),
      code: s.code ?? '',
    })),
  };
}

/** Whole units 0 … stockMax, digits only ("1e3", "-1", "2.5" are not stock). */
export function parseStock(text: string): number | null {
  const m = /^\s*(\d{1,8})\s*$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return n <= L.stockMax ? n : null;
}

/** "Fill all": the price and/or stock typed once, on every row (stock only where it may be set). */
export function fillAll(rows: SkuRow[], fill: { price?: string; stock?: string }): SkuRow[] {
  return rows.map((r) => ({
    ...r,
    price: fill.price?.trim() ? fill.price.trim() : r.price,
    stock: fill.stock?.trim() && r.skuId === null ? fill.stock.trim() : r.stock,
  }));
}

/** Moves the image at `index` one place left (-1) or right (+1); the first one is the cover. */
export function moveImage<T>(images: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= images.length || to < 0 || to >= images.length) return images;
  const next = [...images];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** What saving an edited product does to its SKUs. */
export interface SkuPlan {
  /** new combinations: POST /admin/products/{id}/skus */
  create: SkuInput[];
  /** existing SKUs whose price or code changed: PATCH /admin/skus/{id} (never the stock) */
  update: Array<{ id: number; body: UpdateSkuRequest }>;
  /** existing SKUs no combination of the axes covers any more */
  dropped: Sku[];
}

interface ParsedRow {
  specs: SpecCombination;
  skuId: number | null;
  price: number;
  stock: number;
  code: string | null;
}

/** Compares the form's rows with the product's SKUs: what to add and what to change. */
export function skuPlan(axes: SpecAxis[], rows: ParsedRow[], existing: Sku[]): SkuPlan {
  const keys = new Set(rows.map((r) => comboKey(axes, r.specs)));
  const byId = new Map(existing.map((s) => [s.id, s]));
  const plan: SkuPlan = { create: [], update: [], dropped: [] };
  for (const row of rows) {
    const sku = row.skuId === null ? undefined : byId.get(row.skuId);
    if (!sku) {
      plan.create.push({ specs: row.specs, price: row.price, stock: row.stock, code: row.code });
      continue;
    }
    const body: UpdateSkuRequest = {};
    if (sku.price !== row.price) body.price = row.price;
    if ((sku.code ?? null) !== row.code) body.code = row.code;
    if (Object.keys(body).length > 0) plan.update.push({ id: sku.id, body });
  }
  plan.dropped = existing.filter((s) => !keys.has(comboKey(axes, s.specs)));
  return plan;
}

const specText = (specs: SpecCombination): string => Object.values(specs).join(' / ') || '默认';

export type ProductSave =
  { kind: 'create'; body: CreateProductRequest } | { kind: 'update'; body: UpdateProductRequest; skus: SkuPlan };

/**
 * Checks the form and builds what to send: a create, or an update and its SKU plan when the
 * product's current SKUs are given. `save` is null when something must be corrected first.
 */
export function productSave(
  form: ProductForm,
  existing: Sku[] | null,
): { save: ProductSave | null; errors: ProductFormErrors } {
  const errors: ProductFormErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = '请填写商品标题';
  else if (title.length > 128) errors.title = '标题最多 128 字';
  if (form.categoryId === null) errors.categoryId = '请选择分类';
  if (form.images.length > L.imagesMax) errors.images = `最多 ${L.imagesMax} 张图片`;

  const axes = cleanAxes(axesOf(form.axes));
  const names = axes.map((a) => a.name);
  if (new Set(names).size !== names.length) errors.axes = '规格名不能重复';
  else if (axes.length > L.specAxesMax) errors.axes = `最多 ${L.specAxesMax} 个规格`;
  else if (axes.some((a) => a.values.length > L.specValuesMax)) errors.axes = `每个规格最多 ${L.specValuesMax} 个值`;
  else if (form.axes.some((a) => a.name.trim() && !cleanAxes(axesOf([a])).length)) errors.axes = '每个规格至少填一个值';

  const rows: ParsedRow[] = [];
  const problems: string[] = [];
  if (form.rows.length > L.skusMax) problems.push(`最多 ${L.skusMax} 个 SKU`);
  for (const row of form.rows) {
    const price = parseYuan(row.price);
    const stock = parseStock(row.stock);
    const label = specText(row.specs);
    if (price === null || price < L.priceMin || price > L.priceMax)
      problems.push(`${label}：价格请填 0.01 到 1000000 元，最多两位小数`);
    else if (stock === null) problems.push(`${label}：库存请填 0 到 ${L.stockMax} 的整数`);
    else rows.push({ specs: row.specs, skuId: row.skuId, price, stock, code: row.code.trim() || null });
  }
  if (problems.length > 0) errors.skus = problems.join('；');

  let skus: SkuPlan | null = null;
  if (existing && !errors.axes && !errors.skus) {
    skus = skuPlan(axes, rows, existing);
    if (skus.dropped.length > 0)
      errors.axes = `已有 SKU 的规格值不能删除：${skus.dropped.map((s) => specText(s.specs)).join('，')}`;
  }
  if (Object.keys(errors).length > 0) return { save: null, errors };

  const fields = {
    title,
    subtitle: form.subtitle.trim() || null,
    description: form.description.trim() || null,
    categoryId: form.categoryId as number,
    images: form.images.map((i) => i.ref),
    onShelf: form.onShelf,
    specAxes: axes,
  };
  if (skus) return { save: { kind: 'update', body: fields, skus }, errors };
  return {
    save: {
      kind: 'create',
      body: { ...fields, skus: rows.map((r) => ({ specs: r.specs, price: r.price, stock: r.stock, code: r.code })) },
    },
    errors,
  };
}
