import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPaymentPlatform } from '@kiosk/test-fixtures/payment';
import type { PaymentConfig } from '../core/payment/payment-config';
import { writeNewSecretFile } from '../core/privacy/new-secret-file';

/**
 * The demo centre's account: a real NAPAS acquirer BIN (the bank) with a made-up account
 * number, so banking apps read the QR, and no one's account is named. A configuration's own
 * `payment` account replaces it.
 */
export const DEMO_PAYMENT_ACCOUNT: Pick<PaymentConfig, 'acquirerBin' | 'accountNumber'> = {
  acquirerBin: '970415',
  accountNumber: '0000246810',
};

/** Where the demo keeps the key its platform simulator signs notifications with. */
export const DEMO_NOTIFY_KEY_PATH = join('keys', 'payment-notify.key');

export interface DemoPaymentPlatform {
  readonly platformUrl: string;
  readonly keyFile: string;
  /** The core's notification listener, once the core has started. */
  notifyTo(url: string): void;
  close(): Promise<void>;
}

/**
 * The payment platform simulator of the demo, signing with a key made in the data folder. It is
 * started before the core (whose configuration names it) and told the core's listener after.
 */
export async function startDemoPaymentPlatform(dataDir: string): Promise<DemoPaymentPlatform> {
  const keyFile = join(dataDir, DEMO_NOTIFY_KEY_PATH);
  // A key of an earlier start is kept.
  writeNewSecretFile(keyFile, randomBytes(32));
  let notifyUrl = '';
  const platform = await startPaymentPlatform({
    key: readFileSync(keyFile),
    notifyUrl: () => notifyUrl,
  });
  return {
    platformUrl: platform.url,
    keyFile,
    notifyTo: (url) => {
      notifyUrl = url;
    },
    close: () => platform.close(),
  };
}

/** The demo's payment section: the configured account or the demo's, paid through the simulator. */
export function demoPaymentConfig(
  configured: PaymentConfig | undefined,
  platform: Pick<DemoPaymentPlatform, 'platformUrl' | 'keyFile'>,
): Record<string, unknown> {
  return {
    ...DEMO_PAYMENT_ACCOUNT,
    ...configured,
    platformUrl: platform.platformUrl,
    notificationKeyFile: platform.keyFile,
    notifyPort: configured?.notifyPort ?? 0,
  };
}
