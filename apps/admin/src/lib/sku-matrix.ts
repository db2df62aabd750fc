/** A spec axis as the product form edits it: a name and its values, e.g. 颜色: 红, 蓝. */
export interface SpecAxis {
  name: string;
  values: string[];
}

export type SpecCombination = Record<string, string>;

/** The key a combination is known by across edits: axis order, `name:value` pairs. */
export function comboKey(axes: SpecAxis[], specs: SpecCombination): string {
  return axes.map((a) => `${a.name}:${specs[a.name] ?? ''}`).join('|');
}

/** The axes as the API gets them: names and values trimmed, blanks and repeated values dropped. */
export function cleanAxes(axes: SpecAxis[]): SpecAxis[] {
  return axes
    .map((a) => ({ name: a.name.trim(), values: [...new Set(a.values.map((v) => v.trim()).filter(Boolean))] }))
    .filter((a) => a.name && a.values.length > 0);
}

/**
 * Every combination of the axes' values (the cartesian product), in axis order. Blank names and
 * values are ignored, duplicate values count once; no axes gives one combination with no specs
 * (a product with a single SKU).
 */
export function skuMatrix(axes: SpecAxis[]): SpecCombination[] {
  let rows: SpecCombination[] = [{}];
  for (const axis of cleanAxes(axes)) {
    rows = rows.flatMap((row) => axis.values.map((value) => ({ ...row, [axis.name]: value })));
  }
  return rows;
}

/**
 * Regenerates the rows after an axis edit, keeping what was typed (price, stock) for every
 * combination that still exists.
 */
export function mergeMatrix<T extends { specs: SpecCombination }>(
  axes: SpecAxis[],
  previous: T[],
  blank: (specs: SpecCombination) => T,
): T[] {
  const byKey = new Map(previous.map((row) => [comboKey(axes, row.specs), row]));
  return skuMatrix(axes).map((specs) => byKey.get(comboKey(axes, specs)) ?? blank(specs));
}
