import { randomUUID } from 'node:crypto';
import type { KioskDatabase } from '../store/database';
import type { SatisfactionRating } from '../rating/satisfaction-rating';
import type { OutboxState } from './outbox';

export interface RatingOutboxEntry {
  readonly id: number;
  readonly dossierCode: string;
  readonly idempotencyKey: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly lastError?: string;
}

export interface DueRating {
  readonly id: number;
  readonly idempotencyKey: string;
  readonly rating: SatisfactionRating;
  readonly attempts: number;
}

interface Row {
  id: number;
  dossier_code: string;
  idempotency_key: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
}

/**
 * The durable queue of satisfaction ratings for the portal, beside the dossier outbox and with
 * its rules: the key is made once when the rating is stored and never changes, the portal
 * deduplicates by it, so a retry after a lost acknowledgement counts once. A dossier is rated
 * once (a second rating of the same code is ignored). A rating is due only once its dossier
 * has left the dossier outbox, so the portal never hears of a rating before its dossier.
 */
export class RatingOutbox {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: KioskDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores the rating; false when this dossier was rated already. */
  enqueue(rating: SatisfactionRating): boolean {
    const at = this.now();
    const stored =
      this.db
        .prepare(
          `INSERT OR IGNORE INTO outbox_rating (dossier_code, idempotency_key, payload, state, next_attempt_at, created_at)
           VALUES (?, ?, ?, 'queued', ?, ?)`,
        )
        .run(
          rating.dossierCode,
          randomUUID(),
          JSON.stringify(rating),
          at,
          new Date(at).toISOString(),
        ).changes > 0;
    if (stored) for (const listener of this.listeners) listener();
    return stored;
  }

  /** Called after every stored rating, so a worker sends without waiting for its poll. */
  onEnqueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): RatingOutboxEntry[] {
    return (this.db.prepare('SELECT * FROM outbox_rating ORDER BY id').all() as Row[]).map(
      (row) => ({
        id: row.id,
        dossierCode: row.dossier_code,
        idempotencyKey: row.idempotency_key,
        state: row.state,
        attempts: row.attempts,
        ...(row.last_error ? { lastError: row.last_error } : {}),
      }),
    );
  }

  /**
   * Claims up to `limit` due ratings whose dossier the portal has (acknowledged, or not queued
   * here at all) and marks them `sending` with one more attempt, committed before the network
   * call. Rows left `sending` by a crash are due again.
   */
  claimDue(limit: number): DueRating[] {
    return this.db
      .transaction((): DueRating[] => {
        const rows = this.db
          .prepare(
            `SELECT r.* FROM outbox_rating r LEFT JOIN outbox_dossier d ON d.code = r.dossier_code
             WHERE r.state IN ('queued', 'sending') AND r.next_attempt_at <= ?
               AND (d.id IS NULL OR d.state = 'sent')
             ORDER BY r.next_attempt_at, r.id LIMIT ?`,
          )
          .all(this.now(), limit) as Row[];
        const mark = this.db.prepare(
          `UPDATE outbox_rating SET state = 'sending', attempts = attempts + 1 WHERE id = ?`,
        );
        return rows.map((row) => {
          mark.run(row.id);
          return {
            id: row.id,
            idempotencyKey: row.idempotency_key,
            rating: JSON.parse(row.payload) as SatisfactionRating,
            attempts: row.attempts + 1,
          };
        });
      })
      .immediate();
  }

  /**
   * Records the portal's acknowledgement and drops the comment from the stored row: free text
   * can still hold a name the redaction cannot recognise, so it stays only until delivered.
   */
  markSent(id: number): void {
    this.db
      .prepare(
        `UPDATE outbox_rating SET state = 'sent', sent_at = ?, last_error = NULL,
           payload = json_remove(payload, '$.comment')
         WHERE id = ? AND state != 'sent'`,
      )
      .run(new Date(this.now()).toISOString(), id);
  }

  markRetry(id: number, delayMs: number, error: string): void {
    this.db
      .prepare(
        `UPDATE outbox_rating SET state = 'queued', next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'sending'`,
      )
      .run(this.now() + delayMs, error, id);
  }

  markFailed(id: number, error: string): void {
    this.db
      .prepare(
        `UPDATE outbox_rating SET state = 'failed', last_error = ? WHERE id = ? AND state = 'sending'`,
      )
      .run(error, id);
  }
}
