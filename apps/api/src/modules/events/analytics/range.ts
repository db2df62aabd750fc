import { Errors } from '../../../common/errors/app-error';
import type { TimeRange } from '../event-store';

const DAY_MS = 86_400_000;
export const DEFAULT_RANGE_DAYS = 7;
export const MAX_RANGE_DAYS = 366;
/** The shop's calendar is Beijing time (UTC+8, no daylight saving). */
export const BEIJING_OFFSET_MS = 8 * 3600_000;

/**
 * A date ("2025-01-01") is Beijing midnight, and so is a date-time without an offset: reports
 * must not depend on the server's TZ setting.
 */
export function parseReportTime(raw: string): Date {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00+08:00` : raw;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}+08:00`;
  return new Date(zoned);
}

/** [from, to): default the last 7 days up to now; from before to; at most 366 days. */
export function resolveRange(query: { from?: string; to?: string }, now = new Date()): TimeRange {
  const to = query.to ? parseReportTime(query.to) : now;
  const from = query.from ? parseReportTime(query.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (Number.isNaN(value.getTime())) {
      throw Errors.VALIDATION_FAILED(`${field} is not a valid date`, {
        errors: [{ field, message: `${field} is not a valid date` }],
      });
    }
  }
  if (from.getTime() >= to.getTime()) {
    throw Errors.VALIDATION_FAILED('from must be before to', {
      errors: [{ field: 'from', message: 'from must be before to' }],
    });
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    const message = `the range can be at most ${MAX_RANGE_DAYS} days`;
    throw Errors.VALIDATION_FAILED(message, { errors: [{ field: 'from', message }] });
  }
  return { from, to };
}

/** yyyy-MM-dd of the Beijing calendar day an instant falls in. */
export function beijingDay(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Every Beijing day the range touches, oldest first. */
export function beijingDays(range: TimeRange): string[] {
  const days: string[] = [];
  const last = beijingDay(new Date(range.to.getTime() - 1));
  for (let day = beijingDay(range.from); day <= last;) {
    days.push(day);
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  }
  return days;
}
