import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { journeyMachine } from './journey-machine';
import type { LookupRegistryInput, RegistryOutcome } from './journey-services';
import { HAPPY, journeyTestActors } from './journey-test-actors';

/**
 * A journey started with a card whose registry lookup answers `outcome`, at once or after
 * `answerAfterMs` on a simulated clock, with or without `registry.prefetch` (unit tests only).
 */
export function journeyWithRegistryAnswer(
  outcome: RegistryOutcome,
  { answerAfterMs = 0, prefetch = false }: { answerAfterMs?: number; prefetch?: boolean } = {},
) {
  const clock = new SimulatedClock();
  const actors = {
    ...journeyTestActors(HAPPY),
    lookupRegistry: fromPromise<RegistryOutcome, LookupRegistryInput>(
      () =>
        new Promise((resolve) => {
          if (answerAfterMs === 0) resolve(outcome);
          else clock.setTimeout(() => resolve(outcome), answerAfterMs);
        }),
    ),
  };
  const actor = createActor(
    journeyMachine.provide({ actors, guards: { registryPrefetch: () => prefetch } }),
    { clock },
  );
  actor.start();
  actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
  return { actor, clock };
}
