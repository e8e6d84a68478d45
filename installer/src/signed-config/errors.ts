export type SignedConfigErrorCode =
  | 'CONFIG_MALFORMED'
  | 'CONFIG_UNSIGNED'
  | 'CONFIG_UNKNOWN_KEY'
  | 'CONFIG_BAD_SIGNATURE'
  | 'CONFIG_PAYLOAD_INVALID'
  | 'CONFIG_NOT_YET_VALID'
  | 'CONFIG_EXPIRED'
  | 'CONFIG_ROLLBACK'
  | 'CONFIG_WRONG_TARGET'
  | 'CONFIG_SETTINGS_INVALID'
  | 'CONFIG_KEY_INVALID';

/** Why a configuration bundle was refused; nothing of a refused bundle is ever applied. */
export class SignedConfigError extends Error {
  constructor(
    readonly code: SignedConfigErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SignedConfigError';
  }
}
