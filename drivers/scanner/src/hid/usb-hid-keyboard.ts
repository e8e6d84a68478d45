/**
 * USB HID Usage Tables 1.4, §10 "Keyboard/Keypad Page (0x07)": usage IDs of a US-layout keyboard
 * with the characters they type unshifted and shifted. Scanners in keyboard-wedge mode "type"
 * through exactly this table, so the kiosk must be configured for the US layout on the scanner.
 */
export const KEY_ENTER = 0x28;
export const KEY_KEYPAD_ENTER = 0x58;
export const KEY_TAB = 0x2b;
/** Usage 0x01 in every slot: ErrorRollOver, sent when too many keys are down. */
export const KEY_ERROR_ROLLOVER = 0x01;

/** Modifier byte bits (HID 1.11, Appendix B.1 boot keyboard report). */
export const MOD_LEFT_SHIFT = 0x02;
export const MOD_RIGHT_SHIFT = 0x20;
export const MOD_LEFT_ALT = 0x04;
export const MOD_RIGHT_ALT = 0x40;
export const MOD_CTRL = 0x01 | 0x10;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function buildTable(): Map<number, readonly [string, string]> {
  const table = new Map<number, readonly [string, string]>();
  [...LETTERS].forEach((c, i) => table.set(0x04 + i, [c, c.toUpperCase()]));
  const digits = '1234567890';
  const shifted = '!@#$%^&*()';
  [...digits].forEach((c, i) => table.set(0x1e + i, [c, shifted.charAt(i)]));
  const punctuation: Array<[number, string, string]> = [
    [0x2c, ' ', ' '],
    [0x2d, '-', '_'],
    [0x2e, '=', '+'],
    [0x2f, '[', '{'],
    [0x30, ']', '}'],
    [0x31, '\\', '|'],
    [0x33, ';', ':'],
    [0x34, "'", '"'],
    [0x35, '`', '~'],
    [0x36, ',', '<'],
    [0x37, '.', '>'],
    [0x38, '/', '?'],
    // Keypad (no NumLock handling: scanners send these with NumLock semantics).
    [0x54, '/', '/'],
    [0x55, '*', '*'],
    [0x56, '-', '-'],
    [0x57, '+', '+'],
    [0x63, '.', '.'],
  ];
  for (const [usage, plain, shift] of punctuation) table.set(usage, [plain, shift]);
  const keypadDigits = '1234567890';
  [...keypadDigits].forEach((c, i) => table.set(0x59 + i, [c, c]));
  return table;
}

export const US_KEYBOARD: ReadonlyMap<number, readonly [string, string]> = buildTable();

/** Keypad 1–9, 0 (usages 0x59–0x62) → their digit, for Alt+keypad character entry. */
export function keypadDigit(usage: number): string | undefined {
  if (usage < 0x59 || usage > 0x62) return undefined;
  return usage === 0x62 ? '0' : String(usage - 0x58);
}

/** The inverse, for `encodeWedgeReports`: character → [usage, shift]. */
export function usageForChar(char: string): [number, boolean] | undefined {
  for (const [usage, [plain, shift]] of US_KEYBOARD) {
    if (usage >= 0x54) continue; // prefer the main block
    if (plain === char) return [usage, false];
    if (shift === char) return [usage, true];
  }
  return undefined;
}
