export { ScannerError, type ScannerErrorCode } from './scanner-error';
export type { Scan } from './scan';
export {
  KeyboardWedgeDecoder,
  encodeWedgeReports,
  type KeyboardWedgeOptions,
  type WedgeEvent,
} from './hid/keyboard-wedge-decoder';
export {
  HidPosDecoder,
  encodeHidPosReports,
  HID_POS_SCANNED_DATA_64,
  HID_POS_USAGE_PAGE,
  type HidPosReportLayout,
  type HidPosEvent,
} from './hid/hid-pos-decoder';
export type { HidDeviceInfo, HidLink, HidTransport } from './hid/hid-transport';
export { nodeHidTransport } from './hid/node-hid-transport';
export { MemoryHidTransport } from './hid/memory-hid-transport';
export { HidScanner, type HidScannerMode, type HidScannerOptions } from './hid/hid-scanner';
export {
  SerialScanner,
  SerialScanDecoder,
  type SerialScannerOptions,
} from './serial/serial-scanner';
