export type QueryValue = string | number | boolean | null | undefined;

/** `{a: 1, b: undefined, c: 'x y'}` → `a=1&c=x%20y` (empty values are left out). */
export function toQueryString(query: Record<string, QueryValue>): string {
  return Object.keys(query)
    .filter((key) => query[key] !== undefined && query[key] !== null && query[key] !== '')
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(query[key]))}`)
    .join('&');
}

export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const qs = toQueryString(query);
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

/** A positive integer id from a page query, or null. */
export function idParam(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}
