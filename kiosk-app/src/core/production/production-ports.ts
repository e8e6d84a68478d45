import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { trustStoreDir } from '../config/core-environment';
import { DeviceError } from '@kiosk/device';
import { createCardService, type CardService } from '@kiosk/id-card';
import {
  createTransport,
  defaultTemplate,
  listProfiles,
  loadProfile,
  ReceiptPrinter,
  type PrinterProfile,
  type PrinterTransport,
} from '@kiosk/printer';
import type { KioskConfig } from '../config/kiosk-config';
import { EscposReceiptPrinter } from '../devices';
import { ChipIdentityReader } from '../identity';
import { DeviceManager } from '../devices/device-manager';
import type { CorePorts } from '../kiosk-core';
import type { LiveLinkClients } from '../links/link-clients';
import type { Logger } from '../log/logger';
import { JourneyFailure, type IdentityReader } from '../ports';
import { createProductionLinks } from './production-links';
import { UNASSIGNED_PRINTER_URI, UnopenablePrinterTransport } from './unassigned-printer';

export interface ProductionPortsOptions {
  readonly logger: Logger;
  /** Folder of trusted CSCA certificates (PEM or DER); default `<dataDir>/csca`. */
  readonly cscaDir?: string;
  /** Replaces the PC/SC card service (tests with the in-memory card twin). */
  readonly cards?: CardService;
}

/** The ports of a real kiosk, plus what the caller closes after the core has stopped. */
export interface ProductionPorts extends CorePorts {
  readonly deviceSetup: DeviceManager;
  readonly links: LiveLinkClients;
  readonly receiptPrinter: EscposReceiptPrinter;
  /** Where passive authentication looks for trusted CSCA certificates. */
  readonly cscaDir: string;
  close(): Promise<void>;
}

/** The PC/SC service, or none when the native library cannot load (the kiosk starts anyway). */
function openCardService(logger: Logger): CardService | undefined {
  try {
    return createCardService();
  } catch (error) {
    logger.warn('devices.pcsc.unavailable', {
      reason: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

/** Without PC/SC no document can be read; the citizen is told the reader is unavailable. */
const noCardReader: IdentityReader = {
  read: () =>
    Promise.reject(
      new JourneyFailure({
        code: 'CARD_READER_UNAVAILABLE',
        detail: 'the smart-card service (PC/SC) could not be loaded',
      }),
    ),
};

/** The printer transport for the configured address, or one that says why it cannot open. */
function printerTransport(uri: string | undefined, logger: Logger): PrinterTransport {
  if (uri === undefined) {
    logger.warn('devices.printer.unassigned');
    return UnopenablePrinterTransport.unassigned();
  }
  try {
    return createTransport(uri);
  } catch (error) {
    const reason =
      error instanceof DeviceError
        ? error
        : new DeviceError(
            'PRINTER_URI_INVALID',
            error instanceof Error ? error.message : `printer URI "${uri}" is not valid`,
          );
    logger.warn('devices.printer.unavailable', { uri, code: reason.code });
    return new UnopenablePrinterTransport(uri, reason);
  }
}

/** The profile the demo drives its printer with: an 80 mm printer with Vietnamese text. */
const FALLBACK_PROFILE = 'epson-80mm-tcvn3';

/**
 * The configured printer profile, or the fallback with a warning: a misspelt profile must not
 * keep the kiosk from starting (a technician picks the right one on the Devices tab).
 */
function printerProfile(name: string, logger: Logger): PrinterProfile {
  const known = listProfiles();
  if (known.includes(name)) return loadProfile(name);
  const fallback = known.includes(FALLBACK_PROFILE) ? FALLBACK_PROFILE : (known[0] ?? name);
  logger.warn('devices.printer.profileUnknown', { profile: name, using: fallback });
  return loadProfile(fallback);
}

/**
 * The CSCA folder; a warning while it trusts no certificate. The core creates only a folder of
 * its own (under the data folder): a configured trust store lives in the root-owned
 * configuration root, which the kiosk user cannot write, and is made by `kiosk trust import`.
 * Until then it is missing, which passive authentication reads as an empty store.
 */
function prepareCscaDir(dir: string, create: boolean, logger: Logger): void {
  if (create) mkdirSync(dir, { recursive: true });
  if (!existsSync(dir) || readdirSync(dir).length === 0)
    logger.warn('devices.csca.empty', {
      dir,
      effect: 'passive authentication answers unknown-issuer until CSCA certificates are added',
    });
}

/**
 * The core's ports on a real kiosk, from its configuration: the chip reader over PC/SC
 * (`@kiosk/id-card`), the `DeviceManager` following the device-role settings live (card reader,
 * ESC/POS printer by URI and profile, QR scanner), and the registry and portal HTTP clients.
 * Nothing here stops the start for a missing device or endpoint: each says what is missing in
 * the log (and so in the health report), and the citizen sees the matching error.
 *
 * @example
 * const ports = createProductionPorts(config, { logger });
 * const core = await startKioskCore({ config, ports, logger });
 * // ...
 * await core.stop();
 * await ports.close();
 */
export function createProductionPorts(
  config: KioskConfig,
  options: ProductionPortsOptions,
): ProductionPorts {
  const { logger } = options;
  const cscaDir = options.cscaDir ?? config.trustDir ?? trustStoreDir({}, config.dataDir);
  prepareCscaDir(cscaDir, cscaDir !== config.trustDir, logger);
  const cards = options.cards ?? openCardService(logger);
  const profile = printerProfile(config.printerProfile, logger);
  const receiptPrinter = new EscposReceiptPrinter({
    printer: new ReceiptPrinter(printerTransport(config.printerUri, logger), profile),
    profile,
    template: defaultTemplate(),
    logger,
  });
  if (config.cardReader === undefined) logger.warn('devices.cardReader.unassigned');
  const devices = new DeviceManager({
    cards,
    defaultReader: config.cardReader,
    printer: receiptPrinter,
    printerUri: config.printerUri ?? UNASSIGNED_PRINTER_URI,
    cscaDir,
    logger,
  });
  const links = createProductionLinks({ registry: config.registry, portal: config.portal }, logger);
  logger.info('production.ports', {
    pcsc: cards !== undefined,
    cardReader: config.cardReader ?? 'none',
    printer: config.printerUri ?? 'none',
    registry: config.registry !== undefined,
    portal: config.portal !== undefined,
  });
  return {
    identity: cards ? new ChipIdentityReader({ cards, logger, cscaDir }) : noCardReader,
    registry: links.registry,
    gateway: links.gateway,
    ratings: links.ratings,
    receiptPdfPortal: links.receiptPdfs,
    printer: receiptPrinter,
    devices,
    deviceSetup: devices,
    links,
    receiptPrinter,
    cscaDir,
    trustDir: cscaDir,
    close: async () => {
      devices.close();
      await receiptPrinter.close().catch(() => undefined);
      await links.close();
      // Ends the PC/SC host process we started (pcsclite never runs in the core, so this cannot
      // block); a card service the caller gave stays the caller's.
      if (!options.cards) await cards?.close();
    },
  };
}
