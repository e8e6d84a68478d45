import { ScannerError } from '../scanner-error';
import {
  KEY_ENTER,
  KEY_ERROR_ROLLOVER,
  KEY_KEYPAD_ENTER,
  keypadDigit,
  MOD_CTRL,
  MOD_LEFT_ALT,
  MOD_LEFT_SHIFT,
  MOD_RIGHT_ALT,
  MOD_RIGHT_SHIFT,
  usageForChar,
  US_KEYBOARD,
} from './usb-hid-keyboard';

export interface KeyboardWedgeOptions {
  /** Some scanners prefix the 8-byte boot report with a report ID byte. */
  readonly reportId?: number;
  /** Longest scan accepted; a stuck key must not grow memory forever. */
  readonly maxLength?: number;
}

export type WedgeEvent =
  | { readonly kind: 'scan'; readonly text: string }
  | { readonly kind: 'error'; readonly error: ScannerError };

/**
 * Decodes the boot keyboard reports a keyboard-wedge scanner sends (HID 1.11 Appendix B.1:
 * modifier byte, reserved byte, six key slots). A key counts when it appears in a report without
 * having been down in the previous one, so repeated reports and n-key rollover type each key once.
 * Enter ends a scan. Alt + keypad digits enter a character by its code (the "Unicode" or
 * "ALT mode" of many scanners), which is how Vietnamese letters survive the US layout.
 */
export class KeyboardWedgeDecoder {
  private down = new Set<number>();
  private text = '';
  private altCode = '';
  private altHeld = false;

  constructor(private readonly options: KeyboardWedgeOptions = {}) {}

  push(report: Uint8Array): WedgeEvent[] {
    const offset = this.options.reportId === undefined ? 0 : 1;
    if (offset === 1 && report[0] !== this.options.reportId) return [];
    if (report.length < offset + 8) {
      return [
        {
          kind: 'error',
          error: new ScannerError(
            'SCANNER_BAD_REPORT',
            `keyboard report of ${report.length} bytes`,
          ),
        },
      ];
    }
    const modifiers = report[offset] ?? 0;
    const keys = [...report.subarray(offset + 2, offset + 8)].filter((k) => k !== 0);
    if (keys.length > 0 && keys.every((k) => k === KEY_ERROR_ROLLOVER)) return []; // phantom state: keep previous keys
    const events: WedgeEvent[] = [];
    const alt = (modifiers & (MOD_LEFT_ALT | MOD_RIGHT_ALT)) !== 0;
    if (this.altHeld && !alt) this.finishAltCode();
    this.altHeld = alt;
    const shift = (modifiers & (MOD_LEFT_SHIFT | MOD_RIGHT_SHIFT)) !== 0;
    for (const key of keys) {
      if (this.down.has(key)) continue;
      if (key === KEY_ENTER || key === KEY_KEYPAD_ENTER) {
        if (this.text.length > 0) events.push({ kind: 'scan', text: this.text });
        this.text = '';
        continue;
      }
      if (alt) {
        const digit = keypadDigit(key);
        if (digit !== undefined) this.altCode += digit;
        continue;
      }
      if ((modifiers & MOD_CTRL) !== 0) continue; // Ctrl combinations are not text
      const chars = US_KEYBOARD.get(key);
      if (chars) this.text += shift ? chars[1] : chars[0];
    }
    this.down = new Set(keys);
    if (this.text.length > (this.options.maxLength ?? 4096)) {
      this.text = '';
      events.push({
        kind: 'error',
        error: new ScannerError('SCANNER_BAD_REPORT', 'scan longer than the limit without Enter'),
      });
    }
    return events;
  }

  private finishAltCode(): void {
    const code = Number(this.altCode);
    if (this.altCode.length > 0 && code > 0 && code <= 0x10ffff)
      this.text += String.fromCodePoint(code);
    this.altCode = '';
  }
}

/** Encodes text as the reports a wedge scanner at full speed sends (tests and fixtures). */
export function encodeWedgeReports(
  text: string,
  options: { altForNonAscii?: boolean } = {},
): Uint8Array[] {
  const reports: Uint8Array[] = [];
  const release = (): void => void reports.push(new Uint8Array(8));
  const press = (modifier: number, usage: number): void => {
    reports.push(Uint8Array.from([modifier, 0, usage, 0, 0, 0, 0, 0]));
    release();
  };
  for (const char of text) {
    const key = usageForChar(char);
    if (key) {
      press(key[1] ? MOD_LEFT_SHIFT : 0, key[0]);
    } else if (options.altForNonAscii !== false) {
      for (const digit of String(char.codePointAt(0))) {
        const usage = digit === '0' ? 0x62 : 0x58 + Number(digit);
        reports.push(Uint8Array.from([MOD_LEFT_ALT, 0, usage, 0, 0, 0, 0, 0]));
        reports.push(Uint8Array.from([MOD_LEFT_ALT, 0, 0, 0, 0, 0, 0, 0]));
      }
      release();
    }
  }
  press(0, KEY_ENTER);
  return reports;
}
