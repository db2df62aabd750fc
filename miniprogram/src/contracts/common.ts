// GENERATED — do not edit. Source: libs/contracts/src/common.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
/**
 * Money is always integer fen (1/100 CNY). Never a float.
 * @asType integer
 */
export type Fen = number;

/**
 * ISO-8601 timestamp string (UTC).
 * @format date-time
 */
export type IsoDateTime = string;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;
