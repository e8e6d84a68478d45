import type { Logger } from '../log/logger';
import type { KioskDatabase } from '../store/database';

const DAY_MS = 86_400_000;
export const PURGE_INTERVAL_MS = 3_600_000;

/** The clock and timer the job uses; tests pass a simulated one and call the tick by hand. */
export interface PurgeClock {
  now(): Date;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const systemPurgeClock: PurgeClock = {
  now: () => new Date(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    // The purge alone must not keep the process alive.
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface PurgeJobOptions {
  readonly db: KioskDatabase;
  /**
   * Days personal data is kept after it was stored (setting `retentionDays`): a number, or a
   * function read at every run so a technician's change applies at the next run.
   */
  readonly retentionDays: number | (() => number);
  readonly clock?: PurgeClock;
  readonly logger?: Logger;
  /** Hears each scheduled run's outcome (the metrics count purge runs). */
  readonly onRun?: (outcome: 'ok' | 'failed', at: Date) => void;
  /**
   * `strip` (default) keeps an old receipt's dossier code, procedure and dates for statistics and
   * removes the slip and the personal ID; `delete` removes the row.
   */
  readonly receipts?: 'strip' | 'delete';
}

export interface PurgeReport {
  readonly cutoff: string;
  readonly receiptsPurged: number;
  readonly outboxPayloadsCleared: number;
  readonly outboxRowsDeleted: number;
  /** Undelivered dossiers older than the retention: kept (the citizen's application is not done). */
  readonly outboxUndeliveredKept: number;
}

/**
 * Removes personal data after the retention period (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, in
 * force 1/1/2026, after Decree 13/2023/NĐ-CP: data kept no longer than the purpose needs): old receipts, payloads of dossiers the gateway acknowledged,
 * and delivered or failed outbox rows past the retention, then checkpoints the WAL so no older
 * page version keeps them on disk. Audit entries stay (actor, action and dossier code only).
 * Runs once at start and then every hour.
 */
export class PurgeJob {
  private readonly clock: PurgeClock;
  private cancel: (() => void) | undefined;

  constructor(private readonly options: PurgeJobOptions) {
    this.retentionDays();
    this.clock = options.clock ?? systemPurgeClock;
  }

  /** The retention in force now; throws for a value that is not a whole number ≥ 1. */
  private retentionDays(): number {
    const { retentionDays } = this.options;
    const days = typeof retentionDays === 'function' ? retentionDays() : retentionDays;
    if (!Number.isInteger(days) || days < 1)
      throw new RangeError(`retentionDays must be a whole number ≥ 1, not ${days}`);
    return days;
  }

  start(): PurgeReport {
    this.stop();
    const report = this.runReported();
    this.cancel = this.clock.every(PURGE_INTERVAL_MS, () => {
      try {
        this.runReported();
      } catch (error) {
        this.options.logger?.error('privacy.purge.failed', {
          reason: error instanceof Error ? error.name : 'unknown',
        });
      }
    });
    return report;
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private runReported(): PurgeReport {
    try {
      const report = this.runOnce();
      this.options.onRun?.('ok', this.clock.now());
      return report;
    } catch (error) {
      this.options.onRun?.('failed', this.clock.now());
      throw error;
    }
  }

  runOnce(): PurgeReport {
    const { db } = this.options;
    const cutoff = new Date(this.clock.now().getTime() - this.retentionDays() * DAY_MS);
    const cutoffIso = cutoff.toISOString();
    const report = db.transaction((): PurgeReport => {
      const receiptsPurged =
        this.options.receipts === 'delete'
          ? db.prepare('DELETE FROM receipts WHERE created_at < ?').run(cutoffIso).changes
          : db
              .prepare(
                `UPDATE receipts SET personal_id = '', slip_json = '', personal_id_sealed = NULL,
                   purged_at = ? WHERE created_at < ? AND purged_at IS NULL`,
              )
              .run(this.clock.now().toISOString(), cutoffIso).changes;
      // markSent already clears the payload; this catches rows acknowledged by older versions.
      const outboxPayloadsCleared = db
        .prepare(
          "UPDATE outbox_dossier SET payload = NULL WHERE state = 'sent' AND payload IS NOT NULL",
        )
        .run().changes;
      const outboxRowsDeleted = db
        .prepare("DELETE FROM outbox_dossier WHERE state IN ('sent', 'failed') AND created_at < ?")
        .run(cutoffIso).changes;
      const kept = db
        .prepare(
          "SELECT COUNT(*) AS n FROM outbox_dossier WHERE state IN ('queued', 'sending') AND created_at < ?",
        )
        .get(cutoffIso) as { n: number };
      return {
        cutoff: cutoffIso,
        receiptsPurged,
        outboxPayloadsCleared,
        outboxRowsDeleted,
        outboxUndeliveredKept: kept.n,
      };
    })();
    this.eraseOldPageVersions();
    this.options.logger?.info('privacy.purge', {
      receipts: report.receiptsPurged,
      payloadsCleared: report.outboxPayloadsCleared,
      outboxDeleted: report.outboxRowsDeleted,
      undeliveredKept: report.outboxUndeliveredKept,
    });
    return report;
  }

  /**
   * In WAL mode every earlier version of a changed page stays in the -wal file until a
   * checkpoint, so a purged slip would still be on disk there. TRUNCATE copies the current pages
   * into the database (where `secure_delete` has zeroed the purged cells) and empties the WAL
   * (https://sqlite.org/pragma.html#pragma_wal_checkpoint). A reader holding an old snapshot
   * (the offline CLI) can block it; then the next hourly run tries again.
   */
  private eraseOldPageVersions(): void {
    const [result] = this.options.db.pragma('wal_checkpoint(TRUNCATE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    if (result && result.busy !== 0)
      this.options.logger?.warn('privacy.purge.checkpointBusy', { walFrames: result.log });
  }
}
