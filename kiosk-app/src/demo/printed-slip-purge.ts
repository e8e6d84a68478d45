import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/log/logger';
import { PURGE_INTERVAL_MS, systemPurgeClock, type PurgeClock } from '../core/privacy';

const DAY_MS = 86_400_000;

export interface PrintedSlipPurgeOptions {
  /** The demo printer's output folder (`<dataDir>/printed`). */
  readonly dir: string;
  /** The receipts' retention (setting `retentionDays`), read at every run. */
  readonly retentionDays: () => number;
  readonly clock?: PurgeClock;
  readonly logger?: Logger;
}

/**
 * The demo prints to files: each slip (it names the applicant) is a PNG and a JSON summary in
 * `printed/`. They are kept as long as the receipts are, so the demo still shows what it
 * printed, and removed like them: at demo start when older than the retention, then hourly.
 * The folder is made owner-only. Files are dated by their modification time (when printed).
 */
export class PrintedSlipPurge {
  private readonly clock: PurgeClock;
  private cancel: (() => void) | undefined;

  constructor(private readonly options: PrintedSlipPurgeOptions) {
    this.clock = options.clock ?? systemPurgeClock;
  }

  start(): { removed: number } {
    this.stop();
    mkdirSync(this.options.dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') chmodSync(this.options.dir, 0o700);
    const report = this.runOnce();
    this.cancel = this.clock.every(PURGE_INTERVAL_MS, () => {
      try {
        this.runOnce();
      } catch (error) {
        this.options.logger?.warn('demo.printed.purgeFailed', {
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

  runOnce(): { removed: number } {
    const cutoff = this.clock.now().getTime() - this.options.retentionDays() * DAY_MS;
    let removed = 0;
    const names = readdirSync(this.options.dir, { withFileTypes: true }).filter((e) => e.isFile());
    for (const { name } of names) {
      const file = join(this.options.dir, name);
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile() || stat.mtimeMs >= cutoff) continue;
      rmSync(file, { force: true });
      removed += 1;
    }
    return { removed };
  }
}
