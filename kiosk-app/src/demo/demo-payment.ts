import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startPaymentPlatform } from '@kiosk/test-fixtures/payment';
import type { PaymentConfig } from '../core/payment/payment-config';

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

function createKeyIfMissing(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    // 'wx': a key of an earlier start is kept, never overwritten.
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  try {
    writeSync(fd, randomBytes(32));
  } finally {
    closeSync(fd);
  }
}

/**
 * The payment platform simulator of the demo, signing with a key made in the data folder. It is
 * started before the core (whose configuration names it) and told the core's listener after.
 */
export async function startDemoPaymentPlatform(dataDir: string): Promise<DemoPaymentPlatform> {
  const keyFile = join(dataDir, DEMO_NOTIFY_KEY_PATH);
  createKeyIfMissing(keyFile);
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
