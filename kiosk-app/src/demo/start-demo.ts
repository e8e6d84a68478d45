import { createServer, type AddressInfo } from 'node:net';
import { parseKioskConfig, type KioskConfig } from '../core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../core/kiosk-core';
import { createLinkClients } from '../core/links/link-clients';
import { LogRing } from '../core/log/log-ring';
import { teeLogger, type Logger } from '../core/log/logger';
import { lockDataFolder } from '../core/store/data-folder-lock';
import { seedDemoTechnician } from './demo-technician';
import { createSimulatedPorts } from './simulated-ports';
import { startEmbeddedServices } from './embedded-services';
import { demoPaymentConfig } from './demo-payment';
import { PrintedSlipPurge } from './printed-slip-purge';
import { demoReceiptSigning } from './demo-receipt-signing';

/** An address on loopback where nothing listens (a port just freed): connections are refused. */
async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

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
  outerLogger: Logger,
  staticDir: string | undefined,
  extraOrigins?: readonly string[],
): Promise<RunningDemo> {
  // First, before the simulators write their databases and the demo CSCA into the folder.
  const lock = lockDataFolder(config.dataDir);
  // One ring for the whole demo, so the simulated devices' lines reach the support export too.
  const logRing = new LogRing();
  const logger = teeLogger(outerLogger, (line) => logRing.push(line));
  // KIOSK_DEMO_REGISTRY_DELAY_MS makes the registry simulator answer that much later.
  const registryDelayMs = Number(process.env.KIOSK_DEMO_REGISTRY_DELAY_MS ?? 0) || undefined;
  const services = await startEmbeddedServices(
    config.dataDir,
    config.queue.groups.map((g) => g.code),
    registryDelayMs ? { registryDelayMs } : {},
  ).catch((error: unknown) => {
    lock.release();
    throw error;
  });
  // KIOSK_DEMO_QUEUE=down points the kiosk at a queue system that refuses connections (the
  // fallback numbers and the technician's warning can be seen); otherwise the simulator.
  const queueUrl =
    process.env.KIOSK_DEMO_QUEUE === 'down' ? await refusingUrl() : services.queueUrl;
  // The demo's SMSC short code, unless the configuration names the centre's own.
  const demoConfig = parseKioskConfig({
    smsShortCode: services.smsShortCode,
    ...config,
    ...services.endpoints,
    queue: { ...config.queue, url: queueUrl },
    payment: demoPaymentConfig(config.payment, services.payment),
  });
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
  // The production clients, re-pointed by the core when a technician changes the endpoints.
  const receiptSigning = demoReceiptSigning(demoConfig.dataDir, logger);
  const ports = {
    ...simulated,
    registry: links.registry,
    gateway: links.gateway,
    ratings: links.ratings,
    receiptPdfPortal: links.receiptPdfs,
    links,
    ...(receiptSigning ? { receiptSigning } : {}),
  };
  logger.info('demo.services', {
    registry: 'simulator',
    portal: 'simulator',
    queue: queueUrl,
    officerScreen: services.officerScreenUrl,
    smscMessages: services.smscMessagesUrl,
    paymentPlatform: services.payment.platformUrl,
    card: simulated.cardPath,
  });
  const closeAll = async () => {
    try {
      await simulated.close();
      await links.close();
      await services.close();
    } finally {
      lock.release();
    }
  };
  try {
    const core = await startKioskCore({
      config: demoConfig,
      ports,
      logger,
      staticDir,
      extraOrigins,
      logRing,
      dataFolderLock: lock,
    });
    // The platform simulator notifies the core's own listener (it opens with the core).
    if (core.payment) services.payment.notifyTo(core.payment.notifyUrl);
    // The simulators listen on fresh ports at each start: their endpoints replace stored ones
    // (a demo that was given other endpoints by a technician gets the simulators back).
    const { registry, portal } = services.endpoints;
    const current = core.settings.current();
    if (
      JSON.stringify(current.registry) !== JSON.stringify(registry) ||
      JSON.stringify(current.portal) !== JSON.stringify(portal)
    )
      core.settings.update({ registry, portal });
    await seedDemoTechnician(core);
    // Printed slips name the applicant: kept as long as the receipts, then removed like them.
    const slips = new PrintedSlipPurge({
      dir: simulated.printedDir,
      retentionDays: () => core.settings.current().retentionDays,
      logger,
    });
    slips.start();
    return {
      core,
      stop: async () => {
        slips.stop();
        await core.stop();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
