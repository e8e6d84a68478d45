/**
 * Issue 17, wired: the real core (demo stand-ins) with payment configured, the payment platform
 * simulator notifying the core's own `/payment/notify` listener over HTTP. A journey whose
 * procedure is paid at submission shows the VietQR; a forged notification is refused and
 * audited, a replay changes nothing, and a payment that arrives after the citizen chose to pay
 * at the counter still lands on that dossier, once.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JourneyView, ServerMessage } from '@kiosk/protocol';
import { startPaymentPlatform, type PaymentPlatform } from '@kiosk/test-fixtures/payment';
import { decodeVietQr } from '../../src/core/payment/vietqr';
import { demoCitizens } from '../../src/demo/demo-citizens';
import { startCoreUnderTest, TestClient, type CoreUnderTest } from '../core-harness';
import { demoJourneyToConfirming } from '../form-answers';

const KEY = Buffer.from('synthetic-notification-key-for-core-tests');
const ACCOUNT = { acquirerBin: '970415', accountNumber: '0123456789' };

let env: CoreUnderTest;
let platform: PaymentPlatform;
let client: TestClient;

beforeEach(async () => {
  let notifyUrl = '';
  platform = await startPaymentPlatform({ key: KEY, notifyUrl: () => notifyUrl });
  const keyFile = join(mkdtempSync(join(tmpdir(), 'payment-notify-')), 'notify.key');
  writeFileSync(keyFile, KEY);
  chmodSync(keyFile, 0o600);
  env = await startCoreUnderTest({
    payment: { ...ACCOUNT, platformUrl: platform.url, notificationKeyFile: keyFile, notifyPort: 0 },
  });
  notifyUrl = env.core.payment?.notifyUrl ?? '';
  client = await TestClient.connect(env.core);
});

afterEach(async () => {
  client?.close();
  await env?.core.stop();
  await platform?.close();
});

type JourneyMessage = Extract<ServerMessage, { type: 'journey' }>;

function view(match: (view: JourneyView) => boolean): Promise<JourneyMessage> {
  return client.waitFor((m): m is JourneyMessage => m.type === 'journey' && match(m.view));
}

/** A journey through đăng ký thường trú (20.000 đ, paid at submission) to the VietQR. */
async function reachPaymentQr(): Promise<{ dossierCode: string; transactionId: string }> {
  await demoJourneyToConfirming(client, 0);
  client.received.length = 0;
  const waiting = view((v) => v.step === 'payingFee' && v.payment?.phase === 'waiting');
  await client.request({ type: 'journey.confirm' });
  const qr = (await waiting).view.payment?.qr;
  if (!qr) throw new Error('the payment screen shows no QR');
  const decoded = decodeVietQr(qr.qrPayload);
  expect(decoded).toMatchObject({ ...ACCOUNT, amountVnd: 20_000 });
  const dossierCode = decoded.purpose ?? '';
  const transaction = [...platform.transactions.values()].find(
    (t) => t.dossierCode === dossierCode,
  );
  if (!transaction) throw new Error('the kiosk opened no platform transaction');
  return { dossierCode, transactionId: transaction.transactionId };
}

function audited(action: string, subject: string): number {
  return env.core.audit.recent().filter((e) => e.action === action && e.subject === subject).length;
}

describe("the core's payment notification route", () => {
  it('refuses and audits a forged notification, takes the real one once, and prints paid', async () => {
    const { dossierCode, transactionId } = await reachPaymentQr();
    const forgedBody = JSON.stringify({
      notificationId: 'forged-notification-01',
      transactionId,
      dossierCode,
      amountVnd: 20_000,
      paidAt: new Date().toISOString(),
      sentAt: new Date().toISOString(),
    });
    const forged = await platform.deliver(forgedBody, `sha256=${'0'.repeat(64)}`);
    expect(forged.responseStatus).toBe(401);
    expect(env.core.audit.recent().some((e) => e.action === 'payment.rejected')).toBe(true);
    expect(env.core.payment?.ledger.statusOf(dossierCode)).toBe('unpaid');

    client.received.length = 0;
    const printed = view((v) => v.step === 'done');
    const paid = await platform.pay(transactionId);
    expect(paid.responseStatus).toBe(200);
    expect((await printed).view.receipt?.fee).toEqual({ amountVnd: 20_000, paid: true });

    const replay = await platform.deliver(paid.body, paid.signature);
    expect(replay.responseStatus).toBe(200);
    expect(audited('payment.paid', dossierCode)).toBe(1);
    expect(audited('payment.replayed', dossierCode)).toBe(1);
    expect(env.core.receipts.get(dossierCode)?.receipt.fee?.paid).toBe(true);

    // The payment's log lines name the dossier, never the citizen.
    const paymentLines = env.logLines.filter((l) => l.includes('"event":"payment.'));
    expect(paymentLines.length).toBeGreaterThanOrEqual(3);
    const citizen = demoCitizens[0];
    for (const line of paymentLines) {
      expect(line).not.toContain(citizen?.personalId ?? '?');
      expect(line).not.toContain(citizen?.fullName ?? '?');
    }
  });

  it('a payment after "pay later at the counter" lands on its dossier once, not on the screen', async () => {
    const { dossierCode, transactionId } = await reachPaymentQr();
    client.received.length = 0;
    const printed = view((v) => v.step === 'done');
    await client.request({ type: 'journey.payLater' });
    expect((await printed).view.receipt?.fee).toEqual({ amountVnd: 20_000, paid: false });
    const idle = client.step('idle');
    await client.request({ type: 'journey.cancel' });
    await idle;

    client.received.length = 0;
    expect((await platform.pay(transactionId)).responseStatus).toBe(200);
    expect((await platform.pay(transactionId)).responseStatus).toBe(200);
    expect(env.core.payment?.ledger.statusOf(dossierCode)).toBe('paid');
    expect(audited('payment.paid', dossierCode)).toBe(1);
    // A staff reprint says paid; the kiosk stays on the idle screen.
    expect(env.core.receipts.get(dossierCode)?.receipt.fee?.paid).toBe(true);
    expect(env.core.journey.getSnapshot().matches({ journey: 'idle' })).toBe(true);
  });
});
