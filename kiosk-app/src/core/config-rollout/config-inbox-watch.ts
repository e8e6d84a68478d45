import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../log/logger';
import type { ConfigInbox } from './config-inbox';

export interface ConfigInboxWatchOptions {
  readonly dir: string;
  readonly logger: Logger;
  /** A scan this long after the last change the folder watch reported (a copy writes in bursts). */
  readonly debounceMs?: number;
  /** A scan at least this often, for folders where the watch misses changes (network mounts). */
  readonly rescanMs?: number;
  /** The second look at a file seen once, so it is applied soon after it stops changing. */
  readonly settleMs?: number;
}

export interface ConfigInboxWatch {
  stop(): void;
}

/**
 * Drives the inbox's scans: on each change the folder watch reports (debounced), again shortly
 * after a scan that left files waiting, and periodically in case the watch is not available.
 */
export function watchConfigInbox(
  inbox: ConfigInbox,
  options: ConfigInboxWatchOptions,
): ConfigInboxWatch {
  const { dir, logger, debounceMs = 250, rescanMs = 5_000, settleMs = 1_000 } = options;
  let soon: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;

  const scanSoon = (delayMs: number) => {
    if (soon) clearTimeout(soon);
    soon = setTimeout(scanNow, delayMs);
    soon.unref();
  };
  const scanNow = () => {
    soon = undefined;
    try {
      if (inbox.scan().pending > 0) scanSoon(settleMs);
    } catch (error) {
      logger.error('rollout.scan_failed', { code: (error as NodeJS.ErrnoException).code });
    }
    if (!watcher) startWatch();
  };
  const startWatch = () => {
    try {
      watcher = watch(dir, { persistent: false }, () => scanSoon(debounceMs));
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
      });
    } catch {
      // The folder is missing or cannot be watched; the periodic rescan still finds bundles.
      watcher = undefined;
    }
  };

  const periodic = setInterval(scanNow, rescanMs);
  periodic.unref();
  scanSoon(0);
  return {
    stop() {
      clearInterval(periodic);
      if (soon) clearTimeout(soon);
      watcher?.close();
      watcher = undefined;
    },
  };
}
