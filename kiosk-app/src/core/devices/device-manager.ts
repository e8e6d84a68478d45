import { access } from 'node:fs/promises';
import type { CardService } from '@kiosk/id-card';
import {
  createTransport,
  listProfiles,
  loadProfile,
  parsePrinterUri,
  ReceiptPrinter,
  type PrinterProfile,
} from '@kiosk/printer';
import type { SerialPorts } from '@kiosk/device';
import { HidScanner, nodeHidTransport, SerialScanner } from '@kiosk/scanner';
import type { CardTestView, DeviceAssignment, DeviceView, PrinterStatusView } from '../../protocol';
import type { Logger } from '../log/logger';
import type { DeviceEventSource } from '../ports';
import type { KioskSettings } from '../settings/settings-schema';
import { CardHeardByJourneyError, CardTestGate } from './card-test-gate';
import { testCardRead } from './card-test-read';
import { assignedAddress, hex4 } from './device-assignment';
import {
  collectDevices,
  inventoryRows,
  listLinePrinters,
  listSystemSerialPorts,
  type DeviceSources,
  type KnownPrinter,
} from './device-inventory';
import { DeviceSetupError, type CardTestKeys, type DeviceSetup } from './device-setup';
import type { EscposReceiptPrinter } from './escpos-receipt-printer';
import { PcscDeviceEvents } from './pcsc-device-events';
import { ScanRouter } from './scan-router';
import type { ScanSource } from './scan-source';
import { SerialMrzRole, withMrzReaderStatus } from './serial-mrz-role';

type QrScannerSettings = NonNullable<KioskSettings['qrScanner']>;

/** The longest a card test waits for the card to be placed. */
export const CARD_TEST_WAIT_MS = 20_000;

/** An assigned scanner the manager opens and closes (`HidScanner`, `SerialScanner`). */
export interface ManagedScanner extends ScanSource {
  open(): Promise<void>;
  enable(): Promise<void>;
  close(): Promise<void>;
}

/** The scanner driver for a `qrScanner` setting (HID by VID/PID, or a serial port). */
export function openQrScanner(settings: QrScannerSettings, ports?: SerialPorts): ManagedScanner {
  if (settings.kind === 'serial')
    return new SerialScanner({ path: settings.path, baudRate: settings.baudRate, ports });
  return new HidScanner({
    vendorId: settings.vendorId,
    productId: settings.productId,
    ...(settings.mode === 'auto' ? {} : { mode: settings.mode }),
  });
}

/** A printer known by address; `opensAs` is the transport URI when the address is an alias. */
export interface ManagedPrinter extends KnownPrinter {
  readonly opensAs?: string;
}

export interface DeviceManagerOptions {
  /** The chip driver; without it there is no card reader (no pcscd). */
  readonly cards?: CardService;
  /** The reader watched while no card reader is assigned. */
  readonly defaultReader?: string;
  readonly printer: EscposReceiptPrinter;
  /** The address the printer was opened on at start. */
  readonly printerUri: string;
  /** Printers no bus lists (the demo's virtual printer). */
  readonly knownPrinters?: readonly ManagedPrinter[];
  /** Opens the ESC/POS driver on a transport URI (default `createTransport`). */
  readonly openPrinter?: (uri: string, profile: PrinterProfile) => ReceiptPrinter;
  /** A scan source that is always routed (the demo's on-screen scanner). */
  readonly scanner?: ScanSource;
  /** Opens the scanner a `qrScanner` setting names (default `openQrScanner`). */
  readonly openScanner?: (settings: QrScannerSettings) => ManagedScanner;
  /** The serial ports the assigned MRZ reader and serial scanner open (default node-serialport). */
  readonly serialPorts?: SerialPorts;
  /** The MRZ reader's hot-plug poll period (default the driver's; 0: no timer, tests). */
  readonly mrzPollIntervalMs?: number;
  /** The MRZ a full-page document reader saw with the card, if the kiosk has one. */
  readonly presentedMrz?: (reader: string) => string | undefined;
  readonly cscaDir?: string;
  /** How long a card test waits for a card (default `CARD_TEST_WAIT_MS`). */
  readonly cardTestWaitMs?: number;
  /** Replaces the system's serial, HID and line-printer lists (tests). */
  readonly sources?: Partial<Omit<DeviceSources, 'readers'>>;
  readonly logger: Logger;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The kiosk's devices as one thing the core and the technician screens talk to: the journey's
 * device events (card on the assigned reader, QR texts, MRZs from the serial MRZ reader), the
 * inventory, assignment checks, live reconfiguration when the settings change (the watched reader
 * switches, the printer reopens on its new URI and profile, the scanner and MRZ reader reopen on
 * their new ports, no restart) and the device tests.
 *
 * @example
 * const devices = new DeviceManager({ cards, printer, printerUri, scanner, logger });
 * settings.onChange((s) => void devices.apply(s));
 */
export class DeviceManager implements DeviceEventSource, DeviceSetup {
  private reader: string | undefined;
  private printerUri: string;
  private settings: Partial<KioskSettings> = {};
  private applying: Promise<void> = Promise.resolve();
  private assignedScanner:
    | { readonly key: string; readonly scanner: ManagedScanner; readonly detach: () => void }
    | undefined;
  private readonly router: ScanRouter;
  private readonly mrzRole: SerialMrzRole;
  private readonly events: PcscDeviceEvents | undefined;
  private readonly cardTests: CardTestGate | undefined;
  private readonly sources: DeviceSources;

