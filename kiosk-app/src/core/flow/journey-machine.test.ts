import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { journeyMachine } from './journey-machine';
import {
  HAPPY,
  journeyTestActors,
  TEST_PERSON,
  TEST_PROCEDURE,
  type TwinBehaviour,
} from './journey-test-actors';

function start(behaviour: Partial<TwinBehaviour> = {}) {
  const clock = new SimulatedClock();
  const actor = createActor(
    journeyMachine.provide({ actors: journeyTestActors({ ...HAPPY, ...behaviour }) }),
    { clock },
  );
  actor.start();
  return { actor, clock };
}

const journeyOf = (actor: ReturnType<typeof start>['actor']) =>
  (actor.getSnapshot().value as { journey: unknown }).journey;

describe('journey machine', () => {
  it('goes from card to printed receipt', async () => {
    const { actor } = start();
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
    expect(actor.getSnapshot().context.citizen?.provenance.fullName).toBe('chip');
    expect(actor.getSnapshot().context.registry).toBe('pending');

    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: 'reviewingForm' }));
    const { context } = actor.getSnapshot();
    expect(context.citizen?.record.personalId).toBe(TEST_PERSON.personalId);
    expect(context.citizen?.provenance.ethnicity).toBe('registry');
    expect(context.registry).toBe('found');
    expect(context.form?.missing).toEqual(['phone']);

    actor.send({ type: 'CONTINUE' });
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    actor.send({ type: 'UPDATE_FIELD', fieldId: 'fullName', value: 'Someone Else', version: 0 });
    expect(actor.getSnapshot().context.form?.values.fullName).toBe(TEST_PERSON.fullName);
    actor.send({ type: 'UPDATE_FIELD', fieldId: 'phone', value: '0912345678', version: 0 });
    actor.send({ type: 'CONTINUE' });
    await waitFor(actor, (s) => s.matches({ journey: 'confirming' }));
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
    expect(actor.getSnapshot().context.receipt?.dossierCode).toBe('H01-261128-0001');
  });

  it('continues with card data when the registry is unavailable', async () => {
    const { actor } = start({ registry: 'unavailable' });
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: 'reviewingForm' }));
    expect(actor.getSnapshot().context.registry).toBe('unavailable');
    expect(actor.getSnapshot().context.citizen?.provenance.ethnicity).toBeUndefined();
  });

  it('a failed card read is a state with retry and other-method exits', async () => {
    const { actor } = start({ card: 'fail' });
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    await waitFor(actor, (s) => s.matches({ journey: 'identifyFailed' }));
    expect(actor.getSnapshot().context.error?.code).toBe('CARD_READ_FAILED');
    actor.send({ type: 'USE_OTHER_METHOD' });
    expect(journeyOf(actor)).toBe('idle');
  });

  it('waits for a key when a chip is placed without MRZ or QR, then reads with the QR', async () => {
    const { actor, clock } = start();
    actor.send({ type: 'CARD_PRESENTED', reader: 'R' });
    expect(
      actor.getSnapshot().matches({ journey: { identifying: { document: 'awaitingKey' } } }),
    ).toBe(true);
    actor.send({ type: 'QR_IDENTITY', text: 'QR' });
    await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
    const again = start();
    again.actor.send({ type: 'CARD_PRESENTED', reader: 'R' });
    again.clock.increment(45_000);
    expect(journeyOf(again.actor)).toBe('identifyFailed');
    void clock;
  });

  it('printer out of paper: dossier still submitted, receipt shown on screen', async () => {
    const { actor } = start({ printer: 'paperOut' });
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'M' });
    await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: 'reviewingForm' }));
    actor.send({ type: 'UPDATE_FIELD', fieldId: 'phone', value: '0912345678', version: 0 });
    actor.send({ type: 'CONTINUE' });
    await waitFor(actor, (s) => s.matches({ journey: 'confirming' }));
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches({ journey: 'printFailed' }));
    expect(actor.getSnapshot().context.receipt).toBeDefined();
    expect(actor.getSnapshot().context.error?.code).toBe('PRINTER_PAPER_OUT');
    actor.send({ type: 'FINISH' });
    expect(actor.getSnapshot().context.receipt).toBeUndefined();
  });

  it('inactivity: warning after 60 s, reset and wipe after the countdown, activity postpones', async () => {
    const { actor, clock } = start();
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'M' });
    await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
    clock.increment(59_000);
    actor.send({ type: 'ACTIVITY' });
    clock.increment(59_000);
    expect(actor.getSnapshot().matches({ attention: 'watching' })).toBe(true);
    clock.increment(1_000);
    expect(actor.getSnapshot().matches({ attention: 'warning' })).toBe(true);
    expect(journeyOf(actor)).toEqual({ choosingProcedure: 'browsing' });
    clock.increment(15_000);
    expect(journeyOf(actor)).toBe('idle');
    expect(actor.getSnapshot().context.citizen).toBeUndefined();
    expect(actor.getSnapshot().context.sources).toEqual({});
  });

  it('no inactivity warning while idle', () => {
    const { actor, clock } = start();
    clock.increment(10 * 60_000);
    expect(actor.getSnapshot().matches({ attention: 'watching' })).toBe(true);
  });

  it('cancel from any interactive state returns to idle and wipes', async () => {
    const { actor } = start();
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'M' });
    await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: 'reviewingForm' }));
    actor.send({ type: 'CANCEL' });
    expect(journeyOf(actor)).toBe('idle');
    expect(actor.getSnapshot().context.form).toBeUndefined();
  });

  it('status lookup from a receipt QR', async () => {
    const { actor } = start();
    actor.send({ type: 'RECEIPT_QR', code: 'H01-261128-0001' });
    await waitFor(actor, (s) => s.matches({ journey: { statusLookup: 'found' } }));
    expect(actor.getSnapshot().context.statusResult?.status).toBe('processing');
    actor.send({ type: 'BACK' });
    expect(journeyOf(actor)).toBe('idle');
  });

  it('unknown procedure stays on the catalogue with an error', async () => {
    const { actor } = start();
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'M' });
    await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
    actor.send({ type: 'SELECT_PROCEDURE', code: 'NOPE' });
    await waitFor(actor, (s) => s.context.error?.code === 'UNKNOWN_PROCEDURE');
    expect(journeyOf(actor)).toEqual({ choosingProcedure: 'browsing' });
  });
});
