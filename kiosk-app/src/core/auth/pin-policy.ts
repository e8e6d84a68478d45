import { NEW_PIN_PATTERN, PIN_RULE } from '@kiosk/protocol';

// The rule itself is shared with the API schemas and the screens (protocol/pin-rule.ts); the
// lockout and rate limits make online guessing slow, the length makes a copied database
// costlier to search offline.
export { MAX_PIN_DIGITS, MIN_PIN_DIGITS, PIN_RULE } from '@kiosk/protocol';

/** True for a PIN new accounts and PIN changes may use. */
export function isAcceptablePin(pin: string): boolean {
  return NEW_PIN_PATTERN.test(pin);
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