  constructor(private readonly options: DeviceManagerOptions) {
    this.reader = options.defaultReader;
    this.printerUri = options.printerUri;
    this.router = new ScanRouter(options.scanner);
    this.mrzRole = new SerialMrzRole({
      ports: options.serialPorts,
      pollIntervalMs: options.mrzPollIntervalMs,
      logger: options.logger,
    });
    const { cards } = options;
    this.cardTests = cards ? new CardTestGate(cards) : undefined;
    this.events = this.cardTests
      ? new PcscDeviceEvents({
          // The journey hears the reader through the gate: a technician's test card never.
          cards: this.cardTests.gatedCards(),
          reader: () => this.reader ?? '',
          presentedMrz: options.presentedMrz,
          otherDevices: () => [options.printer.deviceView()],
        })
      : undefined;
    this.sources = {
      readers: () => {
        if (!cards) return undefined;
        try {
          return cards.readers().map((name) => ({ name, cardPresent: cards.cardPresent(name) }));
        } catch {
          return undefined;
        }
      },
      listSerialPorts: options.sources?.listSerialPorts ?? listSystemSerialPorts,
      listHid: options.sources?.listHid ?? (() => nodeHidTransport.list()),
      listLinePrinters: options.sources?.listLinePrinters ?? (() => listLinePrinters()),
    };
  }

  /** The reader the journey watches now. */
  get cardReader(): string | undefined {
    return this.reader;
  }

  onCardPresented(listener: (reader: string, mrz?: string) => void): () => void {
    return this.events?.onCardPresented(listener) ?? (() => undefined);
  }

  onCardRemoved(listener: () => void): () => void {
    return this.events?.onCardRemoved(listener) ?? (() => undefined);
  }

  onStatusChange(listener: () => void): () => void {
    return this.events?.onStatusChange(listener) ?? (() => undefined);
  }

  onQr(listener: (text: string) => void): () => void {
    return this.router.onScan(listener);
  }

  /** Each validated MRZ the assigned serial MRZ reader reads, as its lines joined with `\n`. */
  onMrz(listener: (text: string) => void): () => void {
    return this.mrzRole.onMrz(listener);
  }

  list(): DeviceView[] {
    const rows = this.events?.list() ?? [this.options.printer.deviceView()];
    const mrzReader = this.mrzRole.view();
    return mrzReader ? [...rows, mrzReader] : rows;
  }

  async inventory(): Promise<DeviceView[]> {
    const snapshot = await collectDevices(this.sources);
    const rows = inventoryRows(snapshot, this.settings, {
      reader: this.reader,
      printer: this.options.printer.deviceView(),
      printerUri: this.printerUri,
      knownPrinters: this.options.knownPrinters ?? [],
      profiles: listProfiles(),
    });
    return withMrzReaderStatus(rows, this.mrzRole.view());
  }

