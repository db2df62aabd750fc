/**
 * Text a person types that other people later read (remarks, nicknames, address lines): not
 * blank, no control characters (NUL, CR/LF, ESC … would break a shipping label, a CSV export or a
 * log line) and no bidirectional embedding/override/isolate marks (U+202A–U+202E,
 * U+2066–U+2069), which make an operator read a different text than the one stored. Emoji and
 * every script are fine.
 */
export const SAFE_TEXT = /^(?!\s*$)[^\p{Cc}\u202A-\u202E\u2066-\u2069]+$/u;

export const safeTextMessage = (field: string): string =>
  `${field} must not be blank or contain control or text-direction characters`;
