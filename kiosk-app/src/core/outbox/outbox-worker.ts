import { setImmediate as nextTurn } from 'node:timers/promises';
import { submitOrUnavailable } from './submit-or-unavailable';
import type { DossierGateway, SubmitResult } from '../links/gateway/dossier-gateway';
import type { Logger } from '../log/logger';
import type { DueDossier, Outbox } from './outbox';

export interface OutboxWorkerOptions {
  /** Dossiers sent at the same time. */
  readonly concurrency?: number;
  /** Attempts before a dossier is `failed` and waits for staff. */
  readonly maxAttempts?: number;
  /** How often the worker looks for due dossiers when nothing wakes it. */
  readonly pollMs?: number;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly random?: () => number;
  /**
   * Where failed sends are reported (`outbox.sendFailed`, `outbox.rejected`, `outbox.gaveUp`):
   * the dossier code, the reason code and the attempt, never the gateway's message, which can
   * echo the dossier's content.
   */
  readonly logger?: Logger;
}

export interface DrainSummary {
  readonly sent: number;
  readonly duplicates: number;
  readonly retried: number;
  readonly failed: number;
}

const DEFAULTS = {
  concurrency: 16,
  // With a 5-minute ceiling, 120 attempts outlast a gateway outage of about ten hours.
  maxAttempts: 120,
  pollMs: 2_000,
  backoff: { initialMs: 1_000, maxMs: 300_000 },
};

/**
 * Sends queued dossiers in the background. One worker per database. Each pass claims due
 * dossiers (committing `sending` first), submits them with their stored idempotency key, and
 * records the outcome: acknowledged → `sent`; refused for good → `failed`; gateway unavailable →
 * back to `queued` with exponential backoff and jitter, and the pass ends so a dead gateway is
 * not hammered with the whole queue.
 */
export class OutboxWorker {
  private readonly options: Required<Omit<OutboxWorkerOptions, 'random' | 'logger'>> & {
    random: () => number;
  };
  private readonly logger: Logger | undefined;
  private readonly inFlight = new Set<number>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private running?: Promise<DrainSummary>;
  private again = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly gateway: DossierGateway,
    options: OutboxWorkerOptions = {},
  ) {
    const { logger, ...rest } = options;
    this.options = { ...DEFAULTS, random: Math.random, ...rest };
    this.logger = logger;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    // Never inside the caller's stack: whatever transaction it is in has closed by then.
    this.unsubscribe = this.outbox.onEnqueued(() =>
      setImmediate(() => {
        if (this.timer) this.kick();
      }),
    );
    this.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.again = false;
    await this.running?.catch(() => undefined);
  }

  /** Sends everything that is due now; resolves when the pass is over. */
  drainOnce(): Promise<DrainSummary> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const pass = this.pass().finally(() => {
      this.running = undefined;
      if (this.again && this.timer) {
        this.again = false;
        this.kick();
      }
    });
    this.running = pass;
    return pass;
  }

  private kick(): void {
    void this.drainOnce().catch(() => undefined);
  }

  private async pass(): Promise<DrainSummary> {
    const total = { sent: 0, duplicates: 0, retried: 0, failed: 0 };
    for (;;) {
      const batch = this.outbox.claimDue(
        this.options.concurrency,
        this.inFlight,
        this.options.backoff.maxMs,
      );
      if (batch.length === 0) return total;
      for (const d of batch) this.inFlight.add(d.id);
      const results = await Promise.all(
        batch.map(async (d) => ({ d, result: await this.submit(d) })),
      );
      for (const { d } of results) this.inFlight.delete(d.id);
      const gatewayDown = this.outbox.inTransaction(() =>
        results.map(({ d, result }) => this.record(d, result, total)).includes(true),
      );
      if (gatewayDown) return total;
      // A gateway that answers without I/O would otherwise keep this loop in microtasks and
      // starve every timer (the poll, stop(), a test's timeout) while rows stay due (issue 23).
      await nextTurn();
    }
  }

  private submit(d: DueDossier): Promise<SubmitResult> {
    return submitOrUnavailable(() => this.gateway.submit(d.dossier, d.idempotencyKey));
  }

  /** Returns true when the gateway is unavailable. */
  private record(
    d: DueDossier,
    result: SubmitResult,
    total: Record<keyof DrainSummary, number>,
  ): boolean {
    switch (result.kind) {
      case 'accepted':
        if (this.outbox.markSent(d, result.status)) total.sent += 1;
        if (result.duplicate) total.duplicates += 1;
        return false;
      case 'rejected':
        this.logger?.error('outbox.rejected', {
          dossier: d.dossier.code,
          httpStatus: result.httpStatus,
        });
        this.outbox.markFailed(
          d,
          `refused by the gateway (${result.httpStatus}): ${result.message}`,
        );
        total.failed += 1;
        return false;
      case 'unavailable':
        this.logger?.warn('outbox.sendFailed', {
          dossier: d.dossier.code,
          reason: result.reason,
          attempt: d.attempts,
        });
        if (d.attempts >= this.options.maxAttempts) {
          this.logger?.error('outbox.gaveUp', { dossier: d.dossier.code, attempts: d.attempts });
          this.outbox.markFailed(d, `gave up after ${d.attempts} attempts: ${result.message}`);
          total.failed += 1;
        } else {
          this.outbox.markRetry(d, this.delay(d.attempts), `${result.reason}: ${result.message}`);
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
