import { syntheticCitizen } from '@kiosk/test-fixtures';
import { describe, expect, it } from 'vitest';
import type { ReceiptView } from '@kiosk/protocol';
import { blockOfKiosk, DossierCodeAllocator } from '../dossier-code/dossier-code';
import { createLogger } from '../log/logger';
import { Outbox, OUTBOX_MIGRATIONS } from '../outbox';
import { AuditRepository } from '../store/audit-repository';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase } from '../store/database';
import { EncryptedReceiptRepository } from './encrypted-receipt-repository';
import { PRIVACY_MIGRATIONS } from './privacy-migrations';
import { PURGE_INTERVAL_MS, PurgeJob, type PurgeClock } from './purge-job';
import { testKey } from './test-keys';

const DAY = 86_400_000;

/** A simulated clock: `advance` moves time and fires the hourly tick as a real timer would. */
class SimulatedClock implements PurgeClock {
  private timers: { ms: number; next: number; tick: () => void }[] = [];

  constructor(private at: number) {}

  now(): Date {
    return new Date(this.at);
  }

  every(ms: number, tick: () => void): () => void {
    const timer = { ms, next: this.at + ms, tick };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  get pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const end = this.at + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.at = due.next;
      due.next += due.ms;
      due.tick();
    }
    this.at = end;
  }
}

function receipt(code: string, name: string): ReceiptView {
  return {
    dossierCode: code,
    centreName: 'Trung tâm',
    receivingUnit: 'Một cửa',
    applicantName: name,
    procedureCode: '1.004222',
    procedureName: 'Đăng ký thường trú',
    documents: [],
    processingTime: '7 ngày làm việc',
    receivedAt: '2026-03-10T09:00:00+07:00',
    appointmentAt: '2026-03-19T09:00:00+07:00',
    collectAt: 'Quầy',
    status: 'queued',
    lookupUrl: 'https://example.gov.vn',
    trackingHint: '',
    kioskId: 'KIOSK-01',
  };
}

function setup() {
  const clock = new SimulatedClock(Date.parse('2026-03-01T02:00:00Z'));
  const db = openDatabase(':memory:', [
    ...coreMigrations,
    ...OUTBOX_MIGRATIONS,
    ...PRIVACY_MIGRATIONS,
  ]);
  const receipts = new EncryptedReceiptRepository(db, testKey(1), { now: () => clock.now() });
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H01', block: blockOfKiosk(1) }),
    () => clock.now().getTime(),
  );
  const audit = new AuditRepository(db, () => clock.now());
  const lines: string[] = [];
  const job = new PurgeJob({
    db,
    retentionDays: 30,
    clock,
    logger: createLogger(
      (l) => lines.push(l),
      () => clock.now(),
    ),
  });
  /** One citizen's dossier: queued in the outbox, receipt stored, staff reprint audited. */
  const submit = (i: number) => {
    const citizen = syntheticCitizen(i);
    const { id, code, idempotencyKey } = outbox.enqueue({
      procedureCode: '1.004222',
      receivedAt: clock.now().toISOString(),
      appointmentAt: clock.now().toISOString(),
      applicant: citizen,
      form: {},
    });
    receipts.save(receipt(code, citizen.fullName), citizen.personalId);
    audit.record('staff:lan', 'receipt.reprint', code);
    return { id, code, idempotencyKey, citizen };
  };
  return { clock, db, receipts, outbox, audit, job, lines, submit };
}

