import { z } from 'zod';

const transactionSchema = z.object({
  transactionId: z.string().min(1).max(64),
  dossierCode: z.string(),
  amountVnd: z.number().int().positive(),
});

export type PaymentTransaction = z.infer<typeof transactionSchema>;

export class PaymentPlatformError extends Error {
  override readonly name = 'PaymentPlatformError';

  constructor(
    readonly code: 'PAYMENT_PLATFORM_UNAVAILABLE' | 'PAYMENT_PLATFORM_REFUSED',
    message: string,
  ) {
    super(message);
  }
}

/** Creates the platform transaction a dossier fee is paid against (`POST /api/transactions`). */
export async function createPaymentTransaction(
  platformUrl: string,
  dossierCode: string,
  amountVnd: number,
): Promise<PaymentTransaction> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/transactions', platformUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dossierCode, amountVnd }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new PaymentPlatformError(
      'PAYMENT_PLATFORM_UNAVAILABLE',
      `the payment platform cannot be reached (${error instanceof Error ? error.name : 'error'})`,
    );
  }
  if (response.status !== 201) {
    await response.arrayBuffer();
    throw new PaymentPlatformError(
      'PAYMENT_PLATFORM_REFUSED',
      `the platform answered ${response.status}`,
    );
  }
  const parsed = transactionSchema.safeParse(await response.json());
  if (
    !parsed.success ||
    parsed.data.dossierCode !== dossierCode ||
    parsed.data.amountVnd !== amountVnd
  ) {
    throw new PaymentPlatformError(
      'PAYMENT_PLATFORM_REFUSED',
      'the platform answered another transaction',
    );
  }
  return parsed.data;
}
