/**
 * Issue 17: the payment platform simulator (a real HTTP server) notifies the kiosk's listener
 * with HMAC-signed bodies. Paid once and only once; forged, replayed, stale and wrong-amount
 * notifications are refused and audited; a payment for an unknown dossier is kept for staff.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startPaymentPlatform } from '@kiosk/test-fixtures/payment';
import type { PaymentPlatform } from '@kiosk/test-fixtures/payment';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaymentLedger } from '../../src/core/payment/payment-ledger';
import { paymentNotificationListener } from '../../src/core/payment/payment-notification-listener';
import { createPaymentTransaction } from '../../src/core/payment/payment-platform-client';
import { AuditRepository } from '../../src/core/store/audit-repository';
import { coreMigrations } from '../../src/core/store/core-migrations';
import { openDatabase } from '../../src/core/store/database';

const KEY = Buffer.from('synthetic-shared-key-for-tests-0001');
const CODE = 'H29.12-261207-3001';

let platform: PaymentPlatform;
let server: Server;
let ledger: PaymentLedger;
let audit: AuditRepository;

beforeEach(async () => {
  const db = openDatabase(':memory:', coreMigrations);
  audit = new AuditRepository(db);
  ledger = new PaymentLedger(db, KEY, (action, subject, detail) =>
    audit.record('payment-platform', action, subject, detail),
  );
  server = createServer(paymentNotificationListener(ledger));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  platform = await startPaymentPlatform({
    key: KEY,
    notifyUrl: `http://127.0.0.1:${port}/payment/notify`,
  });
});

afterEach(async () => {
  await platform.close();
  await new Promise((resolve) => server.close(resolve));
});

/** The audit log, oldest first. */
function entries() {
  return audit.recent().reverse();
}

function actions(): string[] {
  return entries().map((entry) => entry.action);
}

async function owe(code: string, amountVnd: number): Promise<string> {
  const transaction = await createPaymentTransaction(platform.url, code, amountVnd);
  ledger.expect(code, amountVnd, transaction.transactionId);
  return transaction.transactionId;
}

describe('payment notifications', () => {
  it('marks the dossier paid once, and a replay changes nothing', async () => {
    const transactionId = await owe(CODE, 20000);
    expect(ledger.statusOf(CODE)).toBe('unpaid');
    const first = await platform.pay(transactionId);
    expect(first.responseStatus).toBe(200);
    expect(ledger.statusOf(CODE)).toBe('paid');
    const replay = await platform.deliver(first.body, first.signature);
    expect(replay.responseStatus).toBe(200);
    const again = await platform.pay(transactionId);
    expect(again.responseStatus).toBe(200);
    expect(actions().filter((action) => action === 'payment.paid')).toHaveLength(1);
    expect(actions().filter((action) => action === 'payment.replayed')).toHaveLength(2);
  });

  it('refuses and audits a forged notification', async () => {
    const transactionId = await owe(CODE, 20000);
    const body = JSON.stringify({
      notificationId: 'forged-0000001',
      transactionId,
      dossierCode: CODE,
      amountVnd: 20000,
      paidAt: new Date().toISOString(),
      sentAt: new Date().toISOString(),
    });
    const forger = await startPaymentPlatform({ key: Buffer.from('not-the-key'), notifyUrl: '' });
    const forged = await platform.deliver(body, forger.sign(body));
    await forger.close();
    expect(forged.responseStatus).toBe(401);
    const unsigned = await platform.deliver(body, '');
    expect(unsigned.responseStatus).toBe(401);
    expect(ledger.statusOf(CODE)).toBe('unpaid');
    expect(entries().filter((entry) => entry.action === 'payment.rejected')).toHaveLength(2);
    expect(entries()[0]?.detail).toMatch(/^PAYMENT_SIGNATURE_INVALID/u);
  });

  it('refuses and audits a payment of the wrong amount', async () => {
    const transactionId = await owe(CODE, 20000);
    const short = await platform.pay(transactionId, 10000);
    expect(short.responseStatus).toBe(409);
    expect(ledger.statusOf(CODE)).toBe('unpaid');
    expect(entries().at(-1)).toMatchObject({
      action: 'payment.rejected',
      detail: 'PAYMENT_AMOUNT_MISMATCH: paid 10000, owed 20000',
    });
  });

  it('refuses a correctly signed notification sent long ago (replay window)', async () => {
    const transactionId = await owe(CODE, 20000);
    const old = new Date(Date.now() - 3_600_000).toISOString();
    const body = JSON.stringify({
      notificationId: 'captured-00000001',
      transactionId,
      dossierCode: CODE,
      amountVnd: 20000,
      paidAt: old,
      sentAt: old,
    });
    const stale = await platform.deliver(body, platform.sign(body));
    expect(stale.responseStatus).toBe(409);
    expect(ledger.statusOf(CODE)).toBe('unpaid');
    expect(entries().at(-1)?.detail).toMatch(/^PAYMENT_STALE/u);
  });

  it('keeps a payment for a dossier it never issued for staff', async () => {
    const transaction = await createPaymentTransaction(platform.url, 'H29.12-261207-3999', 15000);
    const held = await platform.pay(transaction.transactionId);
    expect(held.responseStatus).toBe(200);
    expect(ledger.heldForStaff()).toMatchObject([
      { dossierCode: 'H29.12-261207-3999', amountVnd: 15000 },
    ]);
    expect(actions()).toContain('payment.held-for-staff');
  });

  it('lands a payment made after the kiosk gave up waiting on the right dossier, once', async () => {
    const transactionId = await owe(CODE, 20000);
    await owe('H29.12-261207-3002', 15000);
    // The citizen's session timed out and the kiosk reset; the ledger is keyed by dossier code.
    const late = await platform.pay(transactionId);
    expect(late.responseStatus).toBe(200);
    expect(ledger.statusOf(CODE)).toBe('paid');
    expect(ledger.statusOf('H29.12-261207-3002')).toBe('unpaid');
    await platform.deliver(late.body, late.signature);
    expect(actions().filter((action) => action === 'payment.paid')).toHaveLength(1);
  });
});
