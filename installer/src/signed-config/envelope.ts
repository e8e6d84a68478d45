/**
 * The signed configuration bundle a service centre sends to its kiosks.
 *
 * The signature covers the exact payload bytes (base64 in the envelope), never a re-serialised
 * object, so no JSON canonicalisation is needed: what was signed is byte for byte what is parsed.
 * A domain-separation prefix keeps an Ed25519 signature made for anything else from verifying here.
 */
import { z } from 'zod';

export const BUNDLE_FORMAT = 'cccd-kiosk-config/1';
export const SIGNATURE_CONTEXT = `${BUNDLE_FORMAT}\n`;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

export const SignedBundle = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    payload: Base64.min(4),
    signature: Base64,
  })
  .strict();
export type SignedBundle = z.infer<typeof SignedBundle>;

export const BundlePayload = z
  .object({
    /** Monotonic per centre: a kiosk refuses a serial not greater than the last one it applied. */
    serial: z.number().int().positive(),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().optional(),
    /** Absent: every kiosk of the centre. */
    target: z
      .object({
        kioskIds: z.array(z.string().min(1)).min(1).optional(),
        unitCodes: z.array(z.string().min(1)).min(1).optional(),
      })
      .strict()
      .optional(),
    settings: z.record(z.string(), z.unknown()),
  })
  .strict();
export type BundlePayload = z.infer<typeof BundlePayload>;

/** The bytes the Ed25519 signature is made over. */
export function signedBytes(payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(SIGNATURE_CONTEXT, 'utf8'), payload]);
}
