import { performance } from 'node:perf_hooks';
import type { LinkHealthView } from '@kiosk/protocol';
import type { DossierGateway, StatusResult, SubmitResult } from '../links/gateway/dossier-gateway';
import type { Logger } from '../log/logger';
import type { RegistryPort } from '../ports';

/** The two outside systems the kiosk calls. */
export type LinkName = 'registry' | 'portal';

/** What monitoring sees of one link. Reasons are short codes, never a request's content. */
export type LinkHealth = LinkHealthView;

interface LinkRecord {
  lastOkAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  okCount: number;
  errorCount: number;
  failing: boolean;
}

/** One finished call, as the metrics see it: how long it took and, when it failed, why. */
export interface LinkCall {
  readonly link: LinkName;
  readonly seconds: number;
  readonly failure?: string;
}

/** Longest failure reason kept (a code such as `timeout` or `rejected-422`). */
const MAX_REASON = 80;

/**
 * Remembers, per link, the last successful call, the last failure with its reason, and counts.
 * It sits around the ports (see {@link monitorRegistry}, {@link monitorGateway}), so the HTTP
 * clients stay unaware of it and a demo stand-in is monitored the same way.
 */
export class LinkMonitor {
  private readonly records: Record<LinkName, LinkRecord> = {
    registry: { okCount: 0, errorCount: 0, failing: false },
    portal: { okCount: 0, errorCount: 0, failing: false },
  };

  private readonly listeners = new Set<(call: LinkCall) => void>();

  /**
   * `logger` hears each outage begin (`links.down`, with its reason code) and end (`links.up`);
   * `monotonicMs` times the calls (the metrics).
   */
  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly logger?: Logger,
    readonly monotonicMs: () => number = () => performance.now(),
  ) {}

  /** Hears every finished call (the metrics); returns the way to stop listening. */
  onCall(listener: (call: LinkCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ok(link: LinkName, seconds = 0): void {
    for (const listener of this.listeners) listener({ link, seconds });
    const record = this.records[link];
    if (record.failing) this.logger?.info('links.up', { link });
    record.lastOkAt = this.now().toISOString();
    record.okCount += 1;
    record.failing = false;
  }

  failed(link: LinkName, reason: string, seconds = 0): void {
    for (const listener of this.listeners) listener({ link, seconds, failure: reason });
    const record = this.records[link];
    if (!record.failing)
      this.logger?.warn('links.down', { link, reason: reason.slice(0, MAX_REASON) });
    record.lastErrorAt = this.now().toISOString();
    record.lastError = reason.slice(0, MAX_REASON);
    record.errorCount += 1;
    record.failing = true;
  }

  snapshot(): Record<LinkName, LinkHealth> {
    return { registry: { ...this.records.registry }, portal: { ...this.records.portal } };
  }
}

/** A thrown error as a reason: its class name only (messages can carry hosts or data). */
function thrownReason(error: unknown): string {
  return `exception:${error instanceof Error ? error.name : typeof error}`;
}

/**
 * The registry port, reporting each lookup to the monitor. `found` and `notFound` are answers,
 * so the link worked; `unavailable` is a failure with its reason code.
 */
export function monitorRegistry(port: RegistryPort, monitor: LinkMonitor): RegistryPort {
  return {
    async lookup(input) {
      const started = monitor.monotonicMs();
      const seconds = () => (monitor.monotonicMs() - started) / 1000;
      try {
        const outcome = await port.lookup(input);
        if (outcome.kind === 'unavailable') monitor.failed('registry', outcome.reason, seconds());
        else monitor.ok('registry', seconds());
        return outcome;
      } catch (error) {
        monitor.failed('registry', thrownReason(error), seconds());
        throw error;
      }
    },
  };
}

function recordSubmit(monitor: LinkMonitor, result: SubmitResult, seconds: number): void {
  if (result.kind === 'accepted') monitor.ok('portal', seconds);
  else if (result.kind === 'rejected')
    monitor.failed('portal', `rejected-${result.httpStatus}`, seconds);
  else monitor.failed('portal', result.reason, seconds);
}

function recordStatus(monitor: LinkMonitor, result: StatusResult, seconds: number): void {
  if (result.kind === 'unavailable') monitor.failed('portal', result.reason, seconds);
  else monitor.ok('portal', seconds);
}

/**
 * The dossier gateway, reporting each submit and status call to the monitor. A rejected dossier
 * counts as a failure (`rejected-<HTTP status>`): support needs to see it even though the portal
 * answered.
 */
export function monitorGateway(gateway: DossierGateway, monitor: LinkMonitor): DossierGateway {
  const guard = async <T>(
    call: () => Promise<T>,
    record: (result: T, seconds: number) => void,
  ): Promise<T> => {
    const started = monitor.monotonicMs();
    const seconds = () => (monitor.monotonicMs() - started) / 1000;
    try {
      const result = await call();
      record(result, seconds());
      return result;
    } catch (error) {
      monitor.failed('portal', thrownReason(error), seconds());
      throw error;
    }
  };
  return {
    submit: (dossier, key) =>
      guard(
        () => gateway.submit(dossier, key),
        (r, s) => recordSubmit(monitor, r, s),
      ),
    status: (code) =>
      guard(
        () => gateway.status(code),
        (r, s) => recordStatus(monitor, r, s),
      ),
  };
}
