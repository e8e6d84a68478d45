import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { journeyMachine } from './journey-machine';
import { HAPPY, journeyTestActors, TEST_RECEIPT } from './journey-test-actors';
import type { RecordRatingInput } from './journey-services';
import { journeyView } from './journey-view';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A journey on the receipt screen (done), with the rating twin's sink. */
function atReceipt() {
  const ratings: RecordRatingInput[] = [];
  const clock = new SimulatedClock();
  const actor = createActor(
    journeyMachine.provide({ actors: journeyTestActors({ ...HAPPY, ratings }) }),
    { clock },
  );
  actor.start();
  actor.send({ type: 'RESUME_RECEIPT', receipt: TEST_RECEIPT });
  actor.send({ type: 'RETRY' });
  return { actor, clock, ratings };
}

describe('the rating after the receipt', () => {
  it('finishing the receipt asks for a rating that shows nothing of the citizen', async () => {
    const { actor } = atReceipt();
    await settle();
    expect(actor.getSnapshot().matches({ journey: 'done' })).toBe(true);
    actor.send({ type: 'FINISH' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.matches({ journey: 'rating' })).toBe(true);
    expect(snapshot.context.ratingFor).toBe(TEST_RECEIPT.dossierCode);
    expect(snapshot.context.receipt).toBeUndefined();
    const view = journeyView(snapshot, 15);
    expect(view.step).toBe('rating');
    expect(JSON.stringify(view)).not.toContain(TEST_RECEIPT.applicantName);
  });

  it('a rating is stored for the dossier code, then the kiosk is idle', async () => {
    const { actor, ratings } = atReceipt();
    await settle();
    actor.send({ type: 'FINISH' });
    actor.send({ type: 'RATE', level: 'dissatisfied', reasons: ['tooSlow'], comment: 'chậm' });
    await settle();
    expect(ratings).toEqual([
      {
        dossierCode: TEST_RECEIPT.dossierCode,
        level: 'dissatisfied',
        reasons: ['tooSlow'],
        comment: 'chậm',
      },
    ]);
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
  });

  it('skipping stores nothing and goes idle', async () => {
    const { actor, ratings } = atReceipt();
    await settle();
    actor.send({ type: 'FINISH' });
    actor.send({ type: 'SKIP_RATING' });
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
    expect(ratings).toEqual([]);
  });

  it('left alone, the screen times out to idle through the journey inactivity timing', async () => {
    const { actor, clock, ratings } = atReceipt();
    await settle();
    actor.send({ type: 'FINISH' });
    clock.increment(60_000);
    expect(actor.getSnapshot().matches({ attention: 'warning' })).toBe(true);
    clock.increment(15_000);
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.ratingFor).toBeUndefined();
    expect(ratings).toEqual([]);
  });
});
