/** One barcode or QR read by a scanner, whatever the transport. */
export interface Scan {
  /** The decoded text (UTF-8 for HID POS and serial, the typed characters for wedge mode). */
  readonly text: string;
  /** AIM symbology identifier when the scanner reports one, e.g. `]Q1` for QR Code. */
  readonly symbology?: string;
  readonly source: 'keyboard-wedge' | 'hid-pos' | 'serial';
}
