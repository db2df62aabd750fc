const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** yyyy-MM-dd in Beijing time, `days` from today (the API's reports use Beijing days too). */
export function beijingDate(days = 0, now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS + days * 86400_000).toISOString().slice(0, 10);
}

/** A timestamp as Beijing wall-clock time, e.g. 2025-01-02 09:30:00. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
