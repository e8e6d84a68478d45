/** A settings change refused as a whole; the message is for the technician, in plain English. */
export class InvalidSettingsError extends Error {
  override readonly name = 'InvalidSettingsError';
  readonly code = 'INVALID_SETTINGS';
}
