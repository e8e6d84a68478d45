import type { KioskConfig } from '../config/kiosk-config';
import { startKioskCore, type RunningCore } from '../kiosk-core';
import { LogRing } from '../log/log-ring';
import { teeLogger, type Logger } from '../log/logger';
import { lockDataFolder } from '../store/data-folder-lock';
import { createProductionPorts } from './production-ports';

/** A started kiosk and how to stop it with everything it opened. */
export interface RunningKiosk {
  readonly core: RunningCore;
  stop(): Promise<void>;
}

/**
 * `kiosk serve` without `--demo`, and the Electron core: the core on the real drivers and the
 * configured registry and portal. The data key must be provisioned (`keyFile` in the
 * configuration or `KIOSK_KEY_FILE`); the start stops with the reason when it is not.
 */
export async function startProduction(
  config: KioskConfig,
  outerLogger: Logger,
  staticDir: string | undefined,
  extraOrigins?: readonly string[],
): Promise<RunningKiosk> {
  // First, before the drivers or the core write anything into the folder.
  const lock = lockDataFolder(config.dataDir);
  // One ring for the drivers and the core, so lines logged before the core reach health too.
  const logRing = new LogRing();
  const logger = teeLogger(outerLogger, (line) => logRing.push(line));
  let ports: ReturnType<typeof createProductionPorts> | undefined;
  let core: RunningCore;
  try {
    ports = createProductionPorts(config, { logger });
    core = await startKioskCore({
      config,
      ports,
      logger,
      staticDir,
      extraOrigins,
      logRing,
      dataFolderLock: lock,
    });
  } catch (error) {
    await ports?.close();
    lock.release();
    throw error;
  }
  const opened = ports;
  return {
    core,
    stop: async () => {
      try {
        await core.stop();
        await opened.close();
      } finally {
        lock.release();
      }
    },
  };
}
