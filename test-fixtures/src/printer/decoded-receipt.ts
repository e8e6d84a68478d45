/** What the virtual printer understood of one receipt (written as JSON beside its PNG). */
export interface DecodedTextLine {
  readonly text: string;
  readonly bold: boolean;
  readonly doubleHeight: boolean;
  readonly doubleWidth: boolean;
  readonly align: 'left' | 'center' | 'right';
  /** Code pages (ESC t) used on this line, in order of first use. */
  readonly codePages: readonly number[];
  /** Top of the line on the paper, in dots. */
  readonly y: number;
}

export interface DecodedImage {
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly align: 'left' | 'center' | 'right';
  /** One byte per dot, 1 = ink. */
  readonly ink: Uint8Array;
}

export interface DecodedQr {
  readonly y: number;
  readonly payload: string;
  readonly moduleDots: number;
  readonly errorLevel: string;
}

export interface DecodedReceipt {
  readonly lines: DecodedTextLine[];
  readonly images: DecodedImage[];
  readonly qrCodes: DecodedQr[];
  readonly barcodes: { readonly y: number; readonly payload: string; readonly symbology: number }[];
  /** Number of GS V cuts (1 for a complete receipt). */
  cuts: number;
  /** Paper length used, in dots. */
  height: number;
  /** Bytes of ESC/POS that made this receipt. */
  bytes: number;
  /** Data arrived while the printer could not print (paper out, cover open): not all of it is on paper. */
  incomplete: boolean;
  /** Commands the decoder skipped because it does not know them, as hex of their first bytes. */
  readonly unknown: string[];
}

export function emptyReceipt(): DecodedReceipt {
  return {
    lines: [],
    images: [],
    qrCodes: [],
    barcodes: [],
    cuts: 0,
    height: 0,
    bytes: 0,
    incomplete: false,
    unknown: [],
  };
}
