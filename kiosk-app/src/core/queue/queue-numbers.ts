import type { CounterGroupView, HealthView, QueueTicketView } from '@kiosk/protocol';
import { formatVietnamIso } from '@kiosk/forms';
import type { Logger } from '../log/logger';
import type { QueueSystemPort } from '../ports';
import { groupOfSector } from './counter-groups';
import type { CounterGroup } from './queue-config';
import { QueueSystemError } from './queue-system-error';
import type { LocalQueueSequence } from './local-queue-sequence';

export type QueueSystemHealth = NonNullable<HealthView['queueSystem']>;

export interface QueueNumbersDeps {
  /** The centre's queue system; absent when the centre has none (the kiosk numbers alone). */
  readonly system?: QueueSystemPort;
  readonly fallback: LocalQueueSequence;
  /** Read at each number, so a changed kiosk number applies to the next one. */
  readonly kioskNumber: () => number;
  readonly groups: readonly CounterGroup[];
  /** Bounds the wait for the queue system (`AbortSignal.timeout(timeoutMs)` in the core). */
  readonly deadline: () => AbortSignal;
  /** After a failure, the system is not asked again for this long (0: asked every time). */
  readonly retryAfterMs: number;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * Gives out counter queue numbers: from the queue system when it answers, otherwise from the
 * kiosk's own persisted sequence (`K<n>-…`), so a citizen always leaves with a number. After a
 * failure the system rests for `retryAfterMs` before it is asked again. The first
 * failure after a success is logged as a warning in plain English and shows in the health
 * report until the system answers again.
 */
export class QueueNumbers {
  private readonly now: () => Date;
  private health: QueueSystemHealth;
  private lastFailureAt: number | undefined;

  constructor(private readonly deps: QueueNumbersDeps) {
    this.now = deps.now ?? (() => new Date());
    this.health = deps.system
      ? { state: 'online', detail: 'the queue system has not been asked yet' }
      : {
          state: 'local-only',
          detail: 'no queue system is configured; the kiosk issues its own K-numbers',
        };
  }

  /** The groups the citizen can pick from ("Lấy số thứ tự"). */
  groups(): CounterGroupView[] {
    return this.deps.groups.map((g) => ({
      code: g.code,
      name: g.name,
      sectors: g.sectors,
      ...(g.counters ? { counters: g.counters } : {}),
    }));
  }

  /** The group whose counters receive a field (lĩnh vực). */
  groupOfSector(sector: string): CounterGroup {
    return groupOfSector(this.deps.groups, sector);
  }

  /** The queue system's view for the health report. */
  state(): QueueSystemHealth {
    return this.health;
  }

  async issue(groupCode: string): Promise<QueueTicketView> {
    const group = this.deps.groups.find((g) => g.code === groupCode);
    if (!group) throw new RangeError(`no counter group ${groupCode}`);
    const base = {
      group: group.code,
      groupName: group.name,
      ...(group.counters ? { counters: group.counters } : {}),
    };
    if (this.deps.system && !this.resting()) {
      try {
        const ticket = await this.deps.system.issue(group.code, this.deps.deadline());
        this.recovered();
        return {
          ...base,
          number: ticket.number,
          issuedAt: formatVietnamIso(this.now()),
          source: 'queue-system',
          ...(ticket.waiting === undefined ? {} : { waiting: ticket.waiting }),
        };
      } catch (error) {
        this.failed(error, group.code);
      }
    }
    const at = this.now();
    const number = this.deps.fallback.next(group.code, this.deps.kioskNumber(), at);
    this.deps.logger.info('queue.fallback.issued', { group: group.code, number });
    return { ...base, number, issuedAt: formatVietnamIso(at), source: 'kiosk' };
  }

  /** Down a moment ago: the citizen gets the kiosk's number at once. */
  private resting(): boolean {
    return (
      this.lastFailureAt !== undefined &&
      this.now().getTime() - this.lastFailureAt < this.deps.retryAfterMs
    );
  }

  private failed(error: unknown, group: string): void {
    this.lastFailureAt = this.now().getTime();
    const code = error instanceof QueueSystemError ? error.code : 'QUEUE_SYSTEM_UNAVAILABLE';
    const reason = error instanceof Error ? error.message : String(error);
    const kiosk = this.deps.kioskNumber();
    const wasDown = this.health.state === 'fallback';
    this.health = {
      state: 'fallback',
      detail: `${reason}; the kiosk issues its own numbers (K${kiosk}-…) until it answers again. Check the queue server and the network.`,
      since: wasDown ? this.health.since : formatVietnamIso(this.now()),
    };
    if (!wasDown) {
      this.deps.logger.warn('queue.system.down', {
        code,
        group,
        message: this.health.detail,
      });
    }
  }

  private recovered(): void {
    this.lastFailureAt = undefined;
    if (this.health.state === 'fallback') {
      this.deps.logger.info('queue.system.back', { since: this.health.since });
    }
    this.health = { state: 'online', detail: 'the queue system answers' };
  }
}
