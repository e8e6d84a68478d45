import { DeviceError } from '@kiosk/device';

export type ScannerErrorCode =
  /** node-hid is not installed or its native module did not load on this machine. */
  | 'SCANNER_HID_UNAVAILABLE'
  /** No HID device matches the configured VID/PID. */
  | 'SCANNER_NOT_FOUND'
  /** The device is present but cannot be opened (permissions: see the udev rules). */
  | 'SCANNER_OPEN_FAILED'
  /** A report or a scan that cannot be decoded (wrong length, broken UTF-8, too long). */
  | 'SCANNER_BAD_REPORT'
  | 'SCANNER_OFFLINE';

export class ScannerError extends DeviceError<ScannerErrorCode> {}
