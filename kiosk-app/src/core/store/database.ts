import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { restrictDatabaseFiles } from './database-file-mode';

export type KioskDatabase = Database.Database;

/**
 * The database could not be opened or brought up to date at start (corrupt file, no space, no
 * permission): names the file, so the technician knows which one to check or restore.
 */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  readonly code = 'DATABASE_UNUSABLE';

  constructor(
    readonly file: string,
    readonly sqliteCode: string | undefined,
    reason: string,
  ) {
    super(`the kiosk database ${file} cannot be used: ${reason}`);
  }
}

/** One versioned schema change. Versions are global across modules; each runs once, in order. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: KioskDatabase): void;
}

/**
 * Opens the kiosk database with the durability the design asks for: WAL so readers never block
 * the writer, `synchronous=FULL` so a dossier or receipt that was committed survives a power cut,
 * a busy timeout so the outbox worker and the API never fail on a momentary lock, and
 * `secure_delete` so removed personal data is overwritten. The files are owner-only (0600)
 * whatever the process umask.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = []): KioskDatabase {
  try {
    return openAndMigrate(file, migrations);
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    const sqliteCode =
      error instanceof Database.SqliteError
        ? error.code
        : error instanceof Error && 'code' in error && typeof error.code === 'string'
          ? error.code
          : undefined;
    throw new DatabaseOpenError(
      file,
      sqliteCode,
      error instanceof Error ? error.message : String(error),
    );
  }
}

function openAndMigrate(file: string, migrations: readonly Migration[]): KioskDatabase {
  const onDisk = file !== ':memory:';
  if (onDisk) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    restrictDatabaseFiles(file);
  }
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // The -wal and -shm files exist from here on; tighten any an older version left behind.
    if (onDisk) restrictDatabaseFiles(file);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted and overwritten cells are zeroed, so a purged slip is not left in a page's free space
    // (https://sqlite.org/pragma.html#pragma_secure_delete).
    db.pragma('secure_delete = ON');
    migrate(db, migrations);
  } catch (error) {
    // A file that is not a database fails at the first pragma: release it before reporting.
    db.close();
    throw error;
  }
  return db;
}

/** Applies pending migrations, each in its own transaction together with its version record. */
export function migrate(db: KioskDatabase, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const seen = new Set<number>();
  for (const m of migrations) {
    if (seen.has(m.version))
      throw new Error(`duplicate migration version ${m.version} (${m.name})`);
    seen.add(m.version);
  }
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => (row as { version: number }).version),
  );
  const ran: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    ran.push(m.version);
  }
  return ran;
}
