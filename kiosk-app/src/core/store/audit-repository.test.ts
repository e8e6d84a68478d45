import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AuditRepository, MAX_HELD_AUDIT_ENTRIES } from './audit-repository';
import { coreMigrations } from './core-migrations';
import { openDatabase } from './database';
import { fullDiskTwin } from './full-disk-twin';

function audit() {
  const db = openDatabase(':memory:', coreMigrations);
  const disk = fullDiskTwin(db);
  const repo = new AuditRepository(db, () => new Date('2026-03-10T02:00:00Z'));
  const actions = () =>
    repo
      .recent(MAX_HELD_AUDIT_ENTRIES + 10)
      .map((e) => e.action)
      .reverse();
  return { db, disk, repo, actions };
}

describe('AuditRepository on a full disk (issue 24)', () => {
  it('holds what the disk refuses and writes it, in order, before the next entry', () => {
    const { disk, repo, actions } = audit();
    repo.record('kiosk', 'first');
    disk.full = true;
    expect(repo.record('technician:kt1', 'sign-in')).toMatchObject({ id: 0, action: 'sign-in' });
    repo.record('technician:kt1', 'health');
    expect(repo.heldCount()).toBe(2);
    expect(actions()).toEqual(['first']);
    disk.full = false;
    repo.record('technician:kt1', 'sign-out');
    expect(repo.heldCount()).toBe(0);
    expect(actions()).toEqual(['first', 'sign-in', 'health', 'sign-out']);
  });

  it('past the limit drops the oldest and records how many were lost', () => {
    const { disk, repo, actions } = audit();
    disk.full = true;
    for (let i = 0; i < MAX_HELD_AUDIT_ENTRIES + 2; i += 1) repo.record('kiosk', `a${i}`);
    disk.full = false;
    repo.record('kiosk', 'after');
    const written = actions();
    expect(written[0]).toBe('a2');
    expect(written.slice(-2)).toEqual(['audit.dropped', 'after']);
    expect(repo.recent(2)[1]?.detail).toBe('2 entries lost while the disk was full');
  });

  it("inside a caller's transaction lets the failure through, so the caller's write fails whole", () => {
    const { db, disk, repo } = audit();
    disk.full = true;
    expect(() => db.transaction(() => repo.record('kiosk', 'inside'))()).toThrow(
      Database.SqliteError,
    );
    expect(repo.heldCount()).toBe(0);
  });
});
