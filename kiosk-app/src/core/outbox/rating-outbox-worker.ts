import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from '../log/logger';
import type { RatingGateway, RatingSubmitResult } from '../rating/rating-gateway';
import type { DueRating, RatingOutbox } from './rating-outbox';
import { submitOrUnavailable } from './submit-or-unavailable';

export interface RatingOutboxWorkerOptions {
  readonly pollMs?: number;
  readonly maxAttempts?: number;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly random?: () => number;
  readonly logger?: Logger;
}

export interface RatingDrainSummary {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

const DEFAULTS = {
  pollMs: 5_000,
  // A rating is worth less than a dossier, but a day-long portal outage should not lose it.
  maxAttempts: 300,
  backoff: { initialMs: 1_000, maxMs: 300_000 },
};

/**
 * Sends queued ratings to the portal in the background, one at a time: acknowledged → `sent`;
 * refused for good → `failed`; portal down → back to `queued` with exponential backoff and
 * jitter, and the pass ends. The log names the dossier code and the reason, never the comment.
 */
export class RatingOutboxWorker {
  private readonly options: typeof DEFAULTS & { random: () => number };
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private running?: Promise<RatingDrainSummary>;

  constructor(
    private readonly outbox: RatingOutbox,
    private readonly gateway: RatingGateway,
    private readonly settings: RatingOutboxWorkerOptions = {},
  ) {
    this.options = {
      pollMs: settings.pollMs ?? DEFAULTS.pollMs,
      maxAttempts: settings.maxAttempts ?? DEFAULTS.maxAttempts,
      backoff: settings.backoff ?? DEFAULTS.backoff,
      random: settings.random ?? Math.random,
    };
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.unsubscribe = this.outbox.onEnqueued(() => setImmediate(() => this.timer && this.kick()));
    this.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    await this.running?.catch(() => undefined);
  }

  /** Sends every rating due now; resolves when the pass is over. */
  drainOnce(): Promise<RatingDrainSummary> {
    if (this.running) return this.running;
    const pass = this.pass().finally(() => {
      this.running = undefined;
    });
    this.running = pass;
    return pass;
  }

  private kick(): void {
    void this.drainOnce().catch(() => undefined);
  }

  private async pass(): Promise<RatingDrainSummary> {
    const total = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const [due] = this.outbox.claimDue(1);
      if (!due) return total;
      const result = await this.submit(due);
      if (this.record(due, result, total)) return total;
      // As the dossier worker does: a gateway that answers without I/O would otherwise keep this
      // loop in microtasks and starve every timer while rows stay due (issue 23).
      await nextTurn();
    }
  }

  private submit(due: DueRating): Promise<RatingSubmitResult> {
    return submitOrUnavailable(() => this.gateway.submit(due.rating, due.idempotencyKey));
  }

  /** Returns true when the portal is unavailable (the pass stops). */
  private record(
    due: DueRating,
    result: RatingSubmitResult,
    total: Record<keyof RatingDrainSummary, number>,
  ): boolean {
    const logger = this.settings.logger;
    const dossier = due.rating.dossierCode;
    switch (result.kind) {
      case 'accepted':
        this.outbox.markSent(due.id);
        total.sent += 1;
        logger?.info('rating.sent', { dossier, duplicate: result.duplicate });
        return false;
      case 'rejected':
        logger?.error('rating.rejected', { dossier, httpStatus: result.httpStatus });
        this.outbox.markFailed(due.id, `refused by the portal (${result.httpStatus})`);
        total.failed += 1;
        return false;
      case 'unavailable':
        logger?.warn('rating.sendFailed', {
          dossier,
          reason: result.reason,
          attempt: due.attempts,
        });
        if (due.attempts >= this.options.maxAttempts) {
          this.outbox.markFailed(
            due.id,
            `gave up after ${due.attempts} attempts: ${result.reason}`,
          );
          total.failed += 1;
        } else {
          this.outbox.markRetry(due.id, this.delay(due.attempts), result.reason);
          total.retried += 1;
        }
        return true;
    }
  }

  private delay(attempts: number): number {
    const { initialMs, maxMs } = this.options.backoff;
    const exp = Math.min(maxMs, initialMs * 2 ** Math.min(30, attempts - 1));
    return Math.round(exp * (0.5 + this.options.random() * 0.5));
  }
}
