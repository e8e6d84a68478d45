import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DiskFullError, isDiskFull } from './disk-full';

function sqliteOwnFullError(): unknown {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (x BLOB)');
  // SQLite answers SQLITE_FULL itself once the file would pass its page limit.
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  try {
    db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(64 * 1024));
    return undefined;
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
}

describe('isDiskFull', () => {
  it('recognises SQLite’s own SQLITE_FULL, ENOSPC, EDQUOT and DiskFullError', () => {
    expect(isDiskFull(sqliteOwnFullError())).toBe(true);
    expect(isDiskFull(Object.assign(new Error('write'), { code: 'ENOSPC' }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('write'), { code: 'EDQUOT' }))).toBe(true);
    expect(isDiskFull(new DiskFullError('the new PIN cannot be saved'))).toBe(true);
  });

  it('leaves every other failure alone', () => {
    expect(isDiskFull(new Database.SqliteError('database is locked', 'SQLITE_BUSY'))).toBe(false);
    expect(isDiskFull(Object.assign(new Error('open'), { code: 'EACCES' }))).toBe(false);
    expect(isDiskFull(new Error('boom'))).toBe(false);
    expect(isDiskFull('SQLITE_FULL')).toBe(false);
  });
});
