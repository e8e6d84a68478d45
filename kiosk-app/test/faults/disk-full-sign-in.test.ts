/**
 * Fault (issue 24, lesser): the data disk is full. Every SQLite write fails with SQLITE_FULL, and
 * sign-in, which counts the attempt and writes an audit row, answered INTERNAL: no technician
 * could reach the health report that names the problem.
 *
 * The disk is real: a small tmpfs mounted on the data folder before `kiosk serve` starts, filled
 * with a file, then the database's write-ahead log is grown from a second connection until not
 * even one more page fits (a WAL reuses its own space, so a full filesystem alone can still let
 * a small write through). Mounting needs root; elsewhere the file is skipped, saying why.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@kiosk/protocol';
import type { TestClient } from '../core-harness';
import type { KioskProcess } from '../kiosk-process';
import { TECHNICIAN, connect, health, startServe, technician } from './kiosk-serve';

type Reply = Extract<ServerMessage, { type: 'reply' }>;

const IS_ROOT = process.getuid?.() === 0;
const DISK_SIZE = '24m';
const STAFF = { user: 'cb1', pin: '715302' };
const WRONG_PIN = '100200';

let kiosk: KioskProcess | undefined;
let mounted: string | undefined;
const replies: Reply[] = [];

function mountSmallDisk(dir: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_SIZE},mode=0700`, 'tmpfs', dir]);
  mounted = dir;
}

/** Writes a file until the filesystem refuses another byte. */
function fillWithFile(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          if (writeSync(fd, chunk) < size) break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Appends to the WAL until a one-row write fails: the next write of the kiosk must fail too. */
function exhaustDatabaseLog(file: string): void {
  const db = new Database(file);
  try {
    const insert = db.prepare(
      "INSERT INTO audit_log (at, actor, action, detail) VALUES ('2026-01-01', 'test', 'fill', ?)",
    );
    for (const size of [64 * 1024, 4096, 16]) {
      for (;;) {
        try {
          insert.run('x'.repeat(size));
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_FULL') break;
          throw error;
        }
      }
    }
  } finally {
    db.close();
  }
}

async function ask(client: TestClient, message: Parameters<TestClient['request']>[0]) {
  const reply = await client.request(message);
  replies.push(reply);
  return reply;
}

describe.skipIf(!IS_ROOT)(
  'sign-in while the data disk is full (needs root to mount a tmpfs)',
  () => {
    beforeAll(async () => {
      kiosk = await startServe({}, {}, { prepareDataDir: mountSmallDisk });
      const tech = await technician(kiosk);
      const created = await tech.request({ type: 'accounts.create', role: 'staff', ...STAFF });
      expect(created.ok, JSON.stringify(created)).toBe(true);
      tech.close();
      fillWithFile(join(kiosk.dataDir, 'filler.bin'));
      exhaustDatabaseLog(join(kiosk.dataDir, 'kiosk.sqlite'));
    });

    afterAll(async () => {
      await kiosk?.stop();
      if (mounted) execFileSync('umount', ['-l', mounted]);
    });

    it('the technician signs in with the right PIN and the health report names the disk', async () => {
      const client = await connect(kiosk!);
      const signedIn = await ask(client, {
        type: 'auth.signIn',
        role: 'technician',
        ...TECHNICIAN,
      });
      expect(signedIn, JSON.stringify(signedIn)).toMatchObject({ ok: true });
      const report = await health(client);
      expect(report.problems).toContain('disk:low');
      expect(report.healthy).toBe(false);
      client.close();
    });

    it('wrong PINs still lock the account, though no count reaches the disk', async () => {
      const client = await connect(kiosk!);
      const codes: string[] = [];
      for (const pin of [WRONG_PIN, WRONG_PIN, WRONG_PIN, STAFF.pin]) {
        const reply = await ask(client, {
          type: 'auth.signIn',
          role: 'staff',
          user: STAFF.user,
          pin,
        });
        codes.push(reply.ok ? 'ok' : reply.error.code);
      }
      expect(codes).toEqual(['SIGN_IN_FAILED', 'SIGN_IN_FAILED', 'LOCKED_OUT', 'LOCKED_OUT']);
      // The disk really refused the counts: the stored row never saw them.
      const db = new Database(join(kiosk!.dataDir, 'kiosk.sqlite'), { readonly: true });
      const row = db
        .prepare("SELECT failures FROM accounts WHERE user = ? AND role = 'staff'")
        .get(STAFF.user) as { failures: number };
      db.close();
      expect(row.failures).toBe(0);
      client.close();
    });

    it('a write that needs space answers DISK_FULL with a plain message, and nothing answers INTERNAL', async () => {
      const client = await connect(kiosk!);
      await ask(client, { type: 'auth.signIn', role: 'technician', ...TECHNICIAN });
      const created = await ask(client, {
        type: 'accounts.create',
        role: 'staff',
        user: 'cb2',
        pin: '604918',
      });
      expect(created).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      if (!created.ok) expect(created.error.message).toMatch(/disk .*full/i);
      client.close();
      expect(replies.filter((r) => !r.ok && r.error.code === 'INTERNAL')).toEqual([]);
    });

    it('once space returns, the sign-ins the audit log missed are written', async () => {
      rmSync(join(kiosk!.dataDir, 'filler.bin'));
      const client = await connect(kiosk!);
      const signedIn = await ask(client, {
        type: 'auth.signIn',
        role: 'technician',
        ...TECHNICIAN,
      });
      expect(signedIn).toMatchObject({ ok: true });
      const recent = await ask(client, { type: 'audit.recent', limit: 50 });
      expect(recent.ok).toBe(true);
      const entries = (recent.ok ? recent.data : []) as { actor: string; action: string }[];
      const staffFailures = entries.filter(
        (e) => e.actor === `staff:${STAFF.user}` && e.action === 'sign-in.failed',
      );
      expect(staffFailures).toHaveLength(4);
      client.close();
    });
  },
);