describe('PurgeJob', () => {
  it('keeps everything inside the retention period', () => {
    const { clock, job, submit, receipts } = setup();
    const { code } = submit(1);
    clock.advance(29 * DAY);
    expect(job.runOnce()).toMatchObject({ receiptsPurged: 0, outboxRowsDeleted: 0 });
    expect(receipts.get(code)).toBeDefined();
  });

  it('strips old receipts but keeps their code and dates for statistics', () => {
    const { clock, db, job, submit, receipts } = setup();
    const old = submit(1);
    clock.advance(20 * DAY);
    const recent = submit(2);
    clock.advance(11 * DAY);
    expect(job.runOnce().receiptsPurged).toBe(1);
    expect(receipts.get(old.code)).toBeUndefined();
    expect(receipts.find({ personalId: old.citizen.personalId })).toEqual([]);
    expect(receipts.get(recent.code)?.receipt.applicantName).toBe(recent.citizen.fullName);
    const row = db.prepare('SELECT * FROM receipts WHERE dossier_code = ?').get(old.code) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      personal_id: '',
      slip_json: '',
      personal_id_sealed: null,
      procedure_code: '1.004222',
      received_at: '2026-03-10T09:00:00+07:00',
    });
    expect(row.purged_at).toBe(clock.now().toISOString());
    expect(job.runOnce().receiptsPurged).toBe(0);
  });

  it('can delete old receipts instead', () => {
    const { clock, db, submit } = setup();
    submit(1);
    clock.advance(31 * DAY);
    const job = new PurgeJob({ db, retentionDays: 30, clock, receipts: 'delete' });
    expect(job.runOnce().receiptsPurged).toBe(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM receipts').get()).toEqual({ n: 0 });
  });

  it('clears payloads of sent dossiers and deletes delivered or failed ones past retention', () => {
    const { clock, db, outbox, job, submit } = setup();
    const sent = submit(1);
    const failed = submit(2);
    const waiting = submit(3);
    const fresh = submit(4);
    expect(outbox.claimDue(3, new Set(), DAY).map((d) => d.id)).toEqual([
      sent.id,
      failed.id,
      waiting.id,
    ]);
    outbox.markFailed(failed, 'rejected');
    // A row acknowledged by an older version that did not clear the payload:
    db.prepare("UPDATE outbox_dossier SET state = 'sent' WHERE id = ?").run(fresh.id);
    outbox.markSent(sent, 'received');
    expect(job.runOnce()).toMatchObject({ outboxPayloadsCleared: 1, outboxRowsDeleted: 0 });
    expect(db.prepare('SELECT payload FROM outbox_dossier WHERE id = ?').get(fresh.id)).toEqual({
      payload: null,
    });

    clock.advance(31 * DAY);
    const report = job.runOnce();
    expect(report).toMatchObject({ outboxRowsDeleted: 3, outboxUndeliveredKept: 1 });
    expect(outbox.list().map((e) => e.code)).toEqual([waiting.code]);
  });

  it('keeps the audit log', () => {
    const { clock, job, submit, audit } = setup();
    submit(1);
    clock.advance(400 * DAY);
    job.runOnce();
    expect(audit.recent()).toHaveLength(1);
  });

  it('runs at start and then every hour, until stopped', () => {
    const { clock, job, submit, receipts, lines } = setup();
    const first = submit(1);
    clock.advance(31 * DAY);
    expect(job.start().receiptsPurged).toBe(1);
    expect(receipts.get(first.code)).toBeUndefined();
    const second = submit(2);
    clock.advance(30 * DAY - 1);
    expect(receipts.get(second.code)).toBeDefined();
    clock.advance(PURGE_INTERVAL_MS + 1);
    expect(receipts.get(second.code)).toBeUndefined();
    const hourlyRuns = lines.filter((l) => l.includes('"privacy.purge"')).length;
    expect(hourlyRuns).toBe(1 + Math.floor((30 * DAY + PURGE_INTERVAL_MS) / PURGE_INTERVAL_MS));
    job.stop();
    expect(clock.pending).toBe(0);
    clock.advance(DAY);
    expect(lines.filter((l) => l.includes('"privacy.purge"')).length).toBe(hourlyRuns);
  });

  it('logs counts only', () => {
    const { clock, job, submit, lines } = setup();
    const { citizen, code } = submit(1);
    clock.advance(31 * DAY);
    job.runOnce();
    const log = lines.join('\n');
    expect(log).toContain('"receipts":1');
    for (const value of [citizen.personalId, citizen.fullName, code])
      expect(log).not.toContain(value);
  });

  it('refuses a retention that is not a whole number of days', () => {
    const { db } = setup();
    for (const retentionDays of [0, -1, 1.5, Number.NaN])
      expect(() => new PurgeJob({ db, retentionDays })).toThrow(RangeError);
  });
});
