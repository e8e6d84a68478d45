import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { KioskDatabase } from '../store/database';
import type { DossierCodeAllocator } from '../dossier-code/dossier-code';
import type { Dossier, DossierStatus } from '../links/gateway/dossier-gateway';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

/** `last_error` prefix of a dossier whose stored payload cannot be opened. */
export const OUTBOX_PAYLOAD_UNREADABLE = 'OUTBOX_PAYLOAD_UNREADABLE';

/** Encodes the stored payload text (e.g. encryption at rest). */
export interface OutboxPayloadCodec {
  encode(text: string): string;
  decode(text: string): string;
}

/** A dossier before the kiosk has given it a code. */
export type DossierDraft = Omit<Dossier, 'code'>;

export interface EnqueuedDossier {
  readonly id: number;
  readonly code: string;
  readonly idempotencyKey: string;
}

/**
 * A dossier code and idempotency key taken for one dossier, committed before the dossier is
 * stored: if storing it fails, the code is spent and never issued to another dossier.
 */
export interface ReservedDossier {
  readonly code: string;
  readonly idempotencyKey: string;
  /** When the code was taken; the dossier's `created_at`. */
  readonly at: number;
}

/**
 * Which delivery an outcome belongs to: the row id together with its idempotency key, which is
 * a fresh UUID per dossier and can never name another one (a row id alone can be reused by
 * SQLite after a rollback).
 */
export type OutboxDelivery = Pick<EnqueuedDossier, 'id' | 'idempotencyKey'>;

export class OutboxError extends Error {
  override readonly name = 'OutboxError';

  constructor(
    readonly code: 'OUTBOX_RESERVE_IN_TRANSACTION',
    message: string,
  ) {
    super(message);
  }
}

export interface OutboxEntry {
  readonly id: number;
  readonly code: string;
  readonly idempotencyKey: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly createdAt: string;
  readonly sentAt?: string;
  readonly gatewayStatus?: DossierStatus;
  readonly lastError?: string;
}

interface Row {
  id: number;
  code: string;
  idempotency_key: string;
  payload: string | null;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  created_at: string;
  sent_at: string | null;
  gateway_status: string | null;
  last_error: string | null;
}

export interface DueDossier {
  readonly id: number;
  readonly dossier: Dossier;
  readonly idempotencyKey: string;
  readonly attempts: number;
}

function entry(row: Row): OutboxEntry {
  return {
    id: row.id,
    code: row.code,
    idempotencyKey: row.idempotency_key,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    sentAt: row.sent_at ?? undefined,
    gatewayStatus: (row.gateway_status ?? undefined) as DossierStatus | undefined,
    lastError: row.last_error ?? undefined,
  };
}

/**
 * The durable queue of dossiers for the gateway. All methods are synchronous SQLite statements;
 * the network side is the OutboxWorker. A dossier's idempotency key is created once, here, in
 * the same transaction as its code, and is never changed: that and the gateway's deduplication
 * make delivery exactly once across crashes, timeouts and retries.
 */
export class Outbox {
  private readonly listeners = new Set<() => void>();
  private readonly statements = new Map<string, Statement>();
  /** A dossier became due inside a transaction that has not committed yet. */
  private wakePending = false;

  constructor(
    private readonly db: KioskDatabase,
    private readonly codes: DossierCodeAllocator,
    private readonly now: () => number = Date.now,
    /** Seals the payload at rest (privacy/outbox-payload-codec); identity by default. */
    private readonly payloadCodec: OutboxPayloadCodec = { encode: (t) => t, decode: (t) => t },
  ) {}

  /** Prepared once per SQL text: preparing is a large share of the cost of these small statements. */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Takes the next dossier code and a fresh idempotency key in a transaction of their own, and
   * commits them. Call it before the transaction that stores the dossier: a COMMIT that fails
   * there (disk full, I/O error) then spends the code instead of handing it to the next dossier.
   */
  reserve(): ReservedDossier {
    if (this.db.inTransaction)
      throw new OutboxError(
        'OUTBOX_RESERVE_IN_TRANSACTION',
        'a dossier code must be reserved before the transaction that stores the dossier opens',
      );
    const at = this.now();
    return { code: this.codes.allocate(new Date(at)), idempotencyKey: randomUUID(), at };
  }

