import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { TEST_PERSON, TEST_PROCEDURE } from './journey-test-actors';
import { journeyWithRegistryAnswer } from './journey-with-registry-answer';

/**
 * A registry record with a date of death (Luật Căn cước 2023, Điều 9 khoản 24) belongs to no one
 * who can apply: the journey stops with a message instead of filling a form from it.
 */
function journeyWithDeadRecord(prefetch = false, answerAfterMs = 0) {
  return journeyWithRegistryAnswer(
    { kind: 'found', record: { ...TEST_PERSON, dateOfDeath: '2025-03-01' } },
    { answerAfterMs, prefetch },
  );
}

describe('a registry record marked dead', () => {
  it('stops the journey once the procedure is chosen with REGISTRY_RECORD_CLOSED', async () => {
    const { actor } = journeyWithDeadRecord();
    await waitFor(actor, (s) => s.matches({ journey: { choosingProcedure: 'browsing' } }));
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: 'identifyFailed' }));
    const { context } = actor.getSnapshot();
    expect(context.error?.code).toBe('REGISTRY_RECORD_CLOSED');
    expect(context.citizen).toBeUndefined();
    expect(context.form).toBeUndefined();
  });

  it('stops the journey at identification when the lookup is prefetched', async () => {
    const { actor } = journeyWithDeadRecord(true);
    await waitFor(actor, (s) => s.matches({ journey: 'identifyFailed' }));
    expect(actor.getSnapshot().context.error?.code).toBe('REGISTRY_RECORD_CLOSED');
    expect(actor.getSnapshot().context.citizen).toBeUndefined();
  });

  it('stops the journey when the record comes after the registry budget', async () => {
    const { actor, clock } = journeyWithDeadRecord(false, 5_000);
    await waitFor(actor, (s) => s.matches({ journey: { choosingProcedure: 'browsing' } }));
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    clock.increment(3_000);
    await waitFor(actor, (s) => s.matches({ journey: 'reviewingForm' }));
    clock.increment(2_000);
    await waitFor(actor, (s) => s.matches({ journey: 'identifyFailed' }));
    const { context } = actor.getSnapshot();
    expect(context.error?.code).toBe('REGISTRY_RECORD_CLOSED');
    expect(context.citizen).toBeUndefined();
    expect(context.form).toBeUndefined();
  });
});
