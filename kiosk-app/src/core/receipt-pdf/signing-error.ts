/**
 * Why a receipt PDF could not be signed. The technician sees `code` and `message` (plain English);
 * neither ever holds the token PIN.
 */
export type SigningErrorCode =
  | 'TOKEN_MODULE_UNAVAILABLE'
  | 'TOKEN_ABSENT'
  | 'TOKEN_PIN_INCORRECT'
  | 'TOKEN_LOCKED'
  | 'TOKEN_KEY_NOT_FOUND'
  | 'TOKEN_FAILED'
  | 'SIGNING_NOT_CONFIGURED';

export class SigningError extends Error {
  override readonly name = 'SigningError';

  constructor(
    readonly code: SigningErrorCode,
    message: string,
  ) {
    super(message);
  }
}
