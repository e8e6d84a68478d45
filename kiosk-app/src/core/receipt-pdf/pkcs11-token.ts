import pkcs11js from 'pkcs11js';
import type { SigningConfig } from './signing-config';
import { SigningError } from './signing-error';

/** What a receipt signer needs from the token: its certificate and RSA PKCS#1 v1.5 SHA-256. */
export interface SigningKey {
  readonly certificateDer: Uint8Array;
  /** CKM_SHA256_RSA_PKCS over `data` (the token hashes, then signs). */
  sign(data: Uint8Array): Uint8Array;
}

/** PKCS#11 v2.40 §5.1 (token info): labels are 32 bytes padded with spaces. */
function trimLabel(label: string): string {
  return label.replace(/[\s\0]+$/u, '');
}

function isPkcs11Error(error: unknown): error is Error & { code: number } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'number';
}

/** Maps a PKCS#11 return value to what the technician can act on. The PIN never enters here. */
export function tokenError(error: unknown, step: string): SigningError {
  if (error instanceof SigningError) return error;
  if (isPkcs11Error(error)) {
    switch (error.code) {
      case pkcs11js.CKR_PIN_INCORRECT:
        return new SigningError(
          'TOKEN_PIN_INCORRECT',
          'the token refused the PIN (CKR_PIN_INCORRECT)',
        );
      case pkcs11js.CKR_PIN_LOCKED:
        return new SigningError(
          'TOKEN_LOCKED',
          'the token PIN is locked (CKR_PIN_LOCKED); the security officer must unblock it',
        );
      case pkcs11js.CKR_TOKEN_NOT_PRESENT:
      case pkcs11js.CKR_DEVICE_REMOVED:
        return new SigningError('TOKEN_ABSENT', 'the signing token is not present');
      default:
        return new SigningError(
          'TOKEN_FAILED',
          `${step} failed with PKCS#11 code 0x${error.code.toString(16)}`,
        );
    }
  }
  const reason = error instanceof Error ? error.name : typeof error;
  return new SigningError('TOKEN_FAILED', `${step} failed (${reason})`);
}

function findOne(
  module: pkcs11js.PKCS11,
  session: Buffer,
  template: pkcs11js.Template,
): Buffer | null {
  module.C_FindObjectsInit(session, template);
  try {
    return module.C_FindObjects(session);
  } finally {
    module.C_FindObjectsFinal(session);
  }
}

function findSlot(module: pkcs11js.PKCS11, tokenLabel: string): Buffer {
  for (const slot of module.C_GetSlotList(true)) {
    const info = module.C_GetTokenInfo(slot);
    if (trimLabel(info.label) !== tokenLabel) continue;
    if (info.flags & pkcs11js.CKF_USER_PIN_LOCKED) {
      throw new SigningError('TOKEN_LOCKED', `token "${tokenLabel}" has its user PIN locked`);
    }
    return slot;
  }
  throw new SigningError('TOKEN_ABSENT', `no token labelled "${tokenLabel}" is present`);
}

/**
 * Runs `use` with the signing key of the configured token: load the module, find the token by
 * label, log in, find the private key and the certificate by label, then log out and finalize
 * whatever happens. Each call is a whole session, so a token pulled out between two receipts is
 * found again (or reported absent) on the next one.
 */
export async function withSigningKey<T>(
  config: SigningConfig,
  use: (key: SigningKey) => Promise<T>,
): Promise<T> {
  for (const [name, value] of Object.entries(config.moduleEnvironment ?? {})) {
    process.env[name] = value;
  }
  const module = new pkcs11js.PKCS11();
  try {
    module.load(config.modulePath);
  } catch {
    throw new SigningError(
      'TOKEN_MODULE_UNAVAILABLE',
      `the PKCS#11 module ${config.modulePath} could not be loaded`,
    );
  }
  let initialized = false;
  let session: Buffer | undefined;
  let loggedIn = false;
  try {
    try {
      module.C_Initialize();
      initialized = true;
    } catch (error) {
      throw tokenError(error, 'C_Initialize');
    }
    const slot = findSlot(module, config.tokenLabel);
    try {
      session = module.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    } catch (error) {
      throw tokenError(error, 'C_OpenSession');
    }
    try {
      module.C_Login(session, pkcs11js.CKU_USER, config.pin);
      loggedIn = true;
    } catch (error) {
      throw tokenError(error, 'C_Login');
    }
    const openSession = session;
    const privateKey = findOne(module, openSession, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_LABEL, value: config.keyLabel },
    ]);
    const certificate = findOne(module, openSession, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
      { type: pkcs11js.CKA_LABEL, value: config.keyLabel },
    ]);
    if (!privateKey || !certificate) {
      throw new SigningError(
        'TOKEN_KEY_NOT_FOUND',
        `token "${config.tokenLabel}" has no ${privateKey ? 'certificate' : 'private key'} labelled "${config.keyLabel}"`,
      );
    }
    const [value] = module.C_GetAttributeValue(openSession, certificate, [
      { type: pkcs11js.CKA_VALUE },
    ]);
    if (!value || !Buffer.isBuffer(value.value)) {
      throw new SigningError('TOKEN_KEY_NOT_FOUND', 'the certificate object has no value');
    }
    const certificateDer = new Uint8Array(value.value);
    return await use({
      certificateDer,
      sign(data) {
        try {
          module.C_SignInit(openSession, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, privateKey);
          return new Uint8Array(module.C_Sign(openSession, Buffer.from(data), Buffer.alloc(1024)));
        } catch (error) {
          throw tokenError(error, 'C_Sign');
        }
      },
    });
  } catch (error) {
    throw tokenError(error, 'signing');
  } finally {
    const openSession = session;
    if (openSession && loggedIn) ignoreFailure(() => module.C_Logout(openSession));
    if (openSession) ignoreFailure(() => module.C_CloseSession(openSession));
    if (initialized) ignoreFailure(() => module.C_Finalize());
    ignoreFailure(() => module.close());
  }
}

/** Cleanup after a failure must not hide the failure that matters. */
function ignoreFailure(step: () => void): void {
  try {
    step();
  } catch {
    // The session is being torn down; the first error is the one reported.
  }
}
