import { IdCardError, type IdCardErrorCode } from '../errors';

/** Status words of ISO/IEC 7816-4 §5.6 that the eMRTD protocols act on. */
export const SW = {
  OK: 0x9000,
  END_OF_FILE_WARNING: 0x6282,
  WRONG_LENGTH: 0x6700,
  SECURITY_STATUS_NOT_SATISFIED: 0x6982,
  AUTH_METHOD_BLOCKED: 0x6983,
  SM_DATA_OBJECTS_MISSING: 0x6987,
  SM_DATA_OBJECTS_INCORRECT: 0x6988,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6b00,
  INCORRECT_P1P2: 0x6a86,
  WRONG_DATA: 0x6a80,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  NO_PRECISE_DIAGNOSIS: 0x6f00,
  VERIFICATION_FAILED: 0x6300,
} as const;

export function isSuccess(sw: number): boolean {
  return sw === SW.OK || sw === SW.END_OF_FILE_WARNING || (sw & 0xff00) === 0x6100;
}

const MESSAGES: Record<number, [IdCardErrorCode, string]> = {
  [SW.SECURITY_STATUS_NOT_SATISFIED]: ['CHIP_ACCESS_DENIED', 'security status not satisfied'],
  [SW.AUTH_METHOD_BLOCKED]: ['CHIP_ACCESS_DENIED', 'authentication method blocked'],
  [SW.VERIFICATION_FAILED]: ['CHIP_ACCESS_DENIED', 'authentication failed'],
  [SW.SM_DATA_OBJECTS_MISSING]: ['SM_PROTOCOL', 'secure messaging data objects missing'],
  [SW.SM_DATA_OBJECTS_INCORRECT]: ['SM_PROTOCOL', 'secure messaging data objects incorrect'],
  [SW.FILE_NOT_FOUND]: ['FILE_NOT_FOUND', 'file not found'],
};

/** Turns an error status word into a typed error naming the command that failed. */
export function statusWordError(sw: number, command: string): IdCardError {
  const swText = sw.toString(16).toUpperCase().padStart(4, '0');
  const known = MESSAGES[sw];
  if ((sw & 0xfff0) === 0x63c0) {
    return new IdCardError(
      'CHIP_ACCESS_DENIED',
      `${command}: authentication failed, ${sw & 0x0f} tries left (SW ${swText})`,
      { sw },
    );
  }
  if (known) return new IdCardError(known[0], `${command}: ${known[1]} (SW ${swText})`, { sw });
  return new IdCardError('APDU_STATUS', `${command}: card answered SW ${swText}`, { sw });
}
