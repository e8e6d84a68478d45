/**
 * Errors are values the user can act on: a stable code (shown translated in the UI and used by
 * the flow) and a plain-English message for technicians. Drivers extend the code union.
 */
export class DeviceError<Code extends string = string> extends Error {
  override readonly name = 'DeviceError';

  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Type guard that also narrows on the code when one is given. */
export function isDeviceError<C extends string>(value: unknown, code?: C): value is DeviceError<C> {
  return value instanceof DeviceError && (code === undefined || value.code === code);
}
