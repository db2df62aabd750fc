/**
 * Integer fen as yuan text, "1234.50", by whole-number division and remainder: never a float
 * in between, so no amount is ever off by a fen. No thousands separators (spreadsheets read it
 * as a number).
 */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
