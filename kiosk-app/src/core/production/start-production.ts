import { mkdirSync } from 'node:fs';
import type { KioskConfig } from '../config/kiosk-config';
import { startKioskCore, type RunningCore } from '../kiosk-core';
import { LogRing } from '../log/log-ring';
import { teeLogger, type Logger } from '../log/logger';
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
  // One ring for the drivers and the core, so lines logged before the core reach health too.
  const logRing = new LogRing();
  const logger = teeLogger(outerLogger, (line) => logRing.push(line));
  mkdirSync(config.dataDir, { recursive: true });
  const ports = createProductionPorts(config, { logger });
  let core: RunningCore;
  try {
    core = await startKioskCore({ config, ports, logger, staticDir, extraOrigins, logRing });
  } catch (error) {
    await ports.close();
    throw error;
  }
  return {
    core,
    stop: async () => {
      await core.stop();
      await ports.close();
    },
  };
}
