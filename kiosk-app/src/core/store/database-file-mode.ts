import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';

/** Owner read/write only: the files hold sealed personal data, blind indexes and the audit log. */
export const DATABASE_FILE_MODE = 0o600;

/** The files SQLite keeps beside a WAL-mode database (https://sqlite.org/tempfiles.html). */
export function databaseFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`];
}

/**
 * Makes the database and its WAL and shared-memory files owner-only, whatever the umask of the
 * starting process. SQLite's unix VFS gives the -wal and -shm files it creates the mode of the
 * main file, so the main file is created 0600 before SQLite opens it; files an older version
 * left wider are tightened. No-op on Windows (the installer sets an ACL on the data folder).
 */
export function restrictDatabaseFiles(file: string): void {
  if (process.platform === 'win32') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', DATABASE_FILE_MODE));
  for (const path of databaseFiles(file)) {
    try {
      chmodSync(path, DATABASE_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
