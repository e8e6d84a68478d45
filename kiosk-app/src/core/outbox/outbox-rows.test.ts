/**
 * The dossier outbox as the rows of a real SQLite file show it, read through a second
 * better-sqlite3 connection: what enqueue stores, what each outcome changes (and only for the
 * delivery it names), which rows a claim takes and in which order, and when listeners hear.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { blockOfKiosk, DossierCodeAllocator } from '../dossier-code/dossier-code';
import { openDatabase } from '../store/database';
import { Outbox, OutboxError, type DossierDraft } from './outbox';
import { OUTBOX_MIGRATIONS } from './outbox-migrations';

const T0 = Date.parse('2026-03-10T02:00:00Z');

const draft = (i: number): DossierDraft => ({
  procedureCode: '1.004222',
  receivedAt: '2026-03-10T09:00:00+07:00',
  applicant: {
    personalId: `00109001${String(2000 + i)}`,
    fullName: `THỬ HÀNG ĐỢI ${i}`,
    dateOfBirth: '1990-01-15',
    sex: 'F',
  },
  form: { lyDo: 'thử' },
});

interface RowView {
  id: number;
  code: string;
  idempotency_key: string;
  payload: string | null;
  state: string;
  attempts: number;
  next_attempt_at: number;
  created_at: string;
  sent_at: string | null;
  gateway_status: string | null;
  last_error: string | null;
}

function setup() {
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-outbox-rows-')), 'kiosk.sqlite');
  const db = openDatabase(file, OUTBOX_MIGRATIONS);
  const clock = { now: T0 };
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
    () => clock.now,
  );
  const reader = new Database(file, { readonly: true });
  const rows = () => reader.prepare('SELECT * FROM outbox_dossier ORDER BY id').all() as RowView[];
  const row = (id: number) => rows().find((r) => r.id === id);
  let woken = 0;
  outbox.onEnqueued(() => {
    woken += 1;
  });
  return { db, outbox, clock, rows, row, wakes: () => woken };
}

describe('Outbox rows', () => {
  it('stores a queued dossier with its code, key, payload and times, and wakes listeners', () => {
    const { outbox, row, wakes } = setup();
    const a = outbox.enqueue(draft(1));
    expect(row(a.id)).toEqual({
      id: a.id,
      code: 'H29-260310-3000',
      idempotency_key: a.idempotencyKey,
      payload: JSON.stringify({ ...draft(1), code: 'H29-260310-3000' }),
      state: 'queued',
      attempts: 0,
      next_attempt_at: T0,
      created_at: '2026-03-10T02:00:00.000Z',
      sent_at: null,
      gateway_status: null,
      last_error: null,
    });
    expect(wakes()).toBe(1);
  });

  it('refuses to reserve a code inside an open transaction', () => {
    const { outbox } = setup();
    let caught: unknown;
    outbox.atomically(() => {
      try {
        outbox.reserve();
      } catch (error) {
        caught = error;
      }
    });
    expect(caught).toBeInstanceOf(OutboxError);
    expect(caught).toMatchObject({
      code: 'OUTBOX_RESERVE_IN_TRANSACTION',
      name: 'OutboxError',
      message:
        'a dossier code must be reserved before the transaction that stores the dossier opens',
    });
  });

  it('wakes listeners only once a transaction that queued commits, and never for a rollback', () => {
    const { outbox, rows, wakes } = setup();
    const reserved = outbox.reserve();
    outbox.atomically(() => {
      outbox.enqueue(draft(1), reserved);
      expect(wakes()).toBe(0);
    });
    expect(wakes()).toBe(1);
    const next = outbox.reserve();
    expect(() =>
      outbox.atomically(() => {
        outbox.enqueue(draft(2), next);
        throw new Error('COMMIT failed');
      }),
    ).toThrow('COMMIT failed');
    expect(wakes()).toBe(1);
    outbox.atomically(() => undefined);
    expect(wakes()).toBe(1);
    expect(rows()).toHaveLength(1);
  });

  it('wakes once per dossier queued outside a transaction, and not for an empty transaction', () => {
    const { outbox, wakes } = setup();
    outbox.atomically(() => undefined);
    expect(wakes()).toBe(0);
    outbox.enqueue(draft(1));
    expect(wakes()).toBe(1);
    outbox.atomically(() => undefined);
    expect(wakes()).toBe(1);
  });

  it('never reuses the id of a deleted row (AUTOINCREMENT)', () => {
    const { outbox, db } = setup();
    outbox.enqueue(draft(1));
    const last = outbox.enqueue(draft(2));
    db.prepare('DELETE FROM outbox_dossier WHERE id = ?').run(last.id);
    expect(outbox.enqueue(draft(3)).id).toBe(last.id + 1);
  });

  it('claims no more than the limit when the rows in flight are not due', () => {
    const { outbox } = setup();
    outbox.enqueue(draft(1));
    outbox.enqueue(draft(2));
    expect(outbox.claimDue(1, new Set([999]), 60_000)).toHaveLength(1);
  });

  it('stops waking a listener that unsubscribed', () => {
    const { outbox, wakes } = setup();
    let other = 0;
    const unsubscribe = outbox.onEnqueued(() => {
      other += 1;
    });
    outbox.enqueue(draft(1));
    unsubscribe();
    outbox.enqueue(draft(2));
    expect(other).toBe(1);
    expect(wakes()).toBe(2);
  });

  it('lists, counts and finds entries by state and code', () => {
    const { outbox, db } = setup();
    const a = outbox.enqueue(draft(1));
    const b = outbox.enqueue(draft(2));
    const c = outbox.enqueue(draft(3));
    db.prepare("UPDATE outbox_dossier SET state = 'failed', last_error = 'x' WHERE id = ?").run(
      b.id,
    );
    db.prepare("UPDATE outbox_dossier SET state = 'sending' WHERE id = ?").run(c.id);
    expect(outbox.counts()).toEqual({ queued: 1, sending: 1, sent: 0, failed: 1 });
    expect(outbox.list({ state: 'failed' }).map((e) => e.code)).toEqual([b.code]);
    expect(outbox.list().map((e) => e.code)).toEqual([a.code, b.code, c.code]);
    expect(outbox.get(b.code)).toEqual({
      id: b.id,
      code: b.code,
      idempotencyKey: b.idempotencyKey,
      state: 'failed',
      attempts: 0,
      nextAttemptAt: T0,
      createdAt: '2026-03-10T02:00:00.000Z',
      sentAt: undefined,
      gatewayStatus: undefined,
      lastError: 'x',
    });
    expect(outbox.get('H29-000000-0000')).toBeUndefined();
  });

  it('claims due rows oldest due first, up to the limit, skipping those in flight', () => {
    const { outbox, db, clock, row } = setup();
    const ids = [1, 2, 3, 4].map((i) => outbox.enqueue(draft(i)).id);
    const [first, second, third, fourth] = ids as [number, number, number, number];
    db.prepare('UPDATE outbox_dossier SET next_attempt_at = ? WHERE id = ?').run(T0 - 10, third);
    db.prepare('UPDATE outbox_dossier SET next_attempt_at = ? WHERE id = ?').run(T0 + 5, fourth);
    const claimed = outbox.claimDue(2, new Set([third]), 60_000);
    expect(claimed.map((d) => d.id)).toEqual([first, second]);
    expect(claimed[0]).toMatchObject({ attempts: 1, dossier: { code: 'H29-260310-3000' } });
    expect(row(first)).toMatchObject({ state: 'sending', attempts: 1 });
    expect(row(third)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(row(fourth)).toMatchObject({ state: 'queued', attempts: 0 });
    clock.now = T0 + 5;
    expect(outbox.claimDue(10, new Set([first, second]), 60_000).map((d) => d.id)).toEqual([
      third,
      fourth,
    ]);
  });

  it('takes a row due exactly now, not one due a moment later, unless that is past the horizon', () => {
    const { outbox, db } = setup();
    const now = outbox.enqueue(draft(1)).id;
    const soon = outbox.enqueue(draft(2)).id;
    const beyond = outbox.enqueue(draft(3)).id;
    db.prepare('UPDATE outbox_dossier SET next_attempt_at = ? WHERE id = ?').run(T0 + 1000, soon);
    db.prepare('UPDATE outbox_dossier SET next_attempt_at = ? WHERE id = ?').run(T0 + 1001, beyond);
    expect(outbox.claimDue(10, new Set(), 1000).map((d) => d.id)).toEqual([now, beyond]);
  });

  it('marks a row whose payload cannot be opened failed at once, and claims the one behind', () => {
    const { outbox, db, row } = setup();
    const broken = outbox.enqueue(draft(1)).id;
    const fine = outbox.enqueue(draft(2)).id;
    db.prepare("UPDATE outbox_dossier SET payload = 'not json' WHERE id = ?").run(broken);
    expect(outbox.claimDue(1, new Set(), 60_000).map((d) => d.id)).toEqual([fine]);
    expect(row(broken)).toMatchObject({ state: 'failed', attempts: 0, payload: 'not json' });
    expect(row(broken)?.last_error).toBe(
      'OUTBOX_PAYLOAD_UNREADABLE: the stored dossier cannot be opened (SyntaxError); ' +
        'restore the data key it was sealed with, then retry',
    );
  });

  it('names the code of a decoder’s error, or "unknown" for a thrown non-error', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kiosk-outbox-codec-')), 'kiosk.sqlite');
    const db = openDatabase(file, OUTBOX_MIGRATIONS);
    let failure: unknown = Object.assign(new Error('x'), { code: 'SEALED_VALUE_TAMPERED' });
    const outbox = new Outbox(
      db,
      new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
      () => T0,
      {
        encode: (text) => text,
        decode: () => {
          throw failure;
        },
      },
    );
    const a = outbox.enqueue(draft(1));
    expect(outbox.claimDue(1, new Set(), 60_000)).toEqual([]);
    expect(outbox.get(a.code)?.lastError).toContain('(SEALED_VALUE_TAMPERED)');
    failure = 'a string';
    const b = outbox.enqueue(draft(2));
    outbox.claimDue(1, new Set(), 60_000);
    expect(outbox.get(b.code)?.lastError).toContain('(unknown)');
  });

  it('records an acknowledgement once, for the delivery it names, and clears the payload', () => {
    const { outbox, row, clock } = setup();
    const a = outbox.enqueue(draft(1));
    const b = outbox.enqueue(draft(2));
    outbox.claimDue(2, new Set(), 60_000);
    clock.now = T0 + 1234;
    expect(outbox.markSent({ id: a.id, idempotencyKey: b.idempotencyKey }, 'received')).toBe(false);
    expect(row(a.id)).toMatchObject({ state: 'sending' });
    expect(outbox.markSent(a, 'received')).toBe(true);
    expect(row(a.id)).toMatchObject({
      state: 'sent',
      payload: null,
      sent_at: '2026-03-10T02:00:01.234Z',
      gateway_status: 'received',
      last_error: null,
    });
    expect(outbox.get(a.code)).toMatchObject({
      sentAt: '2026-03-10T02:00:01.234Z',
      gatewayStatus: 'received',
    });
    clock.now = T0 + 9999;
    expect(outbox.markSent(a, 'received')).toBe(false);
    expect(row(a.id)?.sent_at).toBe('2026-03-10T02:00:01.234Z');
  });

  it('puts a sending row back with its retry time and reason, and fails only a sending row', () => {
    const { outbox, row, clock } = setup();
    const a = outbox.enqueue(draft(1));
    const b = outbox.enqueue(draft(2));
    outbox.markRetry(a, 5000, 'network: down');
    outbox.markFailed(b, 'refused');
    expect(row(a.id)).toMatchObject({ state: 'queued', last_error: null, next_attempt_at: T0 });
    expect(row(b.id)).toMatchObject({ state: 'queued', last_error: null });
    outbox.claimDue(2, new Set(), 60_000);
    clock.now = T0 + 100;
    outbox.markRetry({ id: a.id, idempotencyKey: b.idempotencyKey }, 5000, 'wrong key');
    outbox.markFailed({ id: b.id, idempotencyKey: a.idempotencyKey }, 'wrong key');
    expect(row(a.id)).toMatchObject({ state: 'sending', last_error: null });
    expect(row(b.id)).toMatchObject({ state: 'sending', last_error: null });
    outbox.markRetry(a, 5000, 'network: down');
    outbox.markFailed(b, 'refused');
    expect(row(a.id)).toMatchObject({
      state: 'queued',
      next_attempt_at: T0 + 5100,
      last_error: 'network: down',
    });
    expect(row(b.id)).toMatchObject({ state: 'failed', last_error: 'refused' });
  });

  it('lets staff retry a failed dossier from now, with its key, and wakes the worker', () => {
    const { outbox, row, clock, wakes } = setup();
    const a = outbox.enqueue(draft(1));
    outbox.claimDue(1, new Set(), 60_000);
    outbox.markFailed(a, 'refused');
    clock.now = T0 + 60_000;
    expect(outbox.retry(a.id)).toBe(true);
    expect(row(a.id)).toMatchObject({
      state: 'queued',
      attempts: 0,
      next_attempt_at: T0 + 60_000,
      last_error: null,
      idempotency_key: a.idempotencyKey,
    });
    expect(wakes()).toBe(2);
    expect(outbox.retry(a.id)).toBe(false);
    expect(wakes()).toBe(2);
  });

  it('runs record calls in one transaction: a failure in it undoes them all', () => {
    const { outbox, row } = setup();
    const a = outbox.enqueue(draft(1));
    outbox.claimDue(1, new Set(), 60_000);
    expect(() =>
      outbox.inTransaction(() => {
        outbox.markSent(a, 'received');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(row(a.id)?.state).toBe('sending');
    expect(outbox.inTransaction(() => outbox.markSent(a, 'received'))).toBe(true);
  });
});
