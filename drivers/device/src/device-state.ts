/**
 * The common device lifecycle, after UnifiedPOS: a device is opened, claimed for exclusive use,
 * enabled to deliver events, and released/closed in reverse order.
 */
export type DeviceState = 'closed' | 'idle' | 'busy' | 'error';

/** Status events every driver reports through the same channel. */
export type DeviceStatus =
  | 'online'
  | 'offline'
  | 'paper-ok'
  | 'paper-low'
  | 'paper-out'
  | 'cover-open'
  | 'cover-closed'
  | 'card-present'
  | 'card-absent';

/** The roles a device can play at the kiosk; technicians assign one device per role. */
export type DeviceRole = 'cardReader' | 'mrzReader' | 'qrScanner' | 'camera' | 'receiptPrinter';

export interface DeviceStatusEvent {
  /** Stable identifier, e.g. `pcsc:Virtual PCD 00 00`, `tcp://127.0.0.1:9100`. */
  readonly deviceId: string;
  readonly status: DeviceStatus;
  /** Milliseconds since the epoch. */
  readonly at: number;
  /** Plain-English detail for technicians; never personal data. */
  readonly detail?: string;
}