  async check(assignment: DeviceAssignment): Promise<void> {
    const unknown = (message: string): never => {
      throw new DeviceSetupError('UNKNOWN_DEVICE', message);
    };
    switch (assignment.role) {
      case 'cardReader': {
        const readers = this.sources.readers();
        if (readers === undefined)
          unknown('the smart-card service (pcscd) is not running: no reader can be assigned');
        const names = (readers ?? []).map((r) => r.name);
        if (!names.includes(assignment.reader))
          unknown(
            `card reader "${assignment.reader}" is not connected; readers: ${names.join(', ') || 'none'}`,
          );
        return;
      }
      case 'receiptPrinter':
        return this.checkPrinter(assignment.uri, assignment.profile);
      case 'mrzReader':
        return this.checkSerial(assignment.settings.path);
      case 'qrScanner': {
        const scanner = assignment.settings;
        if (scanner.kind === 'serial') return this.checkSerial(scanner.path);
        const hid = await this.sources.listHid().catch(() => []);
        if (!hid.some((d) => d.vendorId === scanner.vendorId && d.productId === scanner.productId))
          unknown(
            `no HID device ${hex4(scanner.vendorId)}:${hex4(scanner.productId)} is connected; HID devices: ${
              hid.map((d) => `${hex4(d.vendorId)}:${hex4(d.productId)}`).join(', ') || 'none'
            }`,
          );
        return;
      }
      case 'camera':
        // Only the renderer sees cameras; it offers the ones it found.
        return;
    }
  }

