import type { Fen } from '../contracts/common';

/**
 * The one way money is shown: integer fen → "1299.00". Integer arithmetic only, so no
 * floating-point artefact (0.1 + 0.2) can ever reach the screen. Callers add the "¥".
 */
export function formatFen(fen: Fen): string {
  if (!Number.isFinite(fen)) return '--';
  const whole = Math.round(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const cents = abs % 100;
  return `${sign}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}
