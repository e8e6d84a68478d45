import { join } from 'node:path';
import { createCardService, type CardService } from '@kiosk/id-card';
import { formatCccdTd1 } from '@kiosk/mrz';
import { createTransport, defaultTemplate, loadProfile, ReceiptPrinter } from '@kiosk/printer';
import { startVirtualCard, type VirtualCard } from '@kiosk/test-fixtures/card';
import { startVirtualPrinter, type VirtualPrinter } from '@kiosk/test-fixtures/printer';
import type { DemoControls } from '../core/api/api-context';
import { EscposReceiptPrinter, ManualScanSource } from '../core/devices';
import { ChipIdentityReader } from '../core/identity';
import { DeviceManager, type ManagedPrinter } from '../core/devices/device-manager';
import type { CorePorts } from '../core/kiosk-core';
import { stderrLogger, type Logger } from '../core/log/logger';
import { importTrust } from '../core/trust/trust-store';
import { trustStoreDir } from '../core/config/core-environment';
import type { DeviceEventSource, IdentityReader } from '../core/ports';
import { demoCitizens, demoQrText } from './demo-citizens';
import { DemoDevices } from './demo-devices';
import { DemoGateway } from './demo-gateway';
import { DemoIdentityReader } from './demo-identity-reader';
import { DemoRegistry } from './demo-registry';
import { waitForCardEvent, waitForReader } from './pcsc-wait';

export interface SimulatedPortsOptions {
  readonly logger?: Logger;
  /** vpcd's reader for the virtual card: port 35963 = "Virtual PCD 00 00" (the default). */
  readonly reader?: string;
  readonly vpcdPort?: number;
  /** How long to wait for pcscd to show the vpcd reader before falling back (default 3 s). */
  readonly pcscWaitMs?: number;
  /** The printer profile the virtual printer is driven with (default Epson 80 mm TCVN-3). */
  readonly printerProfile?: string;
  /** `in-process` skips PC/SC altogether (tests that must not share vpcd with others). */
  readonly card?: 'auto' | 'in-process';
}

export interface SimulatedPorts extends CorePorts {
  readonly demo: DemoControls;
  /** `pcsc`: pcscd + vpcd + the virtual card; `in-process`: the demo's reader stand-in. */
  readonly cardPath: 'pcsc' | 'in-process';
  readonly virtualPrinter: VirtualPrinter;
  readonly virtualCard?: VirtualCard;
  readonly receiptPrinter: EscposReceiptPrinter;
  /** Folder where the virtual printer writes each slip (PNG + decoded JSON). */
  readonly printedDir: string;
  readonly deviceSetup: DeviceManager;
  close(): Promise<void>;
}

const DEFAULT_READER = 'Virtual PCD 00 00';
/**
 * The virtual printer's address in the settings: an alias, because its TCP port changes at each
 * start while an assignment saved by a technician must still mean it after a restart.
 */
export const DEMO_PRINTER_URI = 'demo:virtual-printer';

const citizenAt = (i: number) => {
  const citizen = demoCitizens[i];
  if (!citizen) throw new RangeError(`there are ${demoCitizens.length} demo citizens`);
  return citizen;
};

interface CardPath {
  readonly identity: IdentityReader;
  readonly devices: DeviceEventSource;
  readonly setup: DeviceManager;
  readonly place: (i: number) => Promise<void>;
  readonly remove: () => Promise<void>;
  readonly card?: VirtualCard;
  /** The CSCA trust store the chip reader checks against (the chip path only). */
  readonly trustDir?: string;
  readonly close: () => Promise<void>;
}

/** The real chip path: the virtual card on pcscd + vpcd, read by the chip driver. */
async function pcscCardPath(
  dataDir: string,
  options: SimulatedPortsOptions,
  logger: Logger,
  scanner: ManualScanSource,
  printer: DemoPrinterWiring,
): Promise<CardPath | undefined> {
  const reader = options.reader ?? DEFAULT_READER;
  let cards: CardService;
  try {
    cards = createCardService();
  } catch (error) {
    logger.warn('demo.pcsc.unavailable', { reason: error instanceof Error ? error.message : '' });
    return undefined;
  }
  if (!(await waitForReader(cards, reader, options.pcscWaitMs ?? 3_000))) {
    await cards.close();
    logger.warn('demo.pcsc.unavailable', {
      reason: `reader "${reader}" not found (start pcscd with vpcd: scripts/services/pcscd.sh)`,
    });
    return undefined;
  }
  const card = await startVirtualCard({ port: options.vpcdPort ?? 35963, inserted: false });
  // Trust the virtual card's test CSCA, so passive authentication says `valid` in the demo: the
  // same import a technician runs (`kiosk trust import`), stored under its fingerprint.
  const cscaDir = trustStoreDir({}, dataDir);
  await importTrust(
    [{ name: 'demo-test-csca.pem', bytes: new TextEncoder().encode(card.cscaCertificatePem) }],
    { dir: cscaDir },
  );
  // The card reader is the one a technician assigns; vpcd's reader until then.
  const devices = new DeviceManager({
    ...printer,
    cards,
    defaultReader: reader,
    scanner,
    cscaDir,
    logger,
    // The demo "knows" the card's MRZ, as a full-page document reader would. Written by
    // @kiosk/mrz (with the personal-ID check digit), so the MRZ is also a source of its own.
    // Only for the virtual card's own reader: another reader holds another card.
    presentedMrz: (at) =>
      at === reader && card.isInserted ? formatCccdTd1(card.citizen).join('\n') : undefined,
  });
  const takeOff = async (): Promise<void> => {
    if (!card.isInserted) return;
    const gone = waitForCardEvent(cards, reader, 'card-removed', 5_000);
    await card.remove();
    await gone;
  };
  return {
    identity: new ChipIdentityReader({ cards, logger, cscaDir }),
    devices,
    setup: devices,
    trustDir: cscaDir,
    card,
    place: async (i) => {
      await takeOff();
      await card.insert(citizenAt(i));
    },
    remove: takeOff,
    close: async () => {
      devices.close();
      await card.close();
      // Ends the PC/SC host process (pcsclite never runs in the core, so this cannot block).
      await cards.close();
    },
  };
}

