/**
 * Money is integer fen everywhere; this is the one place it becomes text. Integer arithmetic
 * only (division and remainder on whole fen), so 0.1 + 0.2 never shows up on a screen.
 */
export function formatFen(fen: number, options: { symbol?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${options.symbol === false ? '' : '¥'}${yuan}.${cents}`;
}

/** "12.5" / "12.50" / "12" → 1250 fen, read digit by digit; null for anything else. */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** 1250 → "12.50" (no symbol, no separators: what a person types back). */
export function fenToYuanText(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
