import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { journeyMachine } from './journey-machine';
import { HAPPY, journeyTestActors, TEST_RECEIPT } from './journey-test-actors';

function start() {
  const clock = new SimulatedClock();
  const actor = createActor(journeyMachine.provide({ actors: journeyTestActors(HAPPY) }), {
    clock,
  });
  actor.start();
  return { actor, clock };
}

describe('a receipt resumed after a restart', () => {
  it('shows the receipt on the printer-failed screen, and print again prints it', async () => {
    const { actor } = start();
    actor.send({ type: 'RESUME_RECEIPT', receipt: TEST_RECEIPT });
    const snapshot = actor.getSnapshot();
    expect(snapshot.matches({ journey: 'printFailed' })).toBe(true);
    expect(snapshot.context.receipt?.dossierCode).toBe(TEST_RECEIPT.dossierCode);
    expect(snapshot.context.error?.code).toBe('PRINT_FAILED');
    expect(snapshot.context.citizen).toBeUndefined();
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.matches({ journey: 'done' }));
  });

  it('is taken off the screen by the inactivity reset, for the next citizen', () => {
    const { actor, clock } = start();
    actor.send({ type: 'RESUME_RECEIPT', receipt: TEST_RECEIPT });
    clock.increment(60_000);
    expect(actor.getSnapshot().matches({ attention: 'warning' })).toBe(true);
    clock.increment(15_000);
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.receipt).toBeUndefined();
  });

  it('never interrupts a citizen already in a journey', async () => {
    const { actor } = start();
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'M' });
    await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
    actor.send({ type: 'RESUME_RECEIPT', receipt: TEST_RECEIPT });
    expect(actor.getSnapshot().matches({ journey: 'choosingProcedure' })).toBe(true);
    expect(actor.getSnapshot().context.receipt).toBeUndefined();
  });
});
