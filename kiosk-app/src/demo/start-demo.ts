import { parseKioskConfig, type KioskConfig } from '../core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../core/kiosk-core';
import { createLinkClients } from '../core/links/link-clients';
import type { Logger } from '../core/log/logger';
import { createDemoPorts } from './demo-ports';
import { startEmbeddedServices } from './embedded-services';

export interface RunningDemo {
  readonly core: RunningCore;
  stop(): Promise<void>;
}

/**
 * `kiosk serve --demo`: the real core and its production clients, against the embedded
 * registry and portal simulators, with simulated card reader and printer.
 */
export async function startDemo(
  config: KioskConfig,
  logger: Logger,
  staticDir: string,
): Promise<RunningDemo> {
  const services = await startEmbeddedServices(config.dataDir);
  const demoConfig = parseKioskConfig({ ...config, ...services.endpoints });
  const links = createLinkClients(demoConfig);
  const ports = { ...createDemoPorts(demoConfig.dataDir), ...links };
  logger.info('demo.services', { registry: 'simulator', portal: 'simulator' });
  try {
    const core = await startKioskCore({ config: demoConfig, ports, logger, staticDir });
    return {
      core,
      stop: async () => {
        await core.stop();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}
