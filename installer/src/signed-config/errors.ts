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
  | 'CONFIG_KEY_INVALID'
  /** The kiosk has no signer key configured, so it can trust no bundle. */
  | 'CONFIG_NO_SIGNERS'
  /** A signer key or its folder could be rewritten by someone other than its owner. */
  | 'CONFIG_SIGNER_EXPOSED';

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
