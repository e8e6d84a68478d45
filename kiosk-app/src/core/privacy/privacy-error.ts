/** Stable codes of everything that can go wrong with keys, sealed values and blind indexes. */
export type PrivacyErrorCode =
  | 'KEY_FILE_MISSING'
  | 'KEY_FILE_UNREADABLE'
  | 'KEY_FILE_INVALID'
  | 'KEY_FILE_PERMISSIONS'
  | 'KEY_FILE_IN_DATA_DIR'
  | 'KEY_MISMATCH'
  | 'KEY_UNKNOWN'
  | 'SEALED_VALUE_MALFORMED'
  | 'SEALED_VALUE_TAMPERED';

/**
 * A typed privacy failure. The message is plain English for the technician's log and console;
 * it never contains the plaintext or the key.
 */
export class PrivacyError extends Error {
  override readonly name = 'PrivacyError';

  constructor(
    readonly code: PrivacyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isPrivacyError(error: unknown, code?: PrivacyErrorCode): error is PrivacyError {
  return error instanceof PrivacyError && (code === undefined || error.code === code);
}
