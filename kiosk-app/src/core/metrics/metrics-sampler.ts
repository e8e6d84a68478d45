import { statfsSync } from 'node:fs';
import type { DeviceView } from '@kiosk/protocol';
import { checkPrinterHealth, type PrinterHealth } from '../health/printer-health';
import type { ReceiptPrinterPort } from '../ports';
import type { TrustStoreSummary } from '../trust/trust-store';
import type { KioskMetrics } from './kiosk-metrics';
import type { OUTBOX_STATES } from './metric-labels';
import { DEVICE_ROLES, type PrinterStateLabel } from './metric-labels';

type OutboxCounts = Readonly<Record<(typeof OUTBOX_STATES)[number], number>>;

/** Where the sampler looks; every source is read here, off the scrape's path. */
export interface MetricsSources {
  readonly outboxCounts: () => OutboxCounts;
  readonly oldestQueuedAt: () => string | undefined;
  readonly devices: () => readonly DeviceView[];
  readonly dataDir: string;
  readonly printer?: ReceiptPrinterPort;
  /** True while the journey itself talks to the printer (its check, the print): not asked then. */
  readonly printerInUse?: () => boolean;
  readonly trust?: () => Promise<TrustStoreSummary>;
  readonly appliedSerial?: () => number | undefined;
}

const EMPTY_TRUST: TrustStoreSummary = { cscaCount: 0, expired: 0 };

export interface MetricsSamplerOptions {
  readonly intervalMs: number;
  readonly freeBytes?: (dir: string) => number;
}

/** The printer's health as one of the states the alert rules know (ESC/POS DLE EOT 2/4). */
export function printerStateOf(health: PrinterHealth): PrinterStateLabel {
  if (health.status !== 'error') return health.status;
  return health.detail === 'cover open' ? 'cover-open' : 'error';
}

function presentRoles(devices: readonly DeviceView[]): Set<(typeof DEVICE_ROLES)[number]> {
  const present = new Set<(typeof DEVICE_ROLES)[number]>();
  for (const device of devices) {
    if (device.status !== 'online') continue;
    for (const role of [device.role, ...(device.assignedTo ?? [])]) {
      const known = DEVICE_ROLES.find((r) => r === role);
      if (known) present.add(known);
    }
  }
  return present;
}

function statfsFreeBytes(dir: string): number {
  const disk = statfsSync(dir);
  return disk.bavail * disk.bsize;
}

/**
 * Refreshes the gauges that need a look at the store, the disk or a device, every `intervalMs`,
 * one run at a time. A source that fails or hangs keeps its last value and the scrape still
 * answers at once; `lastStoreSampleAt` tells the readiness check whether the store still reads.
 */
export class MetricsSampler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private storeSampledAtMs: number | undefined;

  constructor(
    private readonly metrics: KioskMetrics,
    private readonly sources: MetricsSources,
    private readonly options: MetricsSamplerOptions,
    private readonly nowMs: () => number = () => Date.now(),
  ) {}

  /** Samples now, then every interval; resolves after the first sample. */
  async start(): Promise<void> {
    await this.sample();
    this.timer = setInterval(() => void this.sample(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** When the outbox was last read from the store (Unix ms), if it ever was. */
  get lastStoreSampleAt(): number | undefined {
    return this.storeSampledAtMs;
  }

  /** One sample; a call while one runs waits for that one instead of starting another. */
  sample(): Promise<void> {
    this.running ??= this.sampleOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sampleOnce(): Promise<void> {
    const { metrics, sources } = this;
    const attempt = (read: () => void) => {
      try {
        read();
      } catch {
        // Keeps the last value; the health report (technician) names the failing part.
      }
    };
    attempt(() => {
      metrics.outbox(sources.outboxCounts(), sources.oldestQueuedAt());
      this.storeSampledAtMs = this.nowMs();
    });
    attempt(() => metrics.appliedSerial(sources.appliedSerial?.()));
    attempt(() => metrics.devices(presentRoles(sources.devices())));
    attempt(() =>
      metrics.diskFreeBytes((this.options.freeBytes ?? statfsFreeBytes)(sources.dataDir)),
    );
    // The store's loader parses the folder again only when a file changed.
    if (sources.trust) metrics.trustStore(await sources.trust().catch(() => EMPTY_TRUST));
    if (sources.printer && !sources.printerInUse?.()) {
      metrics.printer(printerStateOf(await checkPrinterHealth(sources.printer)));
    }
  }
}
