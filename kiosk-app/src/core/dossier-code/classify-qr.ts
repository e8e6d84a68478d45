import { parseCccdQr, QrError, type CccdQrData, type ParseCccdQrOptions } from '@kiosk/id-card/qr';
import { isReceiptQrShape, parseReceiptQr, type ReceiptQrData } from './receipt-qr';

/**
 * What a scanned QR is, for the flow: a citizen ID card (start identification), one of our
 * receipts (open the status lookup), or something else (say so, stay on the screen).
 */
export type ClassifiedQr =
  | { readonly kind: 'cccd'; readonly cccd: CccdQrData }
  | { readonly kind: 'receipt'; readonly receipt: ReceiptQrData }
  | { readonly kind: 'unknown'; readonly error: QrError };

export function classifyQr(text: string, options: ParseCccdQrOptions = {}): ClassifiedQr {
  try {
    if (isReceiptQrShape(text)) return { kind: 'receipt', receipt: parseReceiptQr(text) };
    if (text.includes('|')) return { kind: 'cccd', cccd: parseCccdQr(text, options) };
    return { kind: 'unknown', error: new QrError('QR_FORMAT', 'neither a CCCD nor a receipt QR') };
  } catch (error) {
    if (error instanceof QrError) return { kind: 'unknown', error };
    throw error;
  }
}
