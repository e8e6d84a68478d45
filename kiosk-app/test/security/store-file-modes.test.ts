/**
 * Issue 14, item 5: the database holds sealed personal data, its blind indexes and the audit
 * log, and its WAL holds recent pages of all of them. They must be readable by the kiosk user
 * only, whatever the umask of the process that started the core (`kiosk serve` ran with 022 and
 * left kiosk.sqlite, -wal and -shm at 0644).
 */
import { chmodSync, closeSync, mkdtempSync, openSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { openDatabase } from '../../src/core/store/database';
import { startCoreUnderTest, type CoreUnderTest } from '../core-harness';

const modeOf = (file: string): string => (statSync(file).mode & 0o777).toString(8);
const DB_FILES = ['kiosk.sqlite', 'kiosk.sqlite-wal', 'kiosk.sqlite-shm'];

describe('database file modes', () => {
  let env: CoreUnderTest | undefined;
  afterEach(async () => {
    await env?.core.stop();
    env = undefined;
  });

  it('the core creates the database, its WAL and shared memory file 0600 under umask 022', async () => {
    const previous = process.umask(0o022);
    let started: CoreUnderTest;
    try {
      started = await startCoreUnderTest();
    } finally {
      process.umask(previous);
    }
    env = started;
    const modes = DB_FILES.map((name) => [name, modeOf(join(started.dataDir, name))]);
    expect(modes).toEqual(DB_FILES.map((name) => [name, '600']));
  });

  it('tightens files an older version left world-readable when it opens them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-modes-'));
    const file = join(dir, 'kiosk.sqlite');
    openDatabase(file, ALL_MIGRATIONS).close();
    for (const name of DB_FILES) {
      closeSync(openSync(join(dir, name), 'a'));
      chmodSync(join(dir, name), 0o644);
    }
    const db = openDatabase(file, ALL_MIGRATIONS);
    try {
      expect(DB_FILES.map((name) => modeOf(join(dir, name)))).toEqual(['600', '600', '600']);
    } finally {
      db.close();
    }
  });
});
