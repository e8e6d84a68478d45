import { statfsSync } from 'node:fs';
import type { DeviceView, HealthView, OutboxStateView } from '@kiosk/protocol';
import type { RecentLogEvent } from '../log/log-ring';
import type { ReceiptPrinterPort } from '../ports';
import type { KioskDatabase } from '../store/database';
import type { LinkMonitor } from './link-monitor';
import { checkPrinterHealth } from './printer-health';
import type { TrustStoreSummary } from '../trust/trust-store';
import type { SpeechAvailability } from '../speech/speech-synthesizer';

function speechHealth(availability: SpeechAvailability): NonNullable<HealthView['speech']> {
  return availability.available
    ? { available: true }
    : { available: false, reason: availability.reason };
}

/** Below this much free space on the data disk the kiosk is reported unhealthy. */
export const MIN_FREE_DISK_BYTES = 200 * 1024 * 1024;

/** How many warn/error events the report lists. */
export const RECENT_ERRORS = 20;

/** What the health report is made of; the core passes its live parts. */
export interface HealthSources {
  readonly kioskId: string;
  readonly dataDir: string;
  readonly devices: () => readonly DeviceView[];
  readonly outboxCounts: () => Record<OutboxStateView, number>;
  readonly oldestQueuedAt: () => string | undefined;
  readonly links: LinkMonitor;
  readonly printer: ReceiptPrinterPort;
  readonly journeyStep: () => string;
  readonly recentProblems: (limit: number) => readonly RecentLogEvent[];
  /** The CSCA trust store, where the kiosk reads chips. */
  readonly trust?: () => Promise<TrustStoreSummary>;
  /** The centre's queue system, as the kiosk last found it (issue 18). */
  readonly queueSystem?: () => NonNullable<HealthView['queueSystem']>;
  /** Whether the spoken prompts can be spoken (optional: reported, never a problem). */
  readonly speech?: () => Promise<SpeechAvailability>;
  readonly now?: () => Date;
}

/** The oldest undelivered dossier's creation time (how long the portal has been missed). */
export function oldestQueuedAt(db: KioskDatabase): string | undefined {
  const row = db
    .prepare("SELECT MIN(created_at) AS oldest FROM outbox_dossier WHERE state = 'queued'")
    .get() as { oldest: string | null } | undefined;
  return row?.oldest ?? undefined;
}

function freeBytes(dir: string): number {
  const disk = statfsSync(dir);
  return disk.bavail * disk.bsize;
}

/**
 * What makes the kiosk unhealthy for monitoring, as short English codes: a device offline, in
 * error or not assigned, the printer out of paper or unreachable, a link whose last call failed,
 * dossiers the portal refused for good, a nearly full disk, or the queue system down. A paper near-end is a warning, not a fault.
 */
export function healthProblems(report: Omit<HealthView, 'healthy' | 'problems'>): string[] {
  const problems: string[] = [];
  for (const device of report.devices)
    if (/offline|error|unavailable|paper_out|not-assigned/i.test(device.status))
      problems.push(`device:${device.id}:${device.status}`);
  if (report.printer.status !== 'ok' && report.printer.status !== 'near-end')
    problems.push(`printer:${report.printer.status}`);
  for (const name of ['registry', 'portal'] as const)
    if (report.links[name].failing) problems.push(`${name}:failing`);
  if (report.outbox.failed > 0) problems.push('outbox:failed');
  if (report.diskFreeBytes < MIN_FREE_DISK_BYTES) problems.push('disk:low');
  // Without a trusted CSCA no chip can be `valid`: every card would read below chip-verified.
  if (report.trust && report.trust.cscaCount === 0) problems.push('trust:empty');
  // The kiosk still numbers citizens (K-numbers), but the counters' screens do not see them.
  if (report.queueSystem?.state === 'fallback') problems.push('queue:fallback');
  return problems;
}

/**
 * Builds the monitoring report: devices, outbox depth and age, the links' last good call and
 * last failure, the printer's paper state (asked now), free disk, the journey step, and the last
 * warnings and errors of the log.
 */
export async function healthReport(sources: HealthSources): Promise<HealthView> {
  const printer = await checkPrinterHealth(sources.printer);
  const oldest = sources.oldestQueuedAt();
  const base = {
    kioskId: sources.kioskId,
    at: (sources.now?.() ?? new Date()).toISOString(),
    // After the printer check, so the printer's device row shows what was just asked.
    devices: sources.devices(),
    outbox: { ...sources.outboxCounts(), ...(oldest ? { oldestQueuedAt: oldest } : {}) },
    links: sources.links.snapshot(),
    printer,
    diskFreeBytes: freeBytes(sources.dataDir),
    journey: sources.journeyStep(),
    recentErrors: sources.recentProblems(RECENT_ERRORS),
    ...(sources.trust ? { trust: await sources.trust() } : {}),
    ...(sources.queueSystem ? { queueSystem: sources.queueSystem() } : {}),
    ...(sources.speech ? { speech: speechHealth(await sources.speech()) } : {}),
  };
  const problems = healthProblems(base);
  return { ...base, healthy: problems.length === 0, problems };
}
