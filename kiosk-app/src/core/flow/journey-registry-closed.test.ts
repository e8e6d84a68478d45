import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, waitFor } from 'xstate';
import { journeyMachine } from './journey-machine';
import type { LookupRegistryInput, RegistryOutcome } from './journey-services';
import { HAPPY, journeyTestActors, TEST_PERSON } from './journey-test-actors';

/**
 * A registry record with a date of death (Luật Căn cước 2023, Điều 9 khoản 24) belongs to no one
 * who can apply: the journey stops with a message instead of filling a form from it.
 */
describe('a registry record marked dead', () => {
  it('stops the journey at identification with REGISTRY_RECORD_CLOSED', async () => {
    const actors = {
      ...journeyTestActors(HAPPY),
      lookupRegistry: fromPromise<RegistryOutcome, LookupRegistryInput>(async () => ({
        kind: 'found',
        record: { ...TEST_PERSON, dateOfDeath: '2025-03-01' },
      })),
    };
    const actor = createActor(journeyMachine.provide({ actors }), {
      clock: new SimulatedClock(),
    });
    actor.start();
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    await waitFor(actor, (s) => s.matches({ journey: 'identifyFailed' }));
    expect(actor.getSnapshot().context.error?.code).toBe('REGISTRY_RECORD_CLOSED');
    expect(actor.getSnapshot().context.citizen).toBeUndefined();
  });
});
