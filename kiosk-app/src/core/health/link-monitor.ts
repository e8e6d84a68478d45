import type { LinkHealthView } from '../../protocol';
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

  /** `logger` hears each outage begin (`links.down`, with its reason code) and end (`links.up`). */
  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly logger?: Logger,
  ) {}

  ok(link: LinkName): void {
    const record = this.records[link];
    if (record.failing) this.logger?.info('links.up', { link });
    record.lastOkAt = this.now().toISOString();
    record.okCount += 1;
    record.failing = false;
  }

  failed(link: LinkName, reason: string): void {
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
      try {
        const outcome = await port.lookup(input);
        if (outcome.kind === 'unavailable') monitor.failed('registry', outcome.reason);
        else monitor.ok('registry');
        return outcome;
      } catch (error) {
        monitor.failed('registry', thrownReason(error));
        throw error;
      }
    },
  };
}

function recordSubmit(monitor: LinkMonitor, result: SubmitResult): void {
  if (result.kind === 'accepted') monitor.ok('portal');
  else if (result.kind === 'rejected') monitor.failed('portal', `rejected-${result.httpStatus}`);
  else monitor.failed('portal', result.reason);
}

function recordStatus(monitor: LinkMonitor, result: StatusResult): void {
  if (result.kind === 'unavailable') monitor.failed('portal', result.reason);
  else monitor.ok('portal');
}

/**
 * The dossier gateway, reporting each submit and status call to the monitor. A rejected dossier
 * counts as a failure (`rejected-<HTTP status>`): support needs to see it even though the portal
 * answered.
 */
export function monitorGateway(gateway: DossierGateway, monitor: LinkMonitor): DossierGateway {
  const guard = async <T>(call: () => Promise<T>, record: (result: T) => void): Promise<T> => {
    try {
      const result = await call();
      record(result);
      return result;
    } catch (error) {
      monitor.failed('portal', thrownReason(error));
      throw error;
    }
  };
  return {
    submit: (dossier, key) =>
      guard(
        () => gateway.submit(dossier, key),
        (r) => recordSubmit(monitor, r),
      ),
    status: (code) =>
      guard(
        () => gateway.status(code),
        (r) => recordStatus(monitor, r),
      ),
  };
}