  /**
   * Stores a dossier under a reserved code and key (reserving them first when none is given);
   * the receipt can be printed as soon as the transaction that stores it has committed. Inside
   * a caller's transaction, the worker is woken only when `atomically` commits it.
   */
  enqueue(draft: DossierDraft, reserved: ReservedDossier = this.reserve()): EnqueuedDossier {
    const { code, idempotencyKey, at } = reserved;
    const store = this.db.transaction((): EnqueuedDossier => {
      const dossier: Dossier = { ...draft, code };
      const result = this.sql(
        `INSERT INTO outbox_dossier (code, idempotency_key, payload, state, attempts, next_attempt_at, created_at)
           VALUES (?, ?, ?, 'queued', 0, ?, ?)`,
      ).run(
        code,
        idempotencyKey,
        this.payloadCodec.encode(JSON.stringify(dossier)),
        at,
        new Date(at).toISOString(),
      );
      return { id: Number(result.lastInsertRowid), code, idempotencyKey };
    });
    const enqueued = store.immediate();
    this.wakeAfterCommit();
    return enqueued;
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction and wakes the worker for the dossiers it queued only
   * after the COMMIT succeeded: a worker woken earlier would read and send rows that a failed
   * COMMIT then rolls back.
   */
  atomically<T>(fn: () => T): T {
    try {
      const result = this.db.transaction(fn).immediate();
      if (!this.db.inTransaction && this.wakePending) this.wake();
      return result;
    } finally {
      if (!this.db.inTransaction) this.wakePending = false;
    }
  }

  private wakeAfterCommit(): void {
    if (this.db.inTransaction) this.wakePending = true;
    else this.wake();
  }

  private wake(): void {
    this.wakePending = false;
    for (const listener of this.listeners) listener();
  }

  list(filter: { readonly state?: OutboxState } = {}): OutboxEntry[] {
    const rows = (
      filter.state
        ? this.sql('SELECT * FROM outbox_dossier WHERE state = ? ORDER BY id').all(filter.state)
        : this.sql('SELECT * FROM outbox_dossier ORDER BY id').all()
    ) as Row[];
    return rows.map(entry);
  }

  get(code: string): OutboxEntry | undefined {
    const row = this.sql('SELECT * FROM outbox_dossier WHERE code = ?').get(code) as
      Row | undefined;
    return row ? entry(row) : undefined;
  }

  counts(): Record<OutboxState, number> {
    const counts: Record<OutboxState, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
    const rows = this.sql(
      'SELECT state, COUNT(*) AS n FROM outbox_dossier GROUP BY state',
    ).all() as {
      state: OutboxState;
      n: number;
    }[];
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  /** Staff: send a failed dossier again, with its original key. False when it is not failed. */
  retry(id: number): boolean {
    const result = this.sql(
      `UPDATE outbox_dossier SET state = 'queued', attempts = 0, next_attempt_at = ?, last_error = NULL
         WHERE id = ? AND state = 'failed'`,
    ).run(this.now(), id);
    if (result.changes > 0) this.wakeAfterCommit();
    return result.changes > 0;
  }

  /**
   * Called after every committed enqueue and retry, so a worker can send without waiting for its
   * next poll.
   */
  onEnqueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Claims up to `limit` dossiers that are due, skipping `inFlight` ones, and marks them
   * `sending` with one more attempt, committed before the network call. Rows left `sending` by a
   * crashed process are due again. A `next_attempt_at` further ahead than `horizonMs` can only
   * come from a clock that was set back, and is treated as due.
   */
  claimDue(limit: number, inFlight: ReadonlySet<number>, horizonMs: number): DueDossier[] {
    return this.db
      .transaction((): DueDossier[] => {
        const now = this.now();
        const select = this.sql(
          `SELECT * FROM outbox_dossier
           WHERE state IN ('queued', 'sending') AND (next_attempt_at <= ? OR next_attempt_at > ?)
           ORDER BY next_attempt_at, id LIMIT ?`,
        );
        const mark = this.sql(
          `UPDATE outbox_dossier SET state = 'sending', attempts = attempts + 1 WHERE id = ?`,
        );
        const claimed: DueDossier[] = [];
        const taken = new Set<number>(inFlight);
        // Unreadable rows leave the query once marked failed, so look again for the ones behind.
        let unreadable: number;
        do {
          unreadable = 0;
          const rows = select.all(now, now + horizonMs, limit + taken.size) as Row[];
          for (const row of rows) {
            if (claimed.length >= limit || taken.has(row.id)) continue;
            const dossier = this.open(row);
            if (!dossier) {
              unreadable += 1;
              continue;
            }
            mark.run(row.id);
            taken.add(row.id);
            claimed.push({
              id: row.id,
              dossier,
              idempotencyKey: row.idempotency_key,
              attempts: row.attempts + 1,
            });
          }
        } while (unreadable > 0);
        return claimed;
      })
      .immediate();
  }

  /**
   * The stored dossier, or undefined when its payload cannot be opened (sealed with a key this
   * kiosk does not hold, altered on disk, or missing). Such a row is marked failed at once, whatever its
   * state, so it shows in the staff outbox view and does not hold up the dossiers behind it; its
   * payload is kept so staff can retry it once the right key is back.
   */
  private open(row: Row): Dossier | undefined {
    try {
      return JSON.parse(this.payloadCodec.decode(row.payload ?? '')) as Dossier;
    } catch (error) {
      const cause =
        error instanceof Error
          ? ((error as Error & { code?: unknown }).code ?? error.name)
          : 'unknown';
      this.sql(
        `UPDATE outbox_dossier SET state = 'failed', last_error = ?
           WHERE id = ? AND state IN ('queued', 'sending')`,
      ).run(
        `${OUTBOX_PAYLOAD_UNREADABLE}: the stored dossier cannot be opened (${String(cause)}); ` +
          'restore the data key it was sealed with, then retry',
        row.id,
      );
      return undefined;
    }
  }

  /** Runs several record calls in one transaction (one fsync for a whole batch of outcomes). */
  inTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Records the gateway's acknowledgement; a repeated acknowledgement changes nothing. */
  markSent(delivery: OutboxDelivery, status: DossierStatus): boolean {
    return (
      this.sql(
        `UPDATE outbox_dossier SET state = 'sent', payload = NULL, sent_at = ?, gateway_status = ?, last_error = NULL
           WHERE id = ? AND idempotency_key = ? AND state != 'sent'`,
      ).run(new Date(this.now()).toISOString(), status, delivery.id, delivery.idempotencyKey)
        .changes > 0
    );
  }

  markRetry(delivery: OutboxDelivery, delayMs: number, error: string): void {
    this.sql(
      `UPDATE outbox_dossier SET state = 'queued', next_attempt_at = ?, last_error = ?
         WHERE id = ? AND idempotency_key = ? AND state = 'sending'`,
    ).run(this.now() + delayMs, error, delivery.id, delivery.idempotencyKey);
  }

  markFailed(delivery: OutboxDelivery, error: string): void {
    this.sql(
      `UPDATE outbox_dossier SET state = 'failed', last_error = ?
         WHERE id = ? AND idempotency_key = ? AND state = 'sending'`,
    ).run(error, delivery.id, delivery.idempotencyKey);
  }
}