/** Without pcscd: the demo's in-process reader, with the virtual printer still real. */
function inProcessCardPath(
  scanner: ManualScanSource,
  printer: DemoPrinterWiring,
  logger: Logger,
): CardPath {
  const identity = new DemoIdentityReader();
  const demo = new DemoDevices();
  // No chip driver: the printer, the scanner and the inventory are still the real setup.
  const setup = new DeviceManager({ ...printer, scanner, logger });
  const devices: DeviceEventSource = {
    onCardPresented: (l) => demo.onCardPresented(l),
    onCardRemoved: (l) => demo.onCardRemoved(l),
    onQr: (l) => setup.onQr(l),
    onMrz: (l) => setup.onMrz(l),
    list: () => [
      {
        id: 'demo:card',
        role: 'cardReader',
        kind: 'cardReader',
        status: 'online',
        detail: 'in-process demo reader (no pcscd)',
      },
      printer.printer.deviceView(),
      ...setup.list().filter((d) => d.kind === 'mrzReader'),
    ],
  };
  return {
    identity,
    devices,
    setup,
    place: async (i) => {
      identity.place(i);
      demo.present(`demo-mrz-${i}`);
    },
    remove: async () => {
      identity.remove();
      demo.remove();
    },
    close: async () => setup.close(),
  };
}

/** The receipt printer as both card paths hand it to their `DeviceManager`. */
interface DemoPrinterWiring {
  readonly printer: EscposReceiptPrinter;
  readonly printerUri: string;
  readonly knownPrinters: readonly ManagedPrinter[];
}

/**
 * The demo wired through the real drivers and the simulators: receipts go through the ESC/POS
 * driver to the virtual printer over TCP, and — when pcscd runs with vpcd — cards are read by
 * the chip driver from the virtual CCCD over PC/SC. Without pcscd the in-process reader stands in
 * (logged as `demo.pcsc.unavailable`), so `kiosk serve --demo` works on any machine. The registry
 * and the one-stop gateway are still the in-process stand-ins.
 */
export async function createSimulatedPorts(
  dataDir: string,
  options: SimulatedPortsOptions = {},
): Promise<SimulatedPorts> {
  const logger = options.logger ?? stderrLogger();
  const printedDir = join(dataDir, 'printed');
  const virtualPrinter = await startVirtualPrinter({
    tcpPort: 0,
    host: '127.0.0.1',
    outDir: printedDir,
  });
  const profile = loadProfile(options.printerProfile ?? 'epson-80mm-tcvn3');
  const receiptPrinter = new EscposReceiptPrinter({
    printer: new ReceiptPrinter(createTransport(`tcp://127.0.0.1:${virtualPrinter.port}`), profile),
    profile,
    template: defaultTemplate(),
    logger,
  });
  const scanner = new ManualScanSource();
  const printerWiring: DemoPrinterWiring = {
    printer: receiptPrinter,
    printerUri: DEMO_PRINTER_URI,
    knownPrinters: [
      {
        uri: DEMO_PRINTER_URI,
        label: 'virtual ESC/POS printer (demo)',
        opensAs: `tcp://127.0.0.1:${virtualPrinter.port}`,
      },
    ],
  };
  let path: CardPath | undefined;
  try {
    if (options.card !== 'in-process') {
      path = await pcscCardPath(dataDir, options, logger, scanner, printerWiring);
    }
  } catch (error) {
    logger.warn('demo.pcsc.unavailable', { reason: error instanceof Error ? error.message : '' });
  }
  const cardPath = path ? 'pcsc' : 'in-process';
  path ??= inProcessCardPath(scanner, printerWiring, logger);
  logger.info('demo.devices', { card: cardPath, printerPort: virtualPrinter.port });

  const chip = path;
  // The demo panel's buttons are fire-and-forget; run them in order and log what fails.
  let queue = Promise.resolve();
  const enqueue = (what: string, task: () => Promise<void>): void => {
    queue = queue.then(task).catch((error: unknown) =>
      logger.warn('demo.control.failed', {
        control: what,
        reason: error instanceof Error ? error.message : String(error),
      }),
    );
  };

  return {
    identity: chip.identity,
    registry: new DemoRegistry(),
    printer: receiptPrinter,
    gateway: new DemoGateway(),
    devices: chip.devices,
    deviceSetup: chip.setup,
    ...(chip.trustDir ? { trustDir: chip.trustDir } : {}),
    cardPath,
    virtualPrinter,
    virtualCard: chip.card,
    receiptPrinter,
    printedDir,
    demo: {
      placeCard: (i) => {
        citizenAt(i);
        enqueue('placeCard', () => chip.place(i));
      },
      removeCard: () => enqueue('removeCard', () => chip.remove()),
      scanQr: (i) => scanner.scan(demoQrText(citizenAt(i))),
      scanText: (text) => scanner.scan(text),
      setPrinterPaper: (paper) => virtualPrinter.setState({ paper }),
    },
    close: async () => {
      await queue;
      await chip.close();
      await receiptPrinter.close();
      await virtualPrinter.close();
    },
  };
}
