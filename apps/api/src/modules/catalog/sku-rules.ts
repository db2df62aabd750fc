import { type FieldError, type SpecAxis, type SpecValues } from '@sutwxapp/contracts';
import { Errors } from '../../common/errors/app-error';

/**
 * The SKU picker only works when every SKU names exactly the product's axes, each with one of
 * that axis' values, and no two SKUs share a combination. Pure functions: unit tested beside.
 */

export function specKey(specs: SpecValues): string {
  return JSON.stringify(
    Object.keys(specs)
      .sort()
      .map((k) => [k, specs[k]]),
  );
}

export function describeSpecs(specs: SpecValues): string {
  const parts = Object.entries(specs).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(', ') : '(no specs)';
}

/** Axis names unique, values unique within an axis. */
export function checkAxes(axes: SpecAxis[], field = 'specAxes'): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  axes.forEach((axis, i) => {
    if (names.has(axis.name))
      errors.push({ field: `${field}.${i}.name`, message: `axis "${axis.name}" is listed twice` });
    names.add(axis.name);
    const values = new Set<string>();
    for (const value of axis.values) {
      if (values.has(value)) {
        errors.push({
          field: `${field}.${i}.values`,
          message: `value "${value}" is listed twice in axis "${axis.name}"`,
        });
      }
      values.add(value);
    }
  });
  return errors;
}

/** Why `specs` does not fit `axes`, or null when it does. */
export function specMismatch(axes: SpecAxis[], specs: SpecValues): string | null {
  const keys = Object.keys(specs);
  const axisNames = axes.map((a) => a.name);
  const unknown = keys.filter((k) => !axisNames.includes(k));
  if (unknown.length)
    return `unknown spec axis ${unknown.map((k) => `"${k}"`).join(', ')} (axes: ${axisNames.join(', ') || 'none'})`;
  for (const axis of axes) {
    if (!(axis.name in specs)) return `missing a value for axis "${axis.name}"`;
    if (!axis.values.includes(specs[axis.name])) {
      return `"${specs[axis.name]}" is not a value of axis "${axis.name}" (${axis.values.join(', ')})`;
    }
  }
  return null;
}

/**
 * Throws 400 SKU_SPEC_MISMATCH naming every SKU that does not fit the axes or repeats another
 * SKU's combination. `existing` are SKUs already stored; `single` when one SKU is written alone.
 */
export function assertSkusFitAxes(
  axes: SpecAxis[],
  skus: Array<{ specs: SpecValues }>,
  options: { single?: boolean; existing?: Array<{ specs: SpecValues }> } = {},
): void {
  const errors: FieldError[] = [];
  const seen = new Set((options.existing ?? []).map((s) => specKey(s.specs)));
  skus.forEach((sku, i) => {
    const path = options.single ? 'specs' : `skus.${i}.specs`;
    const problem = specMismatch(axes, sku.specs);
    if (problem) {
      errors.push({ field: path, message: problem });
      return;
    }
    const key = specKey(sku.specs);
    if (seen.has(key)) errors.push({ field: path, message: `another SKU already has ${describeSpecs(sku.specs)}` });
    seen.add(key);
  });
  if (errors.length) {
    throw Errors.SKU_SPEC_MISMATCH(errors.map((e) => e.message).join('; '), { errors });
  }
}

export interface PriceSummary {
  minPrice: number;
  originalPrice: number | null;
}

/**
 * What list pages show: the lowest live price and, struck through beside it, that same SKU's
 * original price (the minimum of all original prices could belong to another SKU and read as a
 * discount that does not exist). Ties go to the lowest SKU id.
 */
export function summarisePrices(
  skus: Array<{ id?: number; price: number; originalPrice: number | null }>,
): PriceSummary {
  let best: (typeof skus)[number] | undefined;
  for (const sku of skus) {
    if (!best || sku.price < best.price || (sku.price === best.price && (sku.id ?? 0) < (best.id ?? 0))) best = sku;
  }
  return best ? { minPrice: best.price, originalPrice: best.originalPrice } : { minPrice: 0, originalPrice: null };
}
