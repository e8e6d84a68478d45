import { describe, expect, it } from 'vitest';
import type { ReceiptView } from '@kiosk/protocol';
import { createLogger } from '../log/logger';
import { openDatabase } from '../store/database';
import { coreMigrations } from '../store/core-migrations';
import { ReceiptRepository } from '../store/receipt-repository';
import { KioskPayments } from './kiosk-payments';
import { PaymentLedger } from './payment-ledger';
import { notificationSignature } from './payment-notification';
import { decodeVietQr } from './vietqr';

const KEY = Buffer.from('synthetic-unit-key-kiosk-payments');
const NOW = new Date('2026-12-07T02:00:00Z');
const RECEIPT = {
  dossierCode: 'H29.12-261207-3001',
  procedureCode: '1.004222',
  receivedAt: '2026-12-07T09:00:00+07:00',
  fee: { amountVnd: 20_000, paid: false },
} as ReceiptView;

function setup() {
  const db = openDatabase(':memory:', coreMigrations);
  const receipts = new ReceiptRepository(db);
  receipts.save(RECEIPT, '001099012345');
  const payments = new KioskPayments({
    ledger: new PaymentLedger(
      db,
      KEY,
      () => undefined,
      () => NOW,
    ),
    config: { acquirerBin: '970415', accountNumber: '113366668888', waitSeconds: 180 },
    feeOf: () => ({ amountVnd: 20_000, paidAt: 'submission' }),
    receipts,
    logger: createLogger(() => undefined),
    now: () => NOW,
  });
  return { payments, receipts };
}

function notification(notificationId: string): { body: string; signature: string } {
  const body = JSON.stringify({
    notificationId,
    transactionId: 'tx-1',
    dossierCode: RECEIPT.dossierCode,
    amountVnd: 20_000,
    paidAt: NOW.toISOString(),
    sentAt: NOW.toISOString(),
  });
  return { body, signature: notificationSignature(body, KEY) };
}

describe('KioskPayments', () => {
  it('asks for the fee with a VietQR whose purpose is the dossier code', async () => {
    const { payments } = setup();
    const qr = await payments.request(RECEIPT);
    expect(decodeVietQr(qr.qrPayload)).toMatchObject({
      acquirerBin: '970415',
      accountNumber: '113366668888',
      amountVnd: 20_000,
      purpose: RECEIPT.dossierCode,
    });
    expect(qr.expiresAt).toBe('2026-12-07T02:03:00.000Z');
  });

  it('marks the stored receipt paid and tells the listeners once, however often it is sent', async () => {
    const { payments, receipts } = setup();
    await payments.request(RECEIPT);
    receipts.markPrinted(RECEIPT.dossierCode);
    const heard: string[] = [];
    payments.onPaid((code) => heard.push(code));
    const first = notification('notification-0001');
    expect(payments.receive(first.body, first.signature).kind).toBe('paid');
    expect(payments.receive(first.body, first.signature).kind).toBe('duplicate');
    const second = notification('notification-0002');
    expect(payments.receive(second.body, second.signature).kind).toBe('duplicate');
    expect(heard).toEqual([RECEIPT.dossierCode]);
    // Reprints say paid; a slip already printed is not taken for an unprinted one.
    expect(receipts.get(RECEIPT.dossierCode)).toEqual({
      receipt: { ...RECEIPT, fee: { amountVnd: 20_000, paid: true } },
      printed: true,
    });
  });

  it('refuses to open a payment when nothing is due', async () => {
    const { payments } = setup();
    await expect(
      payments.request({ ...RECEIPT, fee: { amountVnd: 20_000, paid: true } }),
    ).rejects.toThrow(/no fee is due/);
  });
});
