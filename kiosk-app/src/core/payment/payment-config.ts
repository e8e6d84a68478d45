import { z } from 'zod';

/**
 * Where citizens' fees are paid: the centre's account at its bank (NAPAS acquirer BIN and account
 * number, shown in the VietQR), and the payment platform that reports payments back (issue 17).
 */
export const paymentConfigSchema = z.strictObject({
  acquirerBin: z.string().regex(/^\d{6}$/, 'the NAPAS acquirer BIN has 6 digits'),
  accountNumber: z.string().regex(/^[A-Za-z0-9]{1,19}$/, '1–19 letters or digits'),
  /** The payment platform's base URL (transactions are created there). */
  platformUrl: z.url().optional(),
  /** A file holding the HMAC-SHA256 key the platform signs notifications with (mode 0600). */
  notificationKeyFile: z.string().min(1).optional(),
  /** How long the kiosk shows a payment QR before offering to pay at the counter. */
  waitSeconds: z.number().int().min(30).max(900).default(180),
  /**
   * Where the core listens for the platform's `POST /payment/notify` (its own listener, apart
   * from the renderer's loopback API). Port 0 takes any free port (the demo, tests).
   */
  notifyHost: z.string().min(1).default('127.0.0.1'),
  notifyPort: z.number().int().min(0).max(65535).optional(),
});

export type PaymentConfig = z.infer<typeof paymentConfigSchema>;
