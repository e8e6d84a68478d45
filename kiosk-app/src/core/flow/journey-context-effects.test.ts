/**
 * What each step writes into the journey's context, taken one transition at a time (pure
 * `transition`, no actors run): the error a screen shows, the key a chip is opened with, the
 * printer state a receipt is printed against. The path tests check where the chart goes; these
 * check what it remembers on the way.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import type { SnapshotFrom } from 'xstate';
import { journeyMachine } from './journey-machine';
import {
  TEST_FEE_RECEIPT,
  TEST_PERSON,
  TEST_PROCEDURE,
  TEST_RECEIPT,
  testForm,
} from './journey-test-actors';

type Snapshot = SnapshotFrom<typeof journeyMachine>;
type AnyEvent = { type: string; [key: string]: unknown };

const [start] = initialTransition(journeyMachine);
const step = (from: Snapshot, ...events: AnyEvent[]): Snapshot =>
  events.reduce((s, e) => transition(journeyMachine, s, e as never)[0], from);
const at = (value: unknown, context: Partial<Snapshot['context']> = {}): Snapshot =>
  journeyMachine.resolveState({
    value: { journey: value, attention: 'watching' } as never,
    context: { ...start.context, ...context },
  });

describe('identification', () => {
  it('a card taken away while it is read fails as CARD_REMOVED', () => {
    const s = step(
      start,
      { type: 'CARD_PRESENTED', reader: 'R', mrz: 'M' },
      { type: 'CARD_REMOVED' },
    );
    expect(s.matches({ journey: 'identifyFailed' })).toBe(true);
    expect(s.context.error).toEqual({ code: 'CARD_REMOVED' });
  });

  it('a chip card waits for its key, and keeps the QR or MRZ shown as that key', () => {
    const waiting = step(start, { type: 'CARD_PRESENTED', reader: 'R' });
    expect(waiting.matches({ journey: { identifying: { document: 'awaitingKey' } } })).toBe(true);
    expect(waiting.hasTag('interactive')).toBe(true);
    const byQr = step(waiting, { type: 'QR_IDENTITY', text: 'Q' });
    expect(byQr.context.trigger).toEqual({ method: 'chip', reader: 'R', qr: 'Q' });
    const byMrz = step(waiting, { type: 'MRZ_READ', text: 'M' });
    expect(byMrz.context.trigger).toEqual({ method: 'chip', reader: 'R', mrz: 'M' });
    expect(byMrz.matches({ journey: { identifying: { document: 'reading' } } })).toBe(true);
  });

  it('a chip card given no key in time fails as CARD_ACCESS_DENIED', () => {
    const s = step(
      start,
      { type: 'CARD_PRESENTED', reader: 'R' },
      { type: 'xstate.after.keyWait.kiosk.journey.identifying.document.awaitingKey' },
    );
    expect(s.matches({ journey: 'identifyFailed' })).toBe(true);
    expect(s.context.error).toEqual({
      code: 'CARD_ACCESS_DENIED',
      detail: 'no MRZ or QR was presented',
    });
  });

  it('a QR or MRZ shown at an idle kiosk starts an identification by that document alone', () => {
    const byQr = step(start, { type: 'QR_IDENTITY', text: 'Q' });
    expect(byQr.matches({ journey: 'identifying' })).toBe(true);
    expect(byQr.hasTag('busy')).toBe(true);
    expect(byQr.context.trigger).toEqual({ method: 'qr', text: 'Q' });
    const byMrz = step(start, { type: 'MRZ_READ', text: 'M' });
    expect(byMrz.matches({ journey: 'identifying' })).toBe(true);
    expect(byMrz.context.trigger).toEqual({ method: 'mrz', text: 'M' });
  });

  it('keeps the ID, name and birth date the chip gives before its read ends', () => {
    const s = step(
      start,
      { type: 'MRZ_READ', text: 'M' },
      {
        type: 'document.idKnown',
        personalId: TEST_PERSON.personalId,
        fullName: TEST_PERSON.fullName,
        dateOfBirth: TEST_PERSON.dateOfBirth,
      },
    );
    expect(s.context.personalId).toBe(TEST_PERSON.personalId);
    expect(s.context.idHints).toEqual({
      fullName: TEST_PERSON.fullName,
      dateOfBirth: TEST_PERSON.dateOfBirth,
    });
  });
});

describe('checkout', () => {
  it('a printer that cannot be asked counts as unavailable, and the dossier is still filed', () => {
    const dossier = {
      citizen: {
        record: TEST_PERSON,
        provenance: {},
        mismatches: [],
        assurance: 'document-only' as const,
      },
      procedure: TEST_PROCEDURE,
      form: testForm({}),
    };
    const s = step(at('checkingPrinter', dossier), {
      type: 'xstate.error.actor.checkPrinter',
      error: new Error('x'),
    });
    expect(s.matches({ journey: 'submitting' })).toBe(true);
    expect(s.hasTag('busy')).toBe(true);
    expect(s.context.printer).toEqual({ ready: false, error: { code: 'PRINTER_UNAVAILABLE' } });
  });

  it('confirming is interactive and goes back to the form', () => {
    const s = at('confirming');
    expect(s.hasTag('interactive')).toBe(true);
    expect(step(s, { type: 'BACK' }).matches({ journey: 'reviewingForm' })).toBe(true);
  });

  it('a fee left to the counter takes the payment QR off the screen', () => {
    const payment = {
      qrPayload: '000201',
      amountVnd: 20_000,
      waitSeconds: 180,
      expiresAt: '2026-11-28T09:03:00+07:00',
    };
    const s = step(at({ payingFee: 'waiting' }, { receipt: TEST_FEE_RECEIPT, payment }), {
      type: 'PAY_LATER',
    });
    expect(s.context.payment).toBeUndefined();
  });
});

describe('status lookup', () => {
  it('remembers the code a receipt QR carries', () => {
    const s = step(start, { type: 'RECEIPT_QR', code: TEST_RECEIPT.dossierCode });
    expect(s.context.statusResult).toEqual({ dossierCode: TEST_RECEIPT.dossierCode, status: '' });
  });
});
