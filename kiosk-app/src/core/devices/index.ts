/** The kiosk core's ports over the real drivers: PC/SC events, ESC/POS printer (the chip reader is in ../identity). */
export { PcscDeviceEvents, type PcscDeviceEventsOptions } from './pcsc-device-events';
export { EscposReceiptPrinter, type EscposReceiptPrinterOptions } from './escpos-receipt-printer';
export { ManualScanSource, type ScanSource } from './scan-source';
export { receiptToSlip, printJobId, RECEIPT_STATUS_TEXT } from './receipt-slip';
export { journeyFailureOf } from './card-failures';
export { chipReadProgress } from './chip-read-progress';
