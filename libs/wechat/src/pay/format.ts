const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** RFC 3339 in Beijing time, seconds precision: `2018-06-08T10:34:56+08:00` (spec §2.0). */
export function formatRfc3339Beijing(date: Date | number): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid date');
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

/**
 * WeChat Pay accepts only 1–3 byte UTF-8 characters (no emoji) and at most 127 characters in
 * `description`; an emoji in a product title would otherwise fail the whole order call.
 */
export function sanitizeDescription(description: string): string {
  // Lone surrogates are dropped too: they are not valid UTF-8 at all.
  return description.replace(/[\uD800-\uDFFF]/g, '').slice(0, 127);
}
