/**
 * Verifies a configuration bundle before anything of it is applied: envelope shape, known key,
 * Ed25519 signature over the exact payload bytes, payload shape, validity period, anti-rollback
 * serial, target kiosk, and finally the settings against the caller's schema.
 */
import { verify } from 'node:crypto';
import type { z } from 'zod';
import { BundlePayload, SignedBundle, signedBytes } from './envelope';
import { SignedConfigError } from './errors';
import type { TrustedKey } from './keys';

export interface VerifyOptions<T> {
  trustedKeys: readonly TrustedKey[];
  /** Schema of the settings (owned by the kiosk core). */
  settingsSchema: z.ZodType<T>;
  /** Serial of the last bundle applied on this kiosk; a bundle must be newer. */
  lastAppliedSerial?: number;
  kioskId?: string;
  unitCode?: string;
  now?: Date;
}

export interface VerifiedConfig<T> {
  serial: number;
  keyId: string;
  issuedAt: string;
  settings: T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SignedConfigError('CONFIG_MALFORMED', 'The configuration bundle is not valid JSON');
  }
}

/** `bundleText` is the file's content exactly as received. */
export function verifyConfigBundle<T>(
  bundleText: string,
  options: VerifyOptions<T>,
): VerifiedConfig<T> {
  const raw = parseJson(bundleText);
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const { signature } = raw as Record<string, unknown>;
    if (signature === undefined || signature === '' || signature === null) {
      throw new SignedConfigError(
        'CONFIG_UNSIGNED',
        'The configuration bundle carries no signature',
      );
    }
  }
  const envelope = SignedBundle.safeParse(raw);
  if (!envelope.success) {
    throw new SignedConfigError(
      'CONFIG_MALFORMED',
      'The configuration bundle is not a signed kiosk configuration',
    );
  }
  const { keyId, payload, signature } = envelope.data;

  const trusted = options.trustedKeys.find((candidate) => candidate.id === keyId);
  if (trusted === undefined) {
    throw new SignedConfigError(
      'CONFIG_UNKNOWN_KEY',
      `The bundle is signed with key ${keyId}, which this kiosk does not trust`,
    );
  }
  const payloadBytes = Buffer.from(payload, 'base64');
  const signatureBytes = Buffer.from(signature, 'base64');
  // Ed25519 signatures are 64 bytes (RFC 8032 §5.1.6); anything else cannot verify.
  if (
    signatureBytes.length !== 64 ||
    !verify(null, signedBytes(payloadBytes), trusted.key, signatureBytes)
  ) {
    throw new SignedConfigError(
      'CONFIG_BAD_SIGNATURE',
      'The signature does not match the bundle: it was altered or signed with another key',
    );
  }

  const parsed = BundlePayload.safeParse(parseJson(payloadBytes.toString('utf8')));
  if (!parsed.success) {
    throw new SignedConfigError(
      'CONFIG_PAYLOAD_INVALID',
      'The signed payload is not a kiosk configuration',
    );
  }
  const body = parsed.data;
  const now = (options.now ?? new Date()).getTime();
  if (Date.parse(body.issuedAt) > now + 5 * 60_000) {
    throw new SignedConfigError(
      'CONFIG_NOT_YET_VALID',
      'The bundle was issued in the future: check the kiosk clock',
    );
  }
  if (body.expiresAt !== undefined && Date.parse(body.expiresAt) <= now) {
    throw new SignedConfigError('CONFIG_EXPIRED', `The bundle expired at ${body.expiresAt}`);
  }
  if (options.lastAppliedSerial !== undefined && body.serial <= options.lastAppliedSerial) {
    throw new SignedConfigError(
      'CONFIG_ROLLBACK',
      `The bundle has serial ${body.serial}, not newer than the applied serial ${options.lastAppliedSerial}`,
    );
  }
  const target = body.target;
  if (
    target?.kioskIds !== undefined &&
    (options.kioskId === undefined || !target.kioskIds.includes(options.kioskId))
  ) {
    throw new SignedConfigError('CONFIG_WRONG_TARGET', 'The bundle is addressed to other kiosks');
  }
  if (
    target?.unitCodes !== undefined &&
    (options.unitCode === undefined || !target.unitCodes.includes(options.unitCode))
  ) {
    throw new SignedConfigError(
      'CONFIG_WRONG_TARGET',
      'The bundle is addressed to another receiving unit',
    );
  }
  const settings = options.settingsSchema.safeParse(body.settings);
  if (!settings.success) {
    throw new SignedConfigError(
      'CONFIG_SETTINGS_INVALID',
      'The bundle is signed but its settings are not valid for this kiosk version',
    );
  }
  return { serial: body.serial, keyId, issuedAt: body.issuedAt, settings: settings.data };
}
