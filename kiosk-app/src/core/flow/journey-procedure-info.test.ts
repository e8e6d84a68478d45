import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { journeyMachine } from './journey-machine';
import { journeyView } from './journey-view';
import {
  HAPPY,
  journeyTestActors,
  TEST_PERSON,
  TEST_PROCEDURE,
  TEST_PROCEDURE_INFO,
} from './journey-test-actors';

function start() {
  const actor = createActor(journeyMachine.provide({ actors: journeyTestActors(HAPPY) }), {
    clock: new SimulatedClock(),
  });
  actor.start();
  return actor;
}

type Actor = ReturnType<typeof start>;
const pageOf = (actor: Actor) => journeyView(actor.getSnapshot(), 15).procedurePage;

describe('procedure page (issue 18)', () => {
  it('opens a scanned procedure, then goes from the card straight to its form', async () => {
    const actor = start();
    actor.send({ type: 'PROCEDURE_QR', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: { procedureInfo: 'showing' } }));
    expect(journeyView(actor.getSnapshot(), 15).step).toBe('procedureInfo');
    expect(pageOf(actor)).toEqual({
      phase: 'showing',
      code: TEST_PROCEDURE.code,
      info: TEST_PROCEDURE_INFO,
      problem: undefined,
    });

    actor.send({ type: 'START_SUBMISSION' });
    expect(pageOf(actor)?.phase).toBe('awaitingCard');
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    await waitFor(actor, (s) => s.matches({ journey: 'reviewingForm' }));
    const { context } = actor.getSnapshot();
    expect(context.form?.procedureCode).toBe(TEST_PROCEDURE.code);
    expect(context.citizen?.record.personalId).toBe(TEST_PERSON.personalId);
    // Used once: going back from the form shows the catalogue, not the same form again.
    expect(context.preselectedProcedure).toBeUndefined();
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().matches({ journey: { choosingProcedure: 'browsing' } })).toBe(true);
  });

  it('says so when the scanned code is not in the catalogue, and leads back', async () => {
    const actor = start();
    actor.send({ type: 'PROCEDURE_QR', code: '9.999901' });
    await waitFor(actor, (s) => s.matches({ journey: { procedureInfo: 'problem' } }));
    expect(pageOf(actor)).toMatchObject({
      phase: 'problem',
      code: '9.999901',
      problem: 'unknownProcedure',
    });
    actor.send({ type: 'BACK' });
    expect(pageOf(actor)).toEqual({ phase: 'browsing' });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
  });

  it('says a web address that is no procedure page opens nothing', () => {
    const actor = start();
    actor.send({ type: 'PROCEDURE_QR_INVALID', reason: 'PROCEDURE_QR_NOT_PORTAL' });
    expect(pageOf(actor)).toMatchObject({ phase: 'problem', problem: 'notProcedure' });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
  });

  it('opens a page from the catalogue without a card, and a new scan replaces it', async () => {
    const actor = start();
    actor.send({ type: 'OPEN_PROCEDURE_CATALOGUE' });
    expect(pageOf(actor)?.phase).toBe('browsing');
    actor.send({ type: 'OPEN_PROCEDURE_INFO', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: { procedureInfo: 'showing' } }));
    actor.send({ type: 'PROCEDURE_QR', code: '9.999901' });
    await waitFor(actor, (s) => s.matches({ journey: { procedureInfo: 'problem' } }));
    expect(pageOf(actor)?.info).toBeUndefined();
  });

  it('a card placed on the catalogue screen without a card starts no journey', () => {
    const actor = start();
    actor.send({ type: 'OPEN_PROCEDURE_CATALOGUE' });
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    expect(actor.getSnapshot().matches({ journey: { procedureInfo: 'browsing' } })).toBe(true);
  });
});