  apply(settings: KioskSettings): Promise<void> {
    this.applying = this.applying
      .then(() => this.applyNow(settings))
      .catch((error: unknown) =>
        this.options.logger.warn('devices.apply.failed', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    return this.applying;
  }

  deviceOf(test: 'card' | 'qr' | 'printer'): string {
    if (test === 'card') return this.reader ?? 'no card reader';
    if (test === 'printer') return this.printerUri;
    const scanner = this.settings.qrScanner;
    return scanner ? assignedAddress({ role: 'qrScanner', settings: scanner }) : 'scanner';
  }

  /**
   * Arms the assigned reader for the test at once (before the first await), so the card placed
   * from now on is the test's and the journey never hears of it; waits for it at most
   * `cardTestWaitMs`. A card the journey already heard is refused (`CardHeardByJourneyError`).
   */
  async testCardRead(keys: CardTestKeys, signal: AbortSignal): Promise<CardTestView> {
    const { cards } = this.options;
    const gate = this.cardTests;
    if (!cards || !gate)
      throw new DeviceSetupError('NOT_AVAILABLE', 'no smart-card service (pcscd) on this kiosk');
    const reader =
      this.reader ?? unavailable('no card reader is assigned: assign one in the list above');
    const test = gate.arm(reader);
    try {
      if (test.cardAtArming === 'journey') throw new CardHeardByJourneyError(reader);
      this.options.logger.info('devices.cardTest.armed', { reader, card: test.cardAtArming });
      const waitMs = this.options.cardTestWaitMs ?? CARD_TEST_WAIT_MS;
      return await testCardRead({
        cards,
        reader,
        keys,
        presentedMrz: () => this.options.presentedMrz?.(reader),
        cscaDir: this.options.cscaDir,
        signal,
        cardPlaced: () =>
          test.cardAtArming === 'test' ? Promise.resolve() : test.nextCard(signal, waitMs),
      });
    } finally {
      test.disarm();
    }
  }

  nextScan(signal: AbortSignal): Promise<string> {
    return this.router.nextScan(signal);
  }

  async printerStatus(): Promise<PrinterStatusView> {
    try {
      const s = await this.options.printer.status();
      return {
        online: s.online,
        paper: s.paper,
        coverOpen: s.coverOpen,
        cutterError: s.cutterError,
        otherError: s.otherError,
      };
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'no status';
      throw new DeviceSetupError('DEVICE_ERROR', `printer ${this.printerUri}: ${code}`);
    }
  }

  close(): void {
    this.events?.close();
    this.cardTests?.close();
    this.router.close();
    void this.mrzRole.close();
    void this.assignedScanner?.scanner.close().catch(() => undefined);
    this.assignedScanner = undefined;
  }

  private async applyNow(settings: KioskSettings): Promise<void> {
    this.settings = settings;
    const reader = settings.cardReader ?? this.options.defaultReader;
    if (reader !== this.reader) {
      this.reader = reader;
      this.options.logger.info('devices.cardReader', { reader: reader ?? 'none' });
    }
    await this.applyScanner(settings.qrScanner);
    await this.mrzRole.apply(settings.mrzReader).catch((error: unknown) =>
      this.options.logger.warn('devices.mrzReader.unavailable', {
        code: error instanceof Error && 'code' in error ? String(error.code) : 'open failed',
      }),
    );
    const uri = settings.printerUri;
    if (uri === undefined) return;
    const profileName = listProfiles().includes(settings.printerProfile)
      ? settings.printerProfile
      : this.options.printer.profileId;
    if (uri === this.printerUri && profileName === this.options.printer.profileId) return;
    const opensAs = this.options.knownPrinters?.find((p) => p.uri === uri)?.opensAs ?? uri;
    const profile = loadProfile(profileName);
    const open =
      this.options.openPrinter ??
      ((u: string, p: PrinterProfile) => new ReceiptPrinter(createTransport(u), p));
    await this.options.printer.reconfigure({ printer: open(opensAs, profile), profile });
    this.printerUri = uri;
    this.options.logger.info('devices.printer', { uri, profile: profileName });
  }

  /** Closes the scanner assigned before and opens the one assigned now (hot-plug from there). */
  private async applyScanner(settings: QrScannerSettings | undefined): Promise<void> {
    const key = settings === undefined ? '' : JSON.stringify(settings);
    if (key === (this.assignedScanner?.key ?? '')) return;
    const previous = this.assignedScanner;
    this.assignedScanner = undefined;
    if (previous) {
      previous.detach();
      await previous.scanner.close().catch(() => undefined);
    }
    if (!settings) return;
    const scanner = this.options.openScanner
      ? this.options.openScanner(settings)
      : openQrScanner(settings, this.options.serialPorts);
    const detach = this.router.attach(scanner);
    const address = assignedAddress({ role: 'qrScanner', settings });
    try {
      await scanner.open();
      await scanner.enable();
      this.assignedScanner = { key, scanner, detach };
      this.options.logger.info('devices.qrScanner', { scanner: address });
    } catch (error) {
      detach();
      await scanner.close().catch(() => undefined);
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'open failed';
      this.options.logger.warn('devices.qrScanner.unavailable', { scanner: address, code });
    }
  }

  private async checkPrinter(uri: string, profile: string): Promise<void> {
    const profiles = listProfiles();
    if (!profiles.includes(profile))
      throw new DeviceSetupError(
        'UNKNOWN_DEVICE',
        `unknown printer profile "${profile}"; profiles: ${profiles.join(', ')}`,
      );
    if (this.options.knownPrinters?.some((p) => p.uri === uri)) return;
    let parsed;
    try {
      parsed = parsePrinterUri(uri);
    } catch (error) {
      throw new DeviceSetupError(
        'UNKNOWN_DEVICE',
        error instanceof Error ? error.message : `printer URI "${uri}" is not valid`,
      );
    }
    if ((parsed.kind === 'serial' || parsed.kind === 'file') && !(await exists(parsed.path)))
      throw new DeviceSetupError('UNKNOWN_DEVICE', `printer port "${parsed.path}" does not exist`);
  }

  private async checkSerial(path: string): Promise<void> {
    const ports = await this.sources.listSerialPorts().catch(() => []);
    // ptys and some built-in UARTs are not listed by udev, so a path that exists is accepted.
    if (ports.some((p) => p.path === path) || (await exists(path))) return;
    throw new DeviceSetupError(
      'UNKNOWN_DEVICE',
      `serial port "${path}" does not exist; ports: ${ports.map((p) => p.path).join(', ') || 'none'}`,
    );
  }
}

function unavailable(message: string): never {
  throw new DeviceSetupError('DEVICE_ERROR', message);
}
