import { mkdirSync } from 'node:fs';
import { parseKioskConfig, type KioskConfig } from '../core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../core/kiosk-core';
import { createLinkClients } from '../core/links/link-clients';
import type { Logger } from '../core/log/logger';
import { createSimulatedPorts } from './simulated-ports';
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
  staticDir: string | undefined,
  extraOrigins?: readonly string[],
): Promise<RunningDemo> {
  mkdirSync(config.dataDir, { recursive: true });
  const services = await startEmbeddedServices(config.dataDir);
  const demoConfig = parseKioskConfig({ ...config, ...services.endpoints });
  const links = createLinkClients(demoConfig);
  // KIOSK_DEMO_CARD=in-process keeps a demo off PC/SC (tests that must not share vpcd);
  // KIOSK_DEMO_VPCD_PORT picks the vpcd slot (35963 = "Virtual PCD 00 00", 35964 = "00 01").
  const vpcdPort = Number(process.env.KIOSK_DEMO_VPCD_PORT ?? 35963);
  const simulated = await createSimulatedPorts(demoConfig.dataDir, {
    logger,
    card: process.env.KIOSK_DEMO_CARD === 'in-process' ? 'in-process' : 'auto',
    vpcdPort,
    reader: `Virtual PCD 00 0${vpcdPort - 35963}`,
  });
  const ports = { ...simulated, ...links };
  logger.info('demo.services', {
    registry: 'simulator',
    portal: 'simulator',
    card: simulated.cardPath,
  });
  const closeAll = async () => {
    await simulated.close();
    await services.close();
  };
  try {
    const core = await startKioskCore({
      config: demoConfig,
      ports,
      logger,
      staticDir,
      extraOrigins,
    });
    return {
      core,
      stop: async () => {
        await core.stop();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
