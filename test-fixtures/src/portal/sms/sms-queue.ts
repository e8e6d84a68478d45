import type Database from 'better-sqlite3';
import type { PortalStatus } from '../portal-statuses';
import { statusSmsText } from './status-sms-text';

/** A status message waiting for the SMSC, or sent. */
export interface QueuedSms {
  readonly id: number;
  readonly code: string;
  readonly status: PortalStatus;
  readonly destination: string;
  readonly text: string;
  readonly attempts: number;
}

export interface SmsQueueCounts {
  readonly subscriptions: number;
  /** Waiting for the SMSC (never sent yet). */
  readonly queued: number;
  readonly sent: number;
  /** Why the last attempt failed, while messages wait. */
  readonly lastError?: string;
}

/**
 * The one-stop system's SMS subscriptions and outgoing status messages, in its own SQLite
 * database: a message is written when the status changes and deleted from the queue only when
 * the SMSC has answered submit_sm with ESME_ROK, so an SMSC that is down or refuses the bind
 * loses nothing. One message per dossier and status: the same change reported twice (an
 * officer's double click, a retried request) is queued once.
 */
export class SmsQueue {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS sms_subscription (
        code TEXT PRIMARY KEY,
        destination TEXT NOT NULL,
        subscribed_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS sms_message (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        status TEXT NOT NULL,
        destination TEXT NOT NULL,
        text TEXT NOT NULL,
        queued_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        sent_at INTEGER,
        message_id TEXT,
        UNIQUE (code, status)
      );`);
  }

  /** Records the citizen's subscription; the first one for a dossier stands. */
  subscribe(code: string, destination: string, at: number): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO sms_subscription (code, destination, subscribed_at) VALUES (?, ?, ?)',
      )
      .run(code, destination, at);
  }

  /** Dossiers whose citizen asked for status SMS. */
  subscribedCodes(): string[] {
    return (
      this.db.prepare('SELECT code FROM sms_subscription ORDER BY code').all() as {
        code: string;
      }[]
    ).map((r) => r.code);
  }

  /** Queues the status message when the dossier has a subscription; true when queued now. */
  enqueue(code: string, status: PortalStatus, at: number): boolean {
    const subscription = this.db
      .prepare('SELECT destination FROM sms_subscription WHERE code = ?')
      .get(code) as { destination: string } | undefined;
    if (!subscription) return false;
    return (
      this.db
        .prepare(
          'INSERT OR IGNORE INTO sms_message (code, status, destination, text, queued_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(code, status, subscription.destination, statusSmsText(code, status), at).changes > 0
    );
  }

  /** Messages not yet accepted by the SMSC, oldest first. */
  due(): QueuedSms[] {
    return this.db
      .prepare(
        'SELECT id, code, status, destination, text, attempts FROM sms_message WHERE sent_at IS NULL ORDER BY id',
      )
      .all() as QueuedSms[];
  }

  markSent(id: number, messageId: string, at: number): void {
    this.db
      .prepare('UPDATE sms_message SET sent_at = ?, message_id = ?, last_error = NULL WHERE id = ?')
      .run(at, messageId, id);
  }

  markFailed(id: number, error: string): void {
    this.db
      .prepare('UPDATE sms_message SET attempts = attempts + 1, last_error = ? WHERE id = ?')
      .run(error, id);
  }

  counts(): SmsQueueCounts {
    const row = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM sms_subscription) AS subscriptions,
                SUM(sent_at IS NULL) AS queued, SUM(sent_at IS NOT NULL) AS sent,
                (SELECT last_error FROM sms_message WHERE sent_at IS NULL AND last_error IS NOT NULL ORDER BY id LIMIT 1) AS lastError
           FROM sms_message`,
      )
      .get() as {
      subscriptions: number;
      queued: number | null;
      sent: number | null;
      lastError: string | null;
    };
    return {
      subscriptions: row.subscriptions,
      queued: row.queued ?? 0,
      sent: row.sent ?? 0,
      ...(row.lastError ? { lastError: row.lastError } : {}),
    };
  }
}
