import { readFile } from 'node:fs/promises';
import type { ReceiptSigningSettings, SigningConfig } from './signing-config';
import { SigningError } from './signing-error';

/** The signing config of the kiosk configuration, with the PIN read from its own file. */
export async function readSigningConfig(settings: ReceiptSigningSettings): Promise<SigningConfig> {
  let pin: string;
  try {
    pin = (await readFile(settings.pinFile, 'utf8')).trim();
  } catch {
    throw new SigningError(
      'SIGNING_NOT_CONFIGURED',
      `the PIN file ${settings.pinFile} cannot be read`,
    );
  }
  const { pinFile: _pinFile, ...rest } = settings;
  return { ...rest, pin };
}
