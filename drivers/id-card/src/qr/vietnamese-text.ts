/**
 * Vietnamese text from scanners arrives in either Unicode form: precomposed (NFC, what cards
 * print) or decomposed (NFD, what some keyboard-wedge scanners and macOS produce). Everything the
 * kiosk keeps is NFC, with runs of spaces collapsed, so equal names compare equal.
 */
export function normaliseVietnamese(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** C0/C1 control characters other than the ones scanners append (CR, LF, TAB are trimmed). */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
