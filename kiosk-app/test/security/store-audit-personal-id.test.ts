/**
 * Issue 14, item 3: a staff search by personal ID went into the audit log in clear text
 * (`receipts.find` subject `|001090012345||`), and the purge keeps the audit log, so the ID of
 * every citizen staff looked up stayed readable for ever. The audit must hold the blind-index
 * token instead (an investigator with the key can still ask "who searched for this ID?"), and
 * entries written by an older version must be rewritten, leaving no copy on disk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { AuditRepository } from '../../src/core/store/audit-repository';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { openDatabase } from '../../src/core/store/database';
import {
  AUDIT_SUBJECT,
  BlindIndex,
  ProtectedAuditRepository,
  loadDataKey,
} from '../../src/core/privacy';
import { testKey } from '../../src/core/privacy/test-keys';
import { startCoreUnderTest, TestClient, type CoreUnderTest } from '../core-harness';
import { freshDatabase, leavesTrace, rawDatabaseBytes } from './store-fixtures';

const SEARCHED_ID = '001090054321';

let env: CoreUnderTest | undefined;
afterEach(async () => {
  await env?.core.stop();
  env = undefined;
});

describe('audit of a staff search by personal ID', () => {
  it('records the blind-index token, never the ID, and the token still finds the entry', async () => {
    const started = await startCoreUnderTest();
    env = started;
    await started.core.accounts.create('lan', 'staff', '482913');
    const staff = await TestClient.connect(started.core);
    expect(
      (await staff.request({ type: 'auth.signIn', role: 'staff', user: 'lan', pin: '482913' })).ok,
    ).toBe(true);
    const found = await staff.request({ type: 'receipts.find', personalId: SEARCHED_ID });
    expect(found.ok).toBe(true);
    staff.socket.close();

    const rows = started.core.db
      .prepare("SELECT subject, detail FROM audit_log WHERE action = 'receipts.find'")
      .all() as { subject: string | null; detail: string | null }[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(SEARCHED_ID);
    const key = loadDataKey({ dataDir: started.dataDir, allowDemoKey: true });
    const [token] = new BlindIndex(key).candidates(SEARCHED_ID, AUDIT_SUBJECT);
    expect(rows[0]?.subject).toBe(`|${token}||`);
  });

  it('rewrites entries an older version stored in clear, leaving no copy in the file or WAL', () => {
    const { file, db } = freshDatabase('kiosk-audit-');
    const legacy = new AuditRepository(db);
    legacy.record('staff:lan', 'receipts.find', `|${SEARCHED_ID}||`);
    legacy.record('staff:lan', 'receipts.find', `H01-261128-1001|${SEARCHED_ID}|2026-11-01|`);
    legacy.record('staff:lan', 'receipts.reprint', 'H01-261128-1001');
    db.close();
    // Control: the scan sees the ID while it is there.
    expect(leavesTrace(rawDatabaseBytes(file), SEARCHED_ID)).toBe(true);

    const again = openDatabase(join(file), ALL_MIGRATIONS);
    try {
      const audit = new ProtectedAuditRepository(again, testKey(4));
      expect(leavesTrace(rawDatabaseBytes(file), SEARCHED_ID)).toBe(false);
      const [token] = new BlindIndex(testKey(4)).candidates(SEARCHED_ID, AUDIT_SUBJECT);
      expect(
        audit
          .recent(10)
          .map((e) => e.subject)
          .reverse(),
      ).toEqual([`|${token}||`, `H01-261128-1001|${token}|2026-11-01|`, 'H01-261128-1001']);
    } finally {
      again.close();
    }
  });
});
