import { AppError } from '../../../common/errors/app-error';
import { normaliseKeyword, plausibleClientTime } from '../behaviour-events.service';
import { beijingDay, beijingDays, parseReportTime, resolveRange } from './range';

describe('report ranges', () => {
  const now = new Date('2025-03-10T12:00:00Z');

  it('defaults to the last 7 days up to now', () => {
    const r = resolveRange({}, now);
    expect(r.to).toEqual(now);
    expect(r.from.toISOString()).toBe('2025-03-03T12:00:00.000Z');
  });

  it('reads dates and zoneless date-times as Beijing time, and keeps explicit offsets', () => {
    expect(parseReportTime('2025-03-01').toISOString()).toBe('2025-02-28T16:00:00.000Z');
    expect(parseReportTime('2025-03-01T08:00:00').toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(parseReportTime('2025-03-01T08:00:00Z').toISOString()).toBe('2025-03-01T08:00:00.000Z');
    expect(parseReportTime('2025-03-01T08:00:00+01:00').toISOString()).toBe('2025-03-01T07:00:00.000Z');
  });

  it.each([
    [{ from: '2025-03-05', to: '2025-03-05' }, 'from must be before to'],
    [{ from: '2025-03-06', to: '2025-03-05' }, 'from must be before to'],
    [{ from: '2024-01-01', to: '2025-03-05' }, 'at most 366 days'],
    [{ from: '20250101' }, 'not a valid date'],
  ])('refuses %p', (query, message) => {
    let error: unknown;
    try {
      resolveRange(query, now);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).getStatus()).toBe(400);
    expect((error as AppError).message).toContain(message);
  });

  it('buckets instants into Beijing days and lists every day a range touches', () => {
    expect(beijingDay(new Date('2025-03-04T15:59:59Z'))).toBe('2025-03-04');
    expect(beijingDay(new Date('2025-03-04T16:00:00Z'))).toBe('2025-03-05');
    expect(beijingDays(resolveRange({ from: '2025-02-27', to: '2025-03-02' }, now))).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
    ]);
  });
});

describe('event normalisation', () => {
  it('folds keyword case and spacing, and drops blank keywords', () => {
    expect(normaliseKeyword('  Red   SHOES ')).toBe('red shoes');
    expect(normaliseKeyword('连衣裙')).toBe('连衣裙');
    expect(normaliseKeyword('   ')).toBeNull();
    expect(normaliseKeyword(undefined)).toBeNull();
  });

  it('keeps the device time only within a week of the server time', () => {
    const server = new Date('2025-03-10T12:00:00Z');
    expect(plausibleClientTime('2025-03-10T11:59:00Z', server)?.toISOString()).toBe('2025-03-10T11:59:00.000Z');
    expect(plausibleClientTime('2025-03-04T12:00:00Z', server)).not.toBeNull();
    expect(plausibleClientTime('2025-03-01T12:00:00Z', server)).toBeNull();
    expect(plausibleClientTime('2030-01-01T00:00:00Z', server)).toBeNull();
  });
});
