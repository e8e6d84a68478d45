export {
  startVirtualPrinter,
  type VirtualPrinter,
  type VirtualPrinterOptions,
  type VirtualPrinterState,
  type PrintedReceipt,
} from './virtual-printer';
export { EscPosDecoder, type DecoderAction } from './escpos-decoder';
export type { DecodedReceipt, DecodedTextLine, DecodedImage, DecodedQr } from './decoded-receipt';
export { receiptToPng } from './receipt-png';
export { createPtyPair, type PtyPair } from './pty-pair';
