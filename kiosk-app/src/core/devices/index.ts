/** The kiosk core's ports over the real drivers: chip reader, PC/SC events, ESC/POS printer. */
export { ChipIdentityReader, type ChipIdentityReaderOptions } from './chip-identity-reader';
export { PcscDeviceEvents, type PcscDeviceEventsOptions } from './pcsc-device-events';
export { EscposReceiptPrinter, type EscposReceiptPrinterOptions } from './escpos-receipt-printer';
export { ManualScanSource, type ScanSource } from './scan-source';
export { receiptToSlip, printJobId, RECEIPT_STATUS_TEXT } from './receipt-slip';
export { cardDocumentToRecord, cccdQrToRecord, mrzDocumentToRecord } from './identity-records';
export { splitAddressText, formatAddressText } from './address-text';
export { journeyFailureOf } from './card-failures';
export { chipReadProgress } from './chip-read-progress';
