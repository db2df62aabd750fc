/** The engine's error code of a failed query (TypeORM wraps it in driverError), or ''. */
export function dbErrorCode(err: unknown): string {
  const e = err as { code?: string; driverError?: { code?: string } } | null | undefined;
  return e?.driverError?.code ?? e?.code ?? '';
}

/** A unique-index violation on either engine (MySQL ER_DUP_ENTRY, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(err: unknown): boolean {
  const code = dbErrorCode(err);
  return (
    code === 'ER_DUP_ENTRY' ||
    code.startsWith('SQLITE_CONSTRAINT_UNIQUE') ||
    /UNIQUE constraint failed/.test((err as { message?: string }).message ?? '')
  );
}

/** A row still referenced by a foreign key on either engine (MySQL ER_ROW_IS_REFERENCED*, SQLite). */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = dbErrorCode(err);
  return code.startsWith('ER_ROW_IS_REFERENCED') || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
