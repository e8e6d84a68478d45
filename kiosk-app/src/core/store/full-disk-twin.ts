import Database from 'better-sqlite3';
import type { KioskDatabase } from './database';

/** Turns the twin's full disk on and off. */
export interface FullDiskSwitch {
  full: boolean;
}

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/**
 * For unit tests: while `full` is set, every INSERT, UPDATE or DELETE prepared on `db` throws the
 * error better-sqlite3 throws when the disk is full (`SqliteError`, code SQLITE_FULL); reads still
 * work, as on a real full disk. Integration tests fill a real disk instead
 * (kiosk-app/test/faults/disk-full-sign-in.test.ts); a page limit (`max_page_count`) cannot
 * stand in here, since an UPDATE in place needs no new page.
 */
export function fullDiskTwin(db: KioskDatabase): FullDiskSwitch {
  const disk: FullDiskSwitch = { full: false };
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    if (!WRITE.test(source)) return statement;
    return new Proxy(statement, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (property === 'run' && disk.full)
          return () => {
            throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
          };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }) as KioskDatabase['prepare'];
  return disk;
}
