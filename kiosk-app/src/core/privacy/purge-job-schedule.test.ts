/**
 * How the purge reports itself: the cut-off it used, each run's outcome for the metrics, a failed
 * hourly run in the log instead of a crash, a second start that does not double the schedule,
 * and a WAL checkpoint a reader blocks (on a real SQLite file).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log/logger';
import { OUTBOX_MIGRATIONS } from '../outbox';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase, type KioskDatabase } from '../store/database';
import { PRIVACY_MIGRATIONS } from './privacy-migrations';
import { PURGE_INTERVAL_MS, PurgeJob, systemPurgeClock, type PurgeClock } from './purge-job';

const DAY = 86_400_000;
const START = Date.parse('2026-03-01T02:00:00Z');
const MIGRATIONS = [...coreMigrations, ...OUTBOX_MIGRATIONS, ...PRIVACY_MIGRATIONS];

/** A clock whose hourly ticks the test fires by hand. */
function handClock(at = START) {
  const ticks = new Set<() => void>();
  const clock: PurgeClock = {
    now: () => new Date(at),
    every: (ms, tick) => {
      expect(ms).toBe(PURGE_INTERVAL_MS);
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
  };
  return { clock, ticks, fire: () => [...ticks].forEach((tick) => tick()) };
}

function logged() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return { lines, logger, events: () => lines.map((l) => l.event) };
}

function insertReceipt(db: KioskDatabase, code: string, createdAt: string): void {
  db.prepare(
    `INSERT INTO receipts (dossier_code, personal_id, procedure_code, received_at, slip_json, created_at)
     VALUES (?, 'bi1:x', '1.004222', ?, 'kf1:x', ?)`,
  ).run(code, createdAt, createdAt);
}

describe('PurgeJob reporting', () => {
  it('reports the cut-off it used: now less the retention', () => {
    const db = openDatabase(':memory:', MIGRATIONS);
    const { clock } = handClock();
    const report = new PurgeJob({ db, retentionDays: 30, clock }).runOnce();
    expect(report.cutoff).toBe(new Date(START - 30 * DAY).toISOString());
    expect(report.cutoff).toBe('2026-01-30T02:00:00.000Z');
  });

  it('deletes only receipts stored before the cut-off when told to delete', () => {
    const db = openDatabase(':memory:', MIGRATIONS);
    insertReceipt(db, 'H01-260129-1001', '2026-01-29T02:00:00.000Z');
    insertReceipt(db, 'H01-260131-1002', '2026-01-31T02:00:00.000Z');
    const { clock } = handClock();
    const job = new PurgeJob({ db, retentionDays: 30, clock, receipts: 'delete' });
    expect(job.runOnce().receiptsPurged).toBe(1);
    expect(db.prepare('SELECT dossier_code FROM receipts').all()).toEqual([
      { dossier_code: 'H01-260131-1002' },
    ]);
  });

  it('logs the four counts of a run', () => {
    const db = openDatabase(':memory:', MIGRATIONS);
    insertReceipt(db, 'H01-260129-1001', '2026-01-29T02:00:00.000Z');
    const { lines, logger } = logged();
    new PurgeJob({ db, retentionDays: 30, clock: handClock().clock, logger }).runOnce();
    expect(lines.find((l) => l.event === 'privacy.purge')).toMatchObject({
      level: 'info',
      receipts: 1,
      payloadsCleared: 0,
      outboxDeleted: 0,
      undeliveredKept: 0,
    });
  });

  it('tells the metrics each run’s outcome and time, and logs a failed hourly run', () => {
    const db = openDatabase(':memory:', MIGRATIONS);
    const { clock, fire } = handClock();
    const { lines, logger, events } = logged();
    const runs: [string, string][] = [];
    const job = new PurgeJob({
      db,
      retentionDays: 30,
      clock,
      logger,
      onRun: (outcome, at) => runs.push([outcome, at.toISOString()]),
    });
    job.start();
    expect(runs).toEqual([['ok', '2026-03-01T02:00:00.000Z']]);
    db.exec('DROP TABLE outbox_dossier');
    expect(() => fire()).not.toThrow();
    expect(runs[1]).toEqual(['failed', '2026-03-01T02:00:00.000Z']);
    expect(events()).toContain('privacy.purge.failed');
    expect(lines.find((l) => l.event === 'privacy.purge.failed')).toMatchObject({
      level: 'error',
      reason: 'SqliteError',
    });
    expect(() => job.runOnce()).toThrow();
    job.stop();
  });

  it('a failed first run is thrown to the caller and counted', () => {
    const db = openDatabase(':memory:', MIGRATIONS);
    db.exec('DROP TABLE outbox_dossier');
    const outcomes: string[] = [];
    const job = new PurgeJob({
      db,
      retentionDays: 30,
      clock: handClock().clock,
      onRun: (outcome) => outcomes.push(outcome),
    });
    expect(() => job.start()).toThrow();
    expect(outcomes).toEqual(['failed']);
  });

  it('keeps one hourly schedule when started twice', () => {
    const db = openDatabase(':memory:', MIGRATIONS);
    const { clock, ticks } = handClock();
    const job = new PurgeJob({ db, retentionDays: 30, clock });
    job.start();
    job.start();
    expect(ticks.size).toBe(1);
    job.stop();
    expect(ticks.size).toBe(0);
  });

  it('warns when a reader holds the WAL, and the next run empties it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kiosk-purge-busy-')), 'kiosk.sqlite');
    const db = openDatabase(file, MIGRATIONS);
    // The checkpoint waits this long for the reader before it gives up (the kiosk waits 5 s).
    db.pragma('busy_timeout = 50');
    insertReceipt(db, 'H01-260129-1001', '2026-01-29T02:00:00.000Z');
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM receipts').get();
    const { lines, logger } = logged();
    const job = new PurgeJob({ db, retentionDays: 30, clock: handClock().clock, logger });
    expect(job.runOnce().receiptsPurged).toBe(1);
    const busy = lines.find((l) => l.event === 'privacy.purge.checkpointBusy');
    expect(busy).toMatchObject({ level: 'warn' });
    expect(busy?.walFrames).toBeGreaterThan(0);
    reader.exec('COMMIT');
    reader.close();
    lines.length = 0;
    job.runOnce();
    expect(lines.map((l) => l.event)).toEqual(['privacy.purge']);
    db.close();
  });
});

describe('PurgeJob retention', () => {
  it('takes one day as the shortest retention, and names a refused value', () => {
    const db = openDatabase(':memory:', MIGRATIONS);
    expect(new PurgeJob({ db, retentionDays: 1, clock: handClock().clock }).runOnce().cutoff).toBe(
      '2026-02-28T02:00:00.000Z',
    );
    expect(() => new PurgeJob({ db, retentionDays: 0.5 })).toThrow(
      'retentionDays must be a whole number ≥ 1, not 0.5',
    );
  });
});

describe('systemPurgeClock', () => {
  it('ticks on a real timer until cancelled, and tells the time', async () => {
    const before = Date.now();
    expect(systemPurgeClock.now().getTime()).toBeGreaterThanOrEqual(before);
    const tick = vi.fn();
    const cancel = systemPurgeClock.every(5, tick);
    await vi.waitFor(() => expect(tick.mock.calls.length).toBeGreaterThanOrEqual(2));
    cancel();
    const count = tick.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(tick.mock.calls.length).toBe(count);
  });
});
