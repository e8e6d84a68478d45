import type { CardService } from '@kiosk/id-card';
import { listProfiles } from '@kiosk/printer';
import { nodeHidTransport } from '@kiosk/scanner';
import type {
  CardTestView,
  DeviceAssignment,
  DeviceView,
  PrinterStatusView,
} from '@kiosk/protocol';
import type { DeviceEventSource } from '../ports';
import type { KioskSettings } from '../settings/settings-schema';
import { checkAssignment } from './assignment-check';
import { CardTestGate } from './card-test-gate';
import { assignedAddress } from './device-assignment';
import {
  collectDevices,
  inventoryRows,
  listLinePrinters,
  listSystemSerialPorts,
  type DeviceSources,
} from './device-inventory';
import type { CardTestKeys, DeviceSetup } from './device-setup';
import { DeviceTests } from './device-tests';
import { LiveDeviceRoles, type LiveDeviceRolesOptions } from './live-device-roles';
import { PcscDeviceEvents } from './pcsc-device-events';
import { withMrzReaderStatus } from './serial-mrz-role';

export type { ManagedPrinter } from './live-device-roles';

export interface DeviceManagerOptions extends LiveDeviceRolesOptions {
  /** The chip driver; without it there is no card reader (no pcscd). */
  readonly cards?: CardService;
  /** The MRZ a full-page document reader saw with the card, if the kiosk has one. */
  readonly presentedMrz?: (reader: string) => string | undefined;
  readonly cscaDir?: string;
  /** How long a card test waits for a card (default `CARD_TEST_WAIT_MS`). */
  readonly cardTestWaitMs?: number;
  /** Replaces the system's serial, HID and line-printer lists (tests). */
  readonly sources?: Partial<Omit<DeviceSources, 'readers'>>;
}

/**
 * The kiosk's devices as one thing the core and the technician screens talk to. It wires three
 * parts: `LiveDeviceRoles` (the roles the settings assign, switched without a restart: watched
 * reader, scanner, MRZ reader, printer), `checkAssignment` (does the device an assignment names
 * exist) and `DeviceTests` (card read and printer status for the technician); plus the journey's
 * PC/SC events and the inventory.
 *
 * @example
 * const devices = new DeviceManager({ cards, printer, printerUri, scanner, logger });
 * settings.onChange((s) => void devices.apply(s));
 */
export class DeviceManager implements DeviceEventSource, DeviceSetup {
  private readonly roles: LiveDeviceRoles;
  private readonly tests: DeviceTests;
  private readonly events: PcscDeviceEvents | undefined;
  private readonly cardTests: CardTestGate | undefined;
  private readonly sources: DeviceSources;

  constructor(private readonly options: DeviceManagerOptions) {
    this.roles = new LiveDeviceRoles(options);
    const { cards } = options;
    this.cardTests = cards ? new CardTestGate(cards) : undefined;
    this.tests = new DeviceTests({
      ...options,
      cards: cards && this.cardTests ? { service: cards, gate: this.cardTests } : undefined,
      reader: () => this.roles.cardReader,
      printerUri: () => this.roles.printerUri,
    });
    this.events = this.cardTests
      ? new PcscDeviceEvents({
          // The journey hears the reader through the gate: a technician's test card never.
          cards: this.cardTests.gatedCards(),
          reader: () => this.roles.cardReader ?? '',
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
    return this.roles.cardReader;
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
    return this.roles.onQr(listener);
  }

  /** Each validated MRZ the assigned serial MRZ reader reads, as its lines joined with `\n`. */
  onMrz(listener: (text: string) => void): () => void {
    return this.roles.onMrz(listener);
  }

  list(): DeviceView[] {
    const rows = this.events?.list() ?? [this.options.printer.deviceView()];
    const mrzReader = this.roles.mrzReaderView();
    return mrzReader ? [...rows, mrzReader] : rows;
  }

  async inventory(): Promise<DeviceView[]> {
    const snapshot = await collectDevices(this.sources);
    const rows = inventoryRows(snapshot, this.roles.applied, {
      reader: this.roles.cardReader,
      printer: this.options.printer.deviceView(),
      printerUri: this.roles.printerUri,
      knownPrinters: this.options.knownPrinters ?? [],
      profiles: listProfiles(),
    });
    return withMrzReaderStatus(rows, this.roles.mrzReaderView());
  }

  check(assignment: DeviceAssignment): Promise<void> {
    return checkAssignment(assignment, {
      sources: this.sources,
      knownPrinterUris: () => (this.options.knownPrinters ?? []).map((p) => p.uri),
    });
  }

  apply(settings: KioskSettings): Promise<void> {
    return this.roles.apply(settings);
  }

  deviceOf(test: 'card' | 'qr' | 'printer'): string {
    if (test === 'card') return this.roles.cardReader ?? 'no card reader';
    if (test === 'printer') return this.roles.printerUri;
    const scanner = this.roles.applied.qrScanner;
    return scanner ? assignedAddress({ role: 'qrScanner', settings: scanner }) : 'scanner';
  }

  testCardRead(keys: CardTestKeys, signal: AbortSignal): Promise<CardTestView> {
    return this.tests.testCardRead(keys, signal);
  }

  nextScan(signal: AbortSignal): Promise<string> {
    return this.roles.nextScan(signal);
  }

  printerStatus(): Promise<PrinterStatusView> {
    return this.tests.printerStatus();
  }

  close(): void {
    this.events?.close();
    this.cardTests?.close();
    this.roles.close();
  }
}
