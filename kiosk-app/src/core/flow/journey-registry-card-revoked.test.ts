import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import type { RegistryCardStatus } from '../links/registry/population-registry';
import { TEST_PERSON, TEST_PROCEDURE } from './journey-test-actors';
import { journeyWithRegistryAnswer } from './journey-with-registry-answer';

/**
 * A card the registry records as revoked or cancelled (Luật Căn cước 2023, Điều 29) identifies
 * nobody: the journey stops with a message and a way to the counter, whatever the chip says. The
 * registry is asked once the procedure is chosen, so that is where it stops (at identification
 * with `registry.prefetch`).
 */
function journeyWithCard(cardStatus: RegistryCardStatus, answerAfterMs = 0, prefetch = false) {
  return journeyWithRegistryAnswer(
    { kind: 'found', record: TEST_PERSON, cardStatus },
    { answerAfterMs, prefetch },
  );
}

/** The citizen picks the procedure once the card is read: the registry is asked now. */
async function choose(actor: ReturnType<typeof journeyWithCard>['actor']): Promise<void> {
  await waitFor(actor, (s) => s.matches({ journey: { choosingProcedure: 'browsing' } }));
  actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
}

describe('a card the registry records as revoked', () => {
  it.each(['revoked', 'cancelled'] as const)(
    'stops a %s card once the procedure is chosen with REGISTRY_CARD_REVOKED',
    async (status) => {
      const { actor } = journeyWithCard(status);
      await choose(actor);
      await waitFor(actor, (s) => s.matches({ journey: 'identifyFailed' }));
      expect(actor.getSnapshot().context.error?.code).toBe('REGISTRY_CARD_REVOKED');
      expect(actor.getSnapshot().context.citizen).toBeUndefined();
    },
  );

  it('stops a revoked card at identification when the lookup is prefetched', async () => {
    const { actor } = journeyWithCard('revoked', 0, true);
    await waitFor(actor, (s) => s.matches({ journey: 'identifyFailed' }));
    expect(actor.getSnapshot().context.error?.code).toBe('REGISTRY_CARD_REVOKED');
    expect(actor.getSnapshot().context.citizen).toBeUndefined();
  });

  it('leaves a way back: the citizen can start again from the idle screen', async () => {
    const { actor } = journeyWithCard('revoked');
    await choose(actor);
    await waitFor(actor, (s) => s.matches({ journey: 'identifyFailed' }));
    actor.send({ type: 'USE_OTHER_METHOD' });
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.error).toBeUndefined();
  });

  it('stops the journey when the revoked status arrives after the registry budget', async () => {
    const { actor, clock } = journeyWithCard('revoked', 5_000);
    await choose(actor);
    await waitFor(actor, (s) => s.matches({ journey: { choosingProcedure: 'lookingUp' } }));
    clock.increment(3_000); // the registry budget: the journey goes on with the card's data
    await waitFor(actor, (s) => s.matches({ journey: 'reviewingForm' }));
    expect(actor.getSnapshot().context.registry).toBe('late');
    clock.increment(2_000);
    await waitFor(actor, (s) => s.matches({ journey: 'identifyFailed' }));
    expect(actor.getSnapshot().context.error?.code).toBe('REGISTRY_CARD_REVOKED');
    expect(actor.getSnapshot().context.citizen).toBeUndefined();
  });

  it.each(['in-force', 'unknown'] as const)(
    'lets a card the registry calls %s through',
    async (status) => {
      const { actor } = journeyWithCard(status);
      await choose(actor);
      await waitFor(actor, (s) => s.matches({ journey: 'reviewingForm' }));
      expect(actor.getSnapshot().context.error).toBeUndefined();
    },
  );
});
