import { z } from 'zod';

/**
 * Where the centre's signing key lives: a PKCS#11 module (the token vendor's library, or
 * SoftHSM2 in tests and the demo), the token's label and the key's label. The same code path
 * serves a USB token, an HSM or SoftHSM2; only these values change.
 */
export const signingConfigSchema = z.strictObject({
  modulePath: z.string().min(1),
  tokenLabel: z.string().min(1).max(32),
  keyLabel: z.string().min(1),
  /** The user PIN. Kept out of every log and error (see pkcs11-token.ts). */
  pin: z.string().min(1),
  /** Extra environment the module needs (SoftHSM2 reads SOFTHSM2_CONF). */
  moduleEnvironment: z.record(z.string(), z.string()).optional(),
  /** Shown in the PDF signature dictionary. */
  signerName: z.string().min(1),
  location: z.string().min(1),
});

export type SigningConfig = z.infer<typeof signingConfigSchema>;

/**
 * The `receiptSigning` section of the kiosk configuration: the PIN is not written there but in
 * a file of its own (mode 0600), read when a receipt is signed.
 */
export const receiptSigningSettingsSchema = signingConfigSchema.omit({ pin: true }).extend({
  pinFile: z.string().min(1),
  /** The centre's CA (PEM): the status lookup checks receipt signatures against it. */
  caCertificateFile: z.string().min(1).optional(),
});

export type ReceiptSigningSettings = z.infer<typeof receiptSigningSettingsSchema>;

/** The config as it may be logged or shown: everything but the PIN. */
export function describeSigningConfig(config: SigningConfig): Record<string, string> {
  return {
    modulePath: config.modulePath,
    tokenLabel: config.tokenLabel,
    keyLabel: config.keyLabel,
    pin: '[redacted]',
  };
}
