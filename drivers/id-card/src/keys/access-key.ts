import { mrzCheckDigit } from '@kiosk/mrz/codec';
import { IdCardError } from '../errors';
import { ascii } from '../util/bytes';
import { sha1 } from '../crypto/key-derivation';

/**
 * The secret a terminal proves it knows before the chip opens its files (ICAO 9303 Part 11
 * §4.3 and §4.4): the document number, birth and expiry dates from the MRZ, or the 6-digit CAN
 * printed on the card (PACE only).
 */
export type AccessKey =
  | {
      readonly kind: 'mrz';
      /** As printed in the MRZ, without its check digit (CCCD: last 9 digits of the ID). */
      readonly documentNumber: string;
      /** YYMMDD */
      readonly dateOfBirth: string;
      /** YYMMDD, or `<<<<<<` when the document has no expiry. */
      readonly dateOfExpiry: string;
    }
  | { readonly kind: 'can'; readonly can: string };

function field(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value))
    throw new IdCardError('INVALID_ARGUMENT', `${what} "${value}" is not valid`);
  return value;
}

/** Part 11 §9.7.2 (BAC) / §9.7.3 (PACE): document number, birth, expiry with check digits. */
export function mrzInformation(key: Extract<AccessKey, { kind: 'mrz' }>): string {
  let doc = field(key.documentNumber.toUpperCase(), /^[A-Z0-9<]{1,20}$/, 'document number');
  if (doc.length < 9) doc = doc.padEnd(9, '<');
  const dob = field(key.dateOfBirth, /^\d{6}$/, 'date of birth');
  const doe = field(key.dateOfExpiry, /^(\d{6}|<{6})$/, 'date of expiry');
  return `${doc}${mrzCheckDigit(doc)}${dob}${mrzCheckDigit(dob)}${doe}${mrzCheckDigit(doe)}`;
}

/** K_seed for BAC: the first 16 bytes of SHA-1 of the MRZ information. */
export function bacKeySeed(key: Extract<AccessKey, { kind: 'mrz' }>): Uint8Array {
  return sha1(ascii(mrzInformation(key))).subarray(0, 16);
}

/** The PACE password π (Part 11 §9.7.3): SHA-1 of the MRZ information, or the CAN itself. */
export function pacePassword(key: AccessKey): Uint8Array {
  if (key.kind === 'can') return ascii(field(key.can, /^\d{6}$/, 'CAN'));
  return sha1(ascii(mrzInformation(key)));
}

/** PACE password reference for MSE:Set AT (Part 11 §4.4.4.1): 1 = MRZ, 2 = CAN. */
export function pacePasswordReference(key: AccessKey): number {
  return key.kind === 'mrz' ? 1 : 2;
}

export function describeKey(key: AccessKey): string {
  return key.kind === 'can' ? 'CAN' : `MRZ (expiry ${key.dateOfExpiry})`;
}
