import Database from 'better-sqlite3';

/** Filesystem errors that mean "no space left": ENOSPC, and EDQUOT where quotas are set. */
const NO_SPACE_ERRNOS = new Set(['ENOSPC', 'EDQUOT']);

/** What staff and technicians see when a request needed a write the full disk refused. */
export const DISK_FULL_MESSAGE =
  "the kiosk's data disk is full, so this could not be saved; free some space on it and try again";

/**
 * A write the kiosk could not make because its data disk is full. The technician frees space
 * (old logs, exports) and the kiosk carries on; nothing about the request itself was wrong.
 */
export class DiskFullError extends Error {
  override readonly name = 'DiskFullError';
  readonly code = 'DISK_FULL';

  constructor(what: string) {
    super(`${what}: the kiosk's data disk is full; free some space on it and try again`);
  }
}

/**
 * Whether `error` says the disk is full: SQLite's SQLITE_FULL (https://sqlite.org/rescode.html#full,
 * also raised when a file would pass `max_page_count`), a Node write's ENOSPC, or our own
 * `DiskFullError`.
 */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof DiskFullError) return true;
  if (error instanceof Database.SqliteError) return error.code === 'SQLITE_FULL';
  if (error instanceof Error && 'code' in error && typeof error.code === 'string')
    return NO_SPACE_ERRNOS.has(error.code);
  return false;
}
