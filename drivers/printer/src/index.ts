// Receipt content
export { ReceiptSlipSchema, parseReceiptSlip, type ReceiptSlip } from './receipt/receipt-slip';
export {
  ReceiptTemplateSchema,
  ReceiptLabelsSchema,
  DEFAULT_LABELS,
  defaultTemplate,
  type ReceiptTemplate,
  type ReceiptLabels,
} from './receipt/receipt-template';
export { STANDARD_SLIP, STANDARD_TEMPLATE } from './receipt/standard-slip';
export {
  slipToElements,
  type SlipElement,
  type TextStyle,
  type Align,
} from './receipt/slip-layout';
export { formatSlipTime, type FormatTime } from './receipt/slip-time';

// Printer profiles
export {
  PrinterProfileSchema,
  type PrinterProfile,
  type ExtraStatus,
  type ExtraStatusCondition,
} from './profile/printer-profile';
export { loadProfile, listProfiles, parseProfile, PROFILES_DIR } from './profile/load-profile';

// Encoding and rendering
export {
  TCVN3_PAGE,
  TCVN3_CAPITALS_PAGE,
  TCVN3_TABLES,
  encodeTcvn3,
  decodeTcvn3,
  isTcvn3Page,
  type Tcvn3Page,
} from './encoding/tcvn3';
export { WINDOWS1258_PAGE, encodeWindows1258, decodeWindows1258 } from './encoding/windows1258';
export { allVietnameseLetters, allTonedVowels } from './encoding/vietnamese-letters';
export {
  renderReceipt,
  renderQueueTicket,
  planReceipt,
  type RenderedReceipt,
} from './render/render-receipt';
export {
  QueueTicketSlipSchema,
  queueTicketToElements,
  type QueueTicketSlip,
} from './receipt/queue-ticket';
export type { PrintPlan, PrintOp } from './render/print-plan';
export type { Bitmap } from './render/bitmap';

// Status
export { isPrintable, type PrinterStatus } from './status/printer-status';
export {
  decodeAsb,
  decodeRealtime,
  encodeAsb,
  encodeRealtime,
  isAsbFirst,
  isRealtimeReply,
  realtimeRequest,
  type RealtimeKind,
} from './status/status-bytes';
export { StatusReader, type StatusEvent } from './status/status-reader';
export {
  encodeProcessIdResponse,
  processIdOf,
  processIdRequest,
  PROCESS_ID_RESPONSE_LENGTH,
} from './status/process-id';

// Transports and the device
export type { PrinterTransport } from './transport/printer-transport';
export { parsePrinterUri, type PrinterUri, type FlowControl } from './transport/printer-uri';
export { createTransport } from './transport/open-transport';
export { TcpTransport } from './transport/tcp-transport';
export { SerialTransport } from './transport/serial-transport';
export { DeviceFileTransport } from './transport/device-file-transport';
export { MemoryTransport } from './transport/memory-transport';
export {
  ReceiptPrinter,
  type ReceiptPrinterOptions,
  type PrintResult,
  type PrintConfirmation,
} from './device/receipt-printer';
export { errorForStatus, type PrinterErrorCode } from './device/printer-errors';
