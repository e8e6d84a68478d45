/**
 * Issue 24: a database the core cannot open at start (corrupt, unwritable) stopped it with
 * SQLite's bare "file is not a database", which names no file: the technician could not tell
 * which one to restore. The error names the database's path and keeps SQLite's code.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from './database';

const folder = () => mkdtempSync(join(tmpdir(), 'kiosk-db-open-'));

describe('openDatabase errors name the database', () => {
  it('a corrupt file', () => {
    const file = join(folder(), 'kiosk.sqlite');
    writeFileSync(file, Buffer.alloc(4096, 0x5a));
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(file);
    try {
      openDatabase(file);
    } catch (error) {
      expect(error).toMatchObject({ code: 'DATABASE_UNUSABLE', file, sqliteCode: 'SQLITE_NOTADB' });
    }
  });

  it('a path the core cannot open as a file', () => {
    const file = folder();
    expect(() => openDatabase(file)).toThrow(file);
  });
});
