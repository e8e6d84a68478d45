/**
 * What a PIN must be. Six digits are a million combinations where four were ten thousand; the
 * lockout and rate limits make online guessing slow, and the length makes a copied database
 * costlier to search offline.
 */
export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;

const ACCEPTABLE_PIN = new RegExp(`^\\d{${MIN_PIN_DIGITS},${MAX_PIN_DIGITS}}$`);

export const PIN_RULE = `a PIN is ${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits`;

/** True for a PIN new accounts and PIN changes may use. */
export function isAcceptablePin(pin: string): boolean {
  return ACCEPTABLE_PIN.test(pin);
}

export class PinPolicyError extends Error {
  override readonly name = 'PinPolicyError';
  readonly code = 'PIN_TOO_SHORT';
  constructor() {
    super(PIN_RULE);
  }
}

/** Throws `PinPolicyError` unless the PIN is acceptable for a new account or a change. */
export function assertAcceptablePin(pin: string): void {
  if (!isAcceptablePin(pin)) throw new PinPolicyError();
}
