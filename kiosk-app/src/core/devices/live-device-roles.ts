import type { SerialPorts } from '@kiosk/device';
import {
  createTransport,
  listProfiles,
  loadProfile,
  ReceiptPrinter,
  type PrinterProfile,
} from '@kiosk/printer';
import { HidScanner, SerialScanner } from '@kiosk/scanner';
import type { DeviceView } from '@kiosk/protocol';
import type { Logger } from '../log/logger';
import type { KioskSettings } from '../settings/settings-schema';
import { assignedAddress } from './device-assignment';
import type { KnownPrinter } from './device-inventory';
import type { EscposReceiptPrinter } from './escpos-receipt-printer';
import { ScanRouter } from './scan-router';
import type { ScanSource } from './scan-source';
import { SerialMrzRole } from './serial-mrz-role';

export type QrScannerSettings = NonNullable<KioskSettings['qrScanner']>;

/** An assigned scanner the roles open and close (`HidScanner`, `SerialScanner`). */
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

export interface LiveDeviceRolesOptions {
  /** The reader watched while no card reader is assigned. */
  readonly defaultReader?: string;
  readonly printer: EscposReceiptPrinter;
  /** The address the printer was opened on at start. */
  readonly printerUri: string;
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
  readonly logger: Logger;
}

/**
 * The device roles as the saved settings assign them, switched live: the card reader the journey
 * watches, the scanner and the MRZ reader reopened on their new ports, the printer reopened on its
 * new URI and profile, without a restart. Changes are applied one at a time, in order.
 *
 * @example
 * const roles = new LiveDeviceRoles({ printer, printerUri, logger });
 * settings.onChange((s) => void roles.apply(s));
 */
export class LiveDeviceRoles {
  private reader: string | undefined;
  private currentPrinterUri: string;
  private settings: Partial<KioskSettings> = {};
  private applying: Promise<void> = Promise.resolve();
  private assignedScanner:
    | { readonly key: string; readonly scanner: ManagedScanner; readonly detach: () => void }
    | undefined;
  private readonly router: ScanRouter;
  private readonly mrzRole: SerialMrzRole;

  constructor(private readonly options: LiveDeviceRolesOptions) {
    this.reader = options.defaultReader;
    this.currentPrinterUri = options.printerUri;
    this.router = new ScanRouter(options.scanner);
    this.mrzRole = new SerialMrzRole({
      ports: options.serialPorts,
      pollIntervalMs: options.mrzPollIntervalMs,
      logger: options.logger,
    });
  }

  /** The reader the journey watches now. */
  get cardReader(): string | undefined {
    return this.reader;
  }

  /** The address the printer is open on now. */
  get printerUri(): string {
    return this.currentPrinterUri;
  }

  /** The settings last applied (empty before the first `apply`). */
  get applied(): Partial<KioskSettings> {
    return this.settings;
  }

  onQr(listener: (text: string) => void): () => void {
    return this.router.onScan(listener);
  }

  /** Each validated MRZ the assigned serial MRZ reader reads, as its lines joined with `\n`. */
  onMrz(listener: (text: string) => void): () => void {
    return this.mrzRole.onMrz(listener);
  }

  /** The next scan's text, kept from the journey (a technician's scan test). */
  nextScan(signal: AbortSignal): Promise<string> {
    return this.router.nextScan(signal);
  }

  /** The assigned MRZ reader's row, or undefined when none is assigned. */
  mrzReaderView(): DeviceView | undefined {
    return this.mrzRole.view();
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

  close(): void {
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
    await this.applyPrinter(settings);
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

  /** Reopens the printer when its URI or profile changed. */
  private async applyPrinter(settings: KioskSettings): Promise<void> {
    const uri = settings.printerUri;
    if (uri === undefined) return;
    const { printer } = this.options;
    const profileName = listProfiles().includes(settings.printerProfile)
      ? settings.printerProfile
      : printer.profileId;
    if (uri === this.currentPrinterUri && profileName === printer.profileId) return;
    const opensAs = this.options.knownPrinters?.find((p) => p.uri === uri)?.opensAs ?? uri;
    const profile = loadProfile(profileName);
    const open =
      this.options.openPrinter ??
      ((u: string, p: PrinterProfile) =>
        new ReceiptPrinter(createTransport(u, this.options.serialPorts), p));
    await printer.reconfigure({ printer: open(opensAs, profile), profile });
    this.currentPrinterUri = uri;
    this.options.logger.info('devices.printer', { uri, profile: profileName });
  }
}
