/**
 * The ESC/POS commands the driver writes itself, one named function per command as
 * ReceiptPrinterEncoder's `esc-pos` language names them (Epson ESC/POS Command Reference).
 * QR codes (`GS ( k`) and the encoder's own cut come from @point-of-sale/receipt-printer-encoder.
 */

/** Control codes that open a command. */
export const LF = 0x0a;
export const DLE = 0x10;
export const EOT = 0x04;
export const ESC = 0x1b;
export const GS = 0x1d;

/** `ESC a n` values. */
export const JUSTIFY = { left: 0, center: 1 } as const;
export type Justification = keyof typeof JUSTIFY;

/** `ESC @`: clears the print buffer and resets the modes to their power-on values. */
export function initialize(): number[] {
  return [ESC, 0x40];
}

/** `ESC 3 n`: line spacing of n dots. */
export function lineSpacing(dots: number): number[] {
  return [ESC, 0x33, dots];
}

/** `ESC a n`: justification; also applies to a raster image (`GS v 0`) that follows. */
export function justify(value: number): number[] {
  return [ESC, 0x61, value];
}

/** `ESC E n`: emphasized (bold) on or off. */
export function emphasize(on: boolean): number[] {
  return [ESC, 0x45, on ? 1 : 0];
}

/** `GS ! n`: character size; bits 0–3 height − 1, bits 4–7 width − 1. */
export function characterSize(n: number): number[] {
  return [GS, 0x21, n];
}

/** `ESC t n`: the character code table (code page) for bytes 0x80–0xFF. */
export function codeTable(page: number): number[] {
  return [ESC, 0x74, page];
}

/** `ESC J n`: print and feed n dots (at most 255 per command). */
export function feedDots(dots: number): number[] {
  return [ESC, 0x4a, dots];
}

/** `GS V m`: cut the paper, m = 0 full cut, 1 partial cut. */
export function cut(kind: 'full' | 'partial'): number[] {
  return [GS, 0x56, kind === 'full' ? 0 : 1];
}

/** `GS h n`: barcode bar height in dots. */
export function barcodeHeight(dots: number): number[] {
  return [GS, 0x68, dots];
}

/** `GS w n`: barcode module width in dots. */
export function barcodeModuleWidth(dots: number): number[] {
  return [GS, 0x77, dots];
}

/** `GS H n`: where the human-readable text of a barcode goes; 0 = not printed. */
export function barcodeTextPosition(n: number): number[] {
  return [GS, 0x48, n];
}

/** CODE128 system number of `GS k m n d1…dn` (function B). */
export const CODE128 = 73;
/** `{B`: the data starts in code set B (printable ASCII, which dossier codes are). */
const CODE_SET_B = [0x7b, 0x42];

/** `GS k 73 n {B d1…dn`: print `payload` (ASCII) as a CODE128 barcode. */
export function code128(payload: string): number[] {
  const data = [...CODE_SET_B, ...Buffer.from(payload, 'latin1')];
  return [GS, 0x6b, CODE128, data.length, ...data];
}

/** `GS v 0 m xL xH yL yH`: raster bit image header, normal density (m = 0). */
export function rasterImageHeader(bytesPerRow: number, rows: number): number[] {
  return [GS, 0x76, 0x30, 0x00, bytesPerRow & 0xff, bytesPerRow >> 8, rows & 0xff, rows >> 8];
}

/** `DLE EOT n`: transmit real-time status n (1 printer, 2 offline cause, 3 error, 4 paper). */
export function realtimeStatus(n: number): number[] {
  return [DLE, EOT, n];
}

/** `GS a n`: automatic status back (ASB) for the events in the bits of n. */
export function automaticStatusBack(bits: number): number[] {
  return [GS, 0x61, bits];
}

/** `GS ( H pL pH fn m d1...d4`, fn = 48, m = 48: set the process ID response (4 id bytes). */
export function setProcessIdResponse(idBytes: readonly number[]): number[] {
  return [GS, 0x28, 0x48, 6, 0, 48, 48, ...idBytes];
}
