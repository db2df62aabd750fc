import { formatRfc3339Beijing, sanitizeDescription } from './format';

describe('formatRfc3339Beijing', () => {
  it('formats in +08:00 with seconds precision', () => {
    expect(formatRfc3339Beijing(new Date('2018-06-08T02:34:56.789Z'))).toBe('2018-06-08T10:34:56+08:00');
    expect(formatRfc3339Beijing(Date.UTC(2024, 11, 31, 16, 0, 0))).toBe('2025-01-01T00:00:00+08:00');
    expect(() => formatRfc3339Beijing(new Date('nope'))).toThrow(RangeError);
  });
});

describe('sanitizeDescription', () => {
  it('strips 4-byte UTF-8 characters (emoji) and keeps CJK', () => {
    expect(sanitizeDescription('🎁限量礼盒👍 QQ公仔')).toBe('限量礼盒 QQ公仔');
  });

  it('cuts to 127 characters', () => {
    const out = sanitizeDescription('商'.repeat(200));
    expect(out).toHaveLength(127);
    expect(sanitizeDescription('a'.repeat(127) + '😀b')).toBe('a'.repeat(127));
  });
});
