import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { PaymentLedger } from './payment-ledger';
import { notificationSignature } from './payment-notification';

const KEY = Buffer.from('synthetic-unit-key');

function ledger(audited: string[] = []): PaymentLedger {
  return new PaymentLedger(
    openDatabase(':memory:'),
    KEY,
    (action, _subject, detail) => audited.push(`${action} ${detail}`),
    () => new Date('2026-12-07T02:00:00Z'),
  );
}

describe('PaymentLedger.receive', () => {
  it('answers any body and header with a rejection, never a throw (property)', () => {
    const subject = ledger();
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.option(fc.string()), (body, header) => {
        const outcome = subject.receive(body, header ?? undefined);
        expect(outcome.kind).toBe('rejected');
      }),
    );
  });

  it('answers any correctly signed body with an outcome, never a throw (property)', () => {
    const subject = ledger();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const body = JSON.stringify(value);
        const outcome = subject.receive(body, notificationSignature(body, KEY));
        expect(outcome).toEqual({ kind: 'rejected', code: 'PAYMENT_MALFORMED' });
      }),
    );
  });

  it('audits every rejection with its code', () => {
    const audited: string[] = [];
    ledger(audited).receive('{}', 'sha256=00');
    expect(audited).toEqual([
      'payment.rejected PAYMENT_SIGNATURE_INVALID: the HMAC does not match the body',
    ]);
  });
});
