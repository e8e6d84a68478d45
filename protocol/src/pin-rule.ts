/**
 * What a PIN must be, for the core's checks, the API's schemas and the screens alike. Six
 * digits are a million combinations where four were ten thousand (issue 14).
 */
export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;
/** Accounts made before the six-digit rule sign in once more with their old PIN, to change it. */
export const LEGACY_MIN_PIN_DIGITS = 4;

/** New PINs: accounts, first-run setup, a change at sign-in. */
export const NEW_PIN_PATTERN = new RegExp(`^\\d{${MIN_PIN_DIGITS},${MAX_PIN_DIGITS}}$`);
export const PIN_RULE = `a PIN is ${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits`;
