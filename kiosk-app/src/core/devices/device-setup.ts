import type {
  CardTestView,
  DeviceAssignment,
  DeviceView,
  PrinterStatusView,
} from '@kiosk/protocol';
import type { KioskSettings } from '../settings/settings-schema';

/** Why a technician's device action could not be done; the message is for the technician. */
export type DeviceSetupErrorCode = 'UNKNOWN_DEVICE' | 'DEVICE_ERROR' | 'NOT_AVAILABLE';

export class DeviceSetupError extends Error {
  override readonly name = 'DeviceSetupError';

  constructor(
    readonly code: DeviceSetupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Keys a technician gives for a test read; without them the presented MRZ is used. */
export interface CardTestKeys {
  readonly can?: string;
  readonly mrz?: string;
}

/**
 * What the technician's device screens need from the device wiring: the inventory, checking an
 * assignment against it, applying the saved roles without a restart, and the device tests.
 * `DeviceManager` implements it over the real drivers.
 */
export interface DeviceSetup {
  /** Every device the kiosk can see, what each may be used for and what it is assigned to. */
  inventory(): Promise<DeviceView[]>;
  /** Throws `DeviceSetupError('UNKNOWN_DEVICE')` when the assignment names a missing device. */
  check(assignment: DeviceAssignment): Promise<void>;
  /** Makes the settings' device roles take effect (the reader watched, the printer reopened). */
  apply(settings: KioskSettings): Promise<void>;
  /** The device each test uses, for the audit log (no personal data). */
  deviceOf(test: 'card' | 'qr' | 'printer'): string;
  /**
   * Arms the assigned reader for a test (the journey does not hear of the card), waits for the
   * card (or takes the one left by an earlier test), reads it; never logs what it read.
   */
  testCardRead(keys: CardTestKeys, signal: AbortSignal): Promise<CardTestView>;
  /** The next scan's text, kept from the journey; rejects with the signal's reason on abort. */
  nextScan(signal: AbortSignal): Promise<string>;
  printerStatus(): Promise<PrinterStatusView>;
}
