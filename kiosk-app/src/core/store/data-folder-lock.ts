import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The sentinel file whose SQLite lock says "a core runs on this folder". It is never deleted:
 * deleting it while another process holds it open would let a third process lock a new file of
 * the same name, and two cores would each believe they hold the folder.
 */
export const DATA_FOLDER_LOCK_FILE = 'core.lock';
/** Who holds the lock, so a refused start can name it (written after the lock is taken). */
export const DATA_FOLDER_OWNER_FILE = 'core.lock.owner';

export class DataFolderLockedError extends Error {
  readonly code = 'DATA_FOLDER_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | undefined,
  ) {
    super(
      `the data folder ${dataDir} is in use by another kiosk core (PID ${holderPid ?? 'unknown'}); ` +
        'stop that core first, or give this one another --data-dir',
    );
    this.name = 'DataFolderLockedError';
  }
}

/** An exclusive hold on a data folder; only one core may store, serve or deliver from it. */
export interface DataFolderLock {
  readonly dataDir: string;
  release(): void;
}

function holderOf(dataDir: string): number | undefined {
  try {
    const pid = (
      JSON.parse(readFileSync(join(dataDir, DATA_FOLDER_OWNER_FILE), 'utf8')) as {
        pid?: unknown;
      }
    ).pid;
    return typeof pid === 'number' && Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the data folder for this process, before anything in it is written, or throws
 * `DataFolderLockedError` at once (no waiting).
 *
 * Why an SQLite EXCLUSIVE lock on a sentinel file rather than an O_EXCL file with a PID: the
 * operating system drops the lock when the process ends however it ends (SIGKILL, crash, power
 * cut), so there is no stale lock to detect. A PID file needs a liveness check, and after a
 * reboot the old PID is often a live, unrelated process (PIDs restart low under systemd), which
 * would keep the kiosk from ever starting. `flock` is not in Node's core; better-sqlite3 already
 * is a dependency, and SQLite's locks work the same on Linux (fcntl) and Windows (LockFileEx),
 * also between two connections of one process.
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  mkdirSync(dataDir, { recursive: true });
  // timeout 0: a held lock is an answer, not something to wait for.
  const sentinel = new Database(join(dataDir, DATA_FOLDER_LOCK_FILE), { timeout: 0 });
  try {
    sentinel.pragma('locking_mode = EXCLUSIVE');
    // Held until the connection closes: the transaction is never committed.
    sentinel.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    sentinel.close();
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY'))
      throw new DataFolderLockedError(dataDir, holderOf(dataDir));
    throw error;
  }
  const ownerFile = join(dataDir, DATA_FOLDER_OWNER_FILE);
  writeFileSync(ownerFile, `${JSON.stringify({ pid: process.pid })}\n`);
  let held = true;
  return {
    dataDir,
    release() {
      if (!held) return;
      held = false;
      if (holderOf(dataDir) === process.pid) rmSync(ownerFile, { force: true });
      sentinel.exec('ROLLBACK');
      sentinel.close();
    },
  };
}
