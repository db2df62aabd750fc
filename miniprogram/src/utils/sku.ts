import type { Fen } from '../contracts/common';
import type { Sku, SpecAxis } from '../contracts/catalog';

/** What the shopper has picked so far: axis name → value (absent while unpicked). */
export type Selection = Record<string, string>;

export interface SpecOption {
  value: string;
  selected: boolean;
  /** no SKU in stock has this value together with the values picked on the other axes */
  disabled: boolean;
}

export interface SpecAxisView {
  name: string;
  options: SpecOption[];
}

const inStock = (sku: Sku): boolean => sku.stock > 0;

/** The SKU agrees with every picked value, ignoring one axis (the one being looked at). */
function agrees(sku: Sku, selection: Selection, ignoreAxis?: string): boolean {
  return Object.keys(selection).every((axis) => axis === ignoreAxis || sku.specs[axis] === selection[axis]);
}

/** The picker rows: every value of every axis, marked selected and/or unavailable. */
export function axisViews(axes: SpecAxis[], skus: Sku[], selection: Selection): SpecAxisView[] {
  return axes.map((axis) => ({
    name: axis.name,
    options: axis.values.map((value) => ({
      value,
      selected: selection[axis.name] === value,
      disabled: !skus.some(
        (sku) => inStock(sku) && sku.specs[axis.name] === value && agrees(sku, selection, axis.name),
      ),
    })),
  }));
}

/**
 * Picks (or, tapped again, unpicks) one value. Values on other axes that no longer combine with
 * the new one into an SKU in stock are dropped, so the selection never describes a dead end.
 */
export function selectValue(
  axes: SpecAxis[],
  skus: Sku[],
  selection: Selection,
  axis: string,
  value: string,
): Selection {
  if (selection[axis] === value) {
    const next = { ...selection };
    delete next[axis];
    return next;
  }
  const next: Selection = { [axis]: value };
  for (const other of axes) {
    const picked = selection[other.name];
    if (other.name === axis || picked === undefined) continue;
    const candidate = { ...next, [other.name]: picked };
    if (skus.some((sku) => inStock(sku) && agrees(sku, candidate))) next[other.name] = picked;
  }
  return next;
}

/** The SKU the selection names, once every axis is picked. */
export function findSku(axes: SpecAxis[], skus: Sku[], selection: Selection): Sku | null {
  if (axes.some((axis) => selection[axis.name] === undefined)) return null;
  return skus.find((sku) => axes.every((axis) => sku.specs[axis.name] === selection[axis.name])) ?? null;
}

/** Axes still to pick, in display order. */
export function missingAxes(axes: SpecAxis[], selection: Selection): string[] {
  return axes.filter((axis) => selection[axis.name] === undefined).map((axis) => axis.name);
}

/**
 * Where the picker starts: axes with a single value are picked for the shopper, and a product
 * with exactly one SKU in stock starts on that SKU.
 */
export function initialSelection(axes: SpecAxis[], skus: Sku[]): Selection {
  const available = skus.filter(inStock);
  if (available.length === 1) return { ...available[0].specs };
  const selection: Selection = {};
  for (const axis of axes) {
    if (axis.values.length === 1 && available.some((sku) => sku.specs[axis.name] === axis.values[0])) {
      selection[axis.name] = axis.values[0];
    }
  }
  return selection;
}

/** Lowest and highest price among SKUs in stock (all SKUs when none is). */
export function priceRange(skus: Sku[]): { min: Fen; max: Fen } | null {
  const pool = skus.some(inStock) ? skus.filter(inStock) : skus;
  if (pool.length === 0) return null;
  const prices = pool.map((sku) => sku.price);
  return { min: Math.min(...prices), max: Math.max(...prices) };
}

/** Stock of the SKUs the selection still allows (the picked SKU's stock once complete). */
export function stockFor(skus: Sku[], selection: Selection): number {
  return skus.filter((sku) => agrees(sku, selection)).reduce((sum, sku) => sum + sku.stock, 0);
}

/** "已选：红 M" once complete, else "请选择 颜色 尺码". */
export function selectionLabel(axes: SpecAxis[], selection: Selection): string {
  const missing = missingAxes(axes, selection);
  if (missing.length > 0) return `请选择 ${missing.join(' ')}`;
  return `已选：${axes.map((axis) => selection[axis.name]).join(' ')}`;
}

/** The cart holds at most this many of one SKU (the API's limit). */
export const MAX_LINE_QUANTITY = 999;

/** A quantity the stepper may show: at least 1, at most the stock (and the cart's line limit). */
export function clampQuantity(quantity: number, stock: number): number {
  const max = Math.max(1, Math.min(stock, MAX_LINE_QUANTITY));
  if (!Number.isFinite(quantity)) return 1;
  return Math.min(max, Math.max(1, Math.floor(quantity)));
}

/** `{颜色: "红", 尺码: "M"}` → "红 M", for cart rows and order lines. */
export function specsText(specs: Record<string, string>): string {
  return Object.keys(specs)
    .map((axis) => specs[axis])
    .join(' ');
}

/** What a product's price line shows: a price (or range) and the original price struck through. */
export interface PriceView {
  min: Fen;
  /** upper end of the range; equal to min for one price */
  max: Fen;
  /** struck-through original price (lower end); 0 when nothing is discounted */
  originalMin: Fen;
  originalMax: Fen;
}

/**
 * The price line, consistent with itself: the selected SKU's price against that SKU's original
 * price, or (nothing selected yet) the price range of the SKUs on offer against the original
 * price range of the same SKUs. An SKU without an original price counts at its price, so the
 * two ranges always describe the same SKUs; no original is shown when nothing is discounted.
 */
export function priceView(skus: Sku[], selected: Sku | null): PriceView | null {
  const pool = selected ? [selected] : skus.some(inStock) ? skus.filter(inStock) : skus;
  if (pool.length === 0) return null;
  const prices = pool.map((sku) => sku.price);
  const originals = pool.map((sku) => Math.max(sku.originalPrice ?? 0, sku.price));
  const discounted = pool.some((sku) => (sku.originalPrice ?? 0) > sku.price);
  return {
    min: Math.min(...prices),
    max: Math.max(...prices),
    originalMin: discounted ? Math.min(...originals) : 0,
    originalMax: discounted ? Math.max(...originals) : 0,
  };
}
