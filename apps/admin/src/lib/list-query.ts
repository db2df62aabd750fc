/**
 * A list screen's filters, paging and order live in the URL query (shareable, reloadable). These
 * read one query value each, refusing anything the screen would not offer (a hand-edited URL
 * falls back to the default), and drop defaults and blanks when writing the query back.
 */
export type RawQuery = Record<string, unknown>;

export const PAGE_SIZES = [10, 20, 50] as const;

function one(q: RawQuery, key: string): string | undefined {
  const v = q[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
}

/**
 * An ID typed into a filter box: undefined when the box is blank, the number when it is a positive
 * whole number, null when it is not one (the screen says so instead of filtering).
 */
export function typedId(text: string): number | undefined | null {
  const s = text.trim();
  if (s === '') return undefined;
  return /^[1-9]\d{0,9}$/.test(s) ? Number(s) : null;
}

/** A positive whole number, or undefined. */
export function intOf(q: RawQuery, key: string): number | undefined {
  const s = one(q, key);
  if (!s || !/^[1-9]\d{0,9}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 2_147_483_647 ? n : undefined;
}

export const pageOf = (q: RawQuery): number => Math.min(intOf(q, 'page') ?? 1, 100_000);

export function pageSizeOf(q: RawQuery, fallback = 20): number {
  const n = intOf(q, 'pageSize');
  return n !== undefined && (PAGE_SIZES as readonly number[]).includes(n) ? n : fallback;
}

/** One of `allowed`, or undefined. */
export function enumOf<T extends string>(q: RawQuery, key: string, allowed: readonly T[]): T | undefined {
  const s = one(q, key);
  return s !== undefined && (allowed as readonly string[]).includes(s) ? (s as T) : undefined;
}

/**
 * A yes / no filter (on shelf, has pictures, issuing) in its Select: the options '' (either),
 * 'true' and 'false'; the filter's state as the Select's value; a picked value as the state.
 */
export const yesNo = {
  options: (either: string, yes: string, no: string): Array<{ value: string; label: string }> => [
    { value: '', label: either },
    { value: 'true', label: yes },
    { value: 'false', label: no },
  ],
  value: (b: boolean | undefined): string => (b === undefined ? '' : String(b)),
  picked: (v: unknown): boolean | undefined => (v === '' ? undefined : v === 'true'),
};

export function boolOf(q: RawQuery, key: string): boolean | undefined {
  const s = one(q, key);
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

/** A yyyy-MM-dd calendar date that exists, or undefined. */
export function dateOf(q: RawQuery, key: string): string | undefined {
  const s = one(q, key);
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : undefined;
}

/** The query to write: blanks, undefined and the page-1 / default-size values left out. */
export function cleanQuery(
  values: Record<string, string | number | boolean | undefined | null>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && Number(value) === 1) continue;
    if (key === 'pageSize' && Number(value) === 20) continue;
    out[key] = String(value);
  }
  return out;
}

/**
 * Beijing calendar days [from, to] (both inclusive, as a person picks them) as the API's ISO
 * bounds: from Beijing midnight of `from` to Beijing midnight after `to`.
 */
export function beijingDayBounds(from?: string, to?: string): { from?: string; to?: string } {
  const next = (day: string): string =>
    new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    ...(from ? { from: `${from}T00:00:00+08:00` } : {}),
    ...(to ? { to: `${next(to)}T00:00:00+08:00` } : {}),
  };
}
