/**
 * Issue 15, item 3: on the review screen the citizen says which optional papers ("nếu có") they
 * have; the journey keeps the counts for the dossier and forgets them when the journey ends.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, waitFor } from 'xstate';
import type { ProcedureSummary, ReceiptView } from '@kiosk/protocol';
import { journeyMachine } from './journey-machine';
import type { PrepareFormInput, PreparedForm, SubmitDossierInput } from './journey-services';
import {
  HAPPY,
  journeyTestActors,
  TEST_PROCEDURE,
  TEST_RECEIPT,
  testForm,
} from './journey-test-actors';

const WITH_PAPERS: ProcedureSummary = {
  ...TEST_PROCEDURE,
  documents: [
    { name: { vi: 'Tờ khai', en: 'Form' }, copies: 1, original: true },
    {
      name: { vi: 'Văn bản ủy quyền (nếu có)', en: 'Power of attorney' },
      copies: 2,
      original: false,
      optional: true,
    },
  ],
};

function start() {
  const twins = journeyTestActors(HAPPY);
  const submitted: SubmitDossierInput[] = [];
  const machine = journeyMachine.provide({
    actors: {
      ...twins,
      prepareForm: fromPromise<PreparedForm, PrepareFormInput>(async ({ input }) => ({
        procedure: WITH_PAPERS,
        form: testForm({ fullName: input.citizen.record.fullName }),
      })),
      submitDossier: fromPromise<ReceiptView, SubmitDossierInput>(async ({ input }) => {
        submitted.push(input);
        return TEST_RECEIPT;
      }),
    },
  });
  const actor = createActor(machine, { clock: new SimulatedClock() });
  actor.start();
  return { actor, submitted };
}

async function reachReview(actor: ReturnType<typeof start>['actor']): Promise<void> {
  actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
  await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
  actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
  await waitFor(actor, (s) => s.matches({ journey: 'reviewingForm' }));
}

describe('optional papers on the review screen', () => {
  it('starts with none, records the procedure count for "có" and 0 for "không"', async () => {
    const { actor } = start();
    await reachReview(actor);
    expect(actor.getSnapshot().context.optionalPapers).toEqual({});
    actor.send({ type: 'SET_OPTIONAL_PAPER', index: 1, has: true });
    expect(actor.getSnapshot().context.optionalPapers).toEqual({ 1: 2 });
    actor.send({ type: 'SET_OPTIONAL_PAPER', index: 1, has: false });
    expect(actor.getSnapshot().context.optionalPapers).toEqual({ 1: 0 });
    actor.stop();
  });

  it('refuses a paper that is required or not in the procedure', async () => {
    const { actor } = start();
    await reachReview(actor);
    actor.send({ type: 'SET_OPTIONAL_PAPER', index: 0, has: true });
    actor.send({ type: 'SET_OPTIONAL_PAPER', index: 7, has: true });
    expect(actor.getSnapshot().context.optionalPapers).toEqual({});
    actor.stop();
  });

  it('sends the counts with the dossier and forgets them when the journey ends', async () => {
    const { actor, submitted } = start();
    await reachReview(actor);
    actor.send({ type: 'SET_OPTIONAL_PAPER', index: 1, has: true });
    actor.send({ type: 'UPDATE_FIELD', fieldId: 'phone', value: '0912345678', version: 0 });
    actor.send({ type: 'CONTINUE' });
    await waitFor(actor, (s) => s.matches({ journey: 'confirming' }));
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
    expect(submitted.map((s) => s.optionalPapers)).toEqual([{ 1: 2 }]);
    actor.send({ type: 'FINISH' });
    await waitFor(actor, (s) => !s.matches({ journey: 'done' }));
    expect(actor.getSnapshot().context.optionalPapers).toBeUndefined();
    actor.stop();
  });

  it('going back to the procedure list forgets the answers', async () => {
    const { actor } = start();
    await reachReview(actor);
    actor.send({ type: 'SET_OPTIONAL_PAPER', index: 1, has: true });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().context.optionalPapers).toBeUndefined();
    actor.stop();
  });
});
