/**
 * Issue 17: fees are asked for at the kiosk only when the configuration allows it in full (the
 * account, a key file only the kiosk can read, a port for the platform); otherwise the core says
 * why in its log and every fee is left to the counter.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorePayments } from '../../src/core/payment/core-payments';
import { paymentConfigSchema } from '../../src/core/payment/payment-config';
import { createLogger } from '../../src/core/log/logger';
import { ProcedureService } from '../../src/core/procedures/procedure-service';
import { coreMigrations } from '../../src/core/store/core-migrations';
import { openDatabase } from '../../src/core/store/database';
import { ReceiptRepository } from '../../src/core/store/receipt-repository';

function keyFile(mode: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'payment-config-')), 'notify.key');
  writeFileSync(file, 'synthetic-notification-key-config-0001');
  chmodSync(file, mode);
  return file;
}

async function open(payment: Record<string, unknown>) {
  const lines: string[] = [];
  const db = openDatabase(':memory:', coreMigrations);
  const opened = await openCorePayments({
    config: paymentConfigSchema.parse({
      acquirerBin: '970415',
      accountNumber: '0000246810',
      ...payment,
    }),
    db,
    receipts: new ReceiptRepository(db),
    procedures: ProcedureService.fromCatalogue(createLogger(() => undefined)),
    audit: () => undefined,
    logger: createLogger((line) => lines.push(line)),
  });
  return { opened, lines };
}

describe('payments from the configuration', () => {
  it('listens for the platform when the account, key file and port are all set', async () => {
    const { opened, lines } = await open({ notificationKeyFile: keyFile(0o600), notifyPort: 0 });
    try {
      expect(opened?.notifyUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/payment\/notify$/);
      const refused = await fetch(opened?.notifyUrl ?? '', { method: 'POST', body: '{}' });
      expect(refused.status).toBe(401);
      expect(lines.some((l) => l.includes('"event":"payment.ready"'))).toBe(true);
    } finally {
      await opened?.close();
    }
  });

  it('leaves fees to the counter, and says why, without a port or with a readable key', async () => {
    const noPort = await open({ notificationKeyFile: keyFile(0o600) });
    expect(noPort.opened).toBeUndefined();
    expect(noPort.lines.join('\n')).toMatch(/payment\.disabled.*notifyPort/);
    const readable = await open({ notificationKeyFile: keyFile(0o644), notifyPort: 0 });
    expect(readable.opened).toBeUndefined();
    expect(readable.lines.join('\n')).toMatch(/payment\.disabled.*chmod 0600/);
  });
});
