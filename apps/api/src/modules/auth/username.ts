/**
 * One spelling per operator account: NFKC folds full-width letters (`Ｏｐｓ` → `Ops`), then
 * surrounding space goes and case is folded. Applied on create and on login, in code, so SQLite
 * (case-sensitive) and MariaDB (case-insensitive collation, trailing-space padding) agree.
 */
export function normaliseUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** bcrypt reads only the first 72 bytes; a Chinese passphrase reaches that at 24 characters. */
export const BCRYPT_MAX_BYTES = 72;

export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'password must be at least 8 characters';
  if (Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES) {
    return `password can be at most ${BCRYPT_MAX_BYTES} bytes (about 24 Chinese or 72 Latin characters)`;
  }
  return null;
}
