import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The payment platform's notification that a transaction was paid. The platform signs the exact
 * body bytes with HMAC-SHA256 (RFC 2104) under a key shared with the centre and sends the hex
 * digest in {@link SIGNATURE_HEADER} as `sha256=<hex>`, as the national portal's payment
 * platform and the banks' IPN callbacks sign theirs.
 */
export const SIGNATURE_HEADER = 'x-payment-signature';

export const paymentNotificationSchema = z.strictObject({
  /** Unique per notification; a second delivery of the same id is a replay. */
  notificationId: z.string().min(8).max(64),
  transactionId: z.string().min(1).max(64),
  dossierCode: z.string().min(1).max(42),
  amountVnd: z.number().int().positive(),
  paidAt: z.iso.datetime({ offset: true }),
  /** When the platform sent it; stale notifications are refused (replay window). */
  sentAt: z.iso.datetime({ offset: true }),
});

export type PaymentNotification = z.infer<typeof paymentNotificationSchema>;

export function notificationSignature(body: string, key: Uint8Array): string {
  return `sha256=${createHmac('sha256', key).update(body, 'utf8').digest('hex')}`;
}

/** Constant-time check of the signature header against the body. */
export function hasValidSignature(
  body: string,
  header: string | undefined,
  key: Uint8Array,
): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(notificationSignature(body, key));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
