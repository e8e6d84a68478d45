import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { journeyMachine } from './journey-machine';
import { journeyView } from './journey-view';
import {
  HAPPY,
  journeyTestActors,
  TEST_PROCEDURE,
  TEST_FEE_RECEIPT,
  type TwinBehaviour,
} from './journey-test-actors';

const PAYMENT_WAIT_MS = 180_000;

/** A journey whose filed dossier has a fee paid at submission (the core's guard says so). */
function start(behaviour: Partial<TwinBehaviour> = {}, feeDue = true) {
  const clock = new SimulatedClock();
  const actor = createActor(
    journeyMachine.provide({
      actors: journeyTestActors({ ...HAPPY, receipt: TEST_FEE_RECEIPT, ...behaviour }),
      guards: { feeDueAtKiosk: (_, { receipt }) => feeDue && receipt.fee?.paid === false },
      delays: { paymentWait: PAYMENT_WAIT_MS },
    }),
    { clock },
  );
  actor.start();
  return { actor, clock };
}

type JourneyActor = ReturnType<typeof start>['actor'];

async function fileDossier(actor: JourneyActor): Promise<void> {
  actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
  await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
  actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
  await waitFor(actor, (s) => s.matches({ journey: 'reviewingForm' }));
  actor.send({ type: 'UPDATE_FIELD', fieldId: 'phone', value: '0912345678', version: 0 });
  actor.send({ type: 'CONTINUE' });
  await waitFor(actor, (s) => s.matches({ journey: 'confirming' }));
  actor.send({ type: 'CONFIRM' });
}

async function reachQr(actor: JourneyActor): Promise<void> {
  await fileDossier(actor);
  await waitFor(actor, (s) => s.matches({ journey: { payingFee: 'waiting' } }));
}

const feeOf = (actor: JourneyActor) => actor.getSnapshot().context.receipt?.fee;

describe('the payment step after filing (issue 17)', () => {
  it('shows the VietQR, and the paid notification for this dossier prints the slip as paid', async () => {
    const { actor } = start();
    await reachQr(actor);
    const view = journeyView(actor.getSnapshot(), 15);
    expect(view.step).toBe('payingFee');
    expect(view.payment).toMatchObject({ phase: 'waiting', qr: { amountVnd: 20_000 } });
    actor.send({ type: 'FEE_PAID', dossierCode: TEST_FEE_RECEIPT.dossierCode });
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
    expect(feeOf(actor)).toEqual({ amountVnd: 20_000, paid: true });
    expect(actor.getSnapshot().context.payment).toBeUndefined();
  });

  it("ignores another dossier's payment; pay later prints the slip as not paid", async () => {
    const { actor } = start();
    await reachQr(actor);
    actor.send({ type: 'FEE_PAID', dossierCode: 'H01-261128-0099' });
    expect(actor.getSnapshot().matches({ journey: { payingFee: 'waiting' } })).toBe(true);
    actor.send({ type: 'PAY_LATER' });
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
    expect(feeOf(actor)).toEqual({ amountVnd: 20_000, paid: false });
  });

  it('leaves the fee to the counter when the wait runs out, not before', async () => {
    const { actor, clock } = start();
    await reachQr(actor);
    clock.increment(PAYMENT_WAIT_MS - 1);
    expect(actor.getSnapshot().matches({ journey: { payingFee: 'waiting' } })).toBe(true);
    // The inactivity warning stays away: the screen has its own countdown.
    expect(actor.getSnapshot().matches({ attention: 'warning' })).toBe(false);
    clock.increment(1);
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
    expect(feeOf(actor)?.paid).toBe(false);
  });

  it('a cancel on the payment screen still prints the filed dossier’s slip', async () => {
    const { actor } = start();
    await reachQr(actor);
    actor.send({ type: 'CANCEL' });
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
    expect(actor.getSnapshot().context.receipt?.dossierCode).toBe(TEST_FEE_RECEIPT.dossierCode);
  });

  it('pay later is taken while the QR is still being prepared', async () => {
    const { actor } = start();
    await fileDossier(actor);
    await waitFor(actor, (s) => s.matches({ journey: { payingFee: 'requesting' } }));
    actor.send({ type: 'PAY_LATER' });
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
    expect(feeOf(actor)?.paid).toBe(false);
  });

  it('a platform that cannot open the transaction leaves the fee to the counter', async () => {
    const { actor } = start({ payment: 'fail' });
    await fileDossier(actor);
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
    expect(feeOf(actor)?.paid).toBe(false);
  });

  it('a payment after the wait ran out changes nothing on screen', async () => {
    const { actor, clock } = start();
    await reachQr(actor);
    clock.increment(PAYMENT_WAIT_MS);
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
    actor.send({ type: 'FEE_PAID', dossierCode: TEST_FEE_RECEIPT.dossierCode });
    expect(feeOf(actor)?.paid).toBe(false);
    expect(actor.getSnapshot().matches({ journey: 'done' })).toBe(true);
  });

  it('without a fee due at the kiosk the slip is printed straight away', async () => {
    const { actor } = start({}, false);
    await fileDossier(actor);
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
    expect(actor.getSnapshot().context.payment).toBeUndefined();
  });

  it('a printer that failed its check leaves the slip on screen after the payment', async () => {
    const { actor } = start({ printer: 'paperOut' });
    await reachQr(actor);
    actor.send({ type: 'FEE_PAID', dossierCode: TEST_FEE_RECEIPT.dossierCode });
    await waitFor(actor, (s) => s.matches({ journey: 'printFailed' }));
    expect(actor.getSnapshot().context.error?.code).toBe('PRINTER_PAPER_OUT');
    expect(feeOf(actor)?.paid).toBe(true);
  });
});
