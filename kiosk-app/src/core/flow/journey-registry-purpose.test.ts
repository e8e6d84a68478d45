/**
 * Issue 16, "registry request like the national API": the registry is asked for a purpose, the
 * procedure the citizen chose, whose national code is the request's MaDVC. A card read by someone
 * who walks away before choosing causes no lookup. Only a centre whose configuration allows it
 * (`registry.prefetch`) asks as soon as the identity is known, and then asks once per journey.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, waitFor } from 'xstate';
import { journeyMachine } from './journey-machine';
import type { LookupRegistryInput, RegistryOutcome } from './journey-services';
import { journeyView } from './journey-view';
import {
  HAPPY,
  journeyTestActors,
  TEST_PERSON,
  TEST_PROCEDURE,
  type TwinBehaviour,
} from './journey-test-actors';

const ASKED_AS_NATIONAL_API = {
  personalId: TEST_PERSON.personalId,
  fullName: TEST_PERSON.fullName,
  dateOfBirth: TEST_PERSON.dateOfBirth,
};

function start(prefetch: boolean) {
  const asked: LookupRegistryInput[] = [];
  // Mutable: a test can take the registry down between two lookups.
  const behaviour: TwinBehaviour = { ...HAPPY, registryAsked: asked };
  const actor = createActor(
    journeyMachine.provide({
      actors: journeyTestActors(behaviour),
      guards: { registryPrefetch: () => prefetch },
    }),
    { clock: new SimulatedClock() },
  );
  actor.start();
  return { actor, asked, behaviour };
}

type Actor = ReturnType<typeof start>['actor'];

async function readCard(actor: Actor): Promise<void> {
  actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
  await waitFor(actor, (s) => s.matches({ journey: { choosingProcedure: 'browsing' } }));
}

/** Lets every pending promise (a lookup the chart might have started) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('registry lookup once the procedure is chosen', () => {
  it('asks nothing while the citizen reads the card and browses the catalogue', async () => {
    const { actor, asked } = start(false);
    await readCard(actor);
    await settle();
    expect(asked).toEqual([]);
    expect(actor.getSnapshot().context.registry).toBe('pending');
    expect(actor.getSnapshot().context.citizen?.record.personalId).toBe(TEST_PERSON.personalId);
  });

  it('asks nothing for a citizen who walks away before choosing', async () => {
    const { actor, asked } = start(false);
    await readCard(actor);
    actor.send({ type: 'CANCEL' });
    await settle();
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
    expect(asked).toEqual([]);
  });

  it("asks with the chosen procedure's code and the ID, full name and date of birth", async () => {
    const { actor, asked } = start(false);
    await readCard(actor);
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    expect(asked).toEqual([{ ...ASKED_AS_NATIONAL_API, procedureCode: TEST_PROCEDURE.code }]);
    expect(actor.getSnapshot().context.citizen?.provenance.ethnicity).toBe('registry');
  });

  it('asks for the procedure chosen on its page before the card', async () => {
    const { actor, asked } = start(false);
    actor.send({ type: 'PROCEDURE_QR', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: { procedureInfo: 'showing' } }));
    actor.send({ type: 'START_SUBMISSION' });
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    expect(asked).toEqual([{ ...ASKED_AS_NATIONAL_API, procedureCode: TEST_PROCEDURE.code }]);
  });

  it('shows "đang tra cứu" between the choice and the form', async () => {
    const held = fromPromise<RegistryOutcome, LookupRegistryInput>(() => new Promise(() => {}));
    const actor = createActor(
      journeyMachine.provide({ actors: { ...journeyTestActors(HAPPY), lookupRegistry: held } }),
      { clock: new SimulatedClock() },
    );
    actor.start();
    await readCard(actor);
    expect(journeyView(actor.getSnapshot(), 15).lookingUp).toBeUndefined();
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    const view = journeyView(actor.getSnapshot(), 15);
    expect(view.step).toBe('choosingProcedure');
    expect(view.lookingUp).toBe(true);
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
  });

  it('reuses the answer when the citizen goes back and chooses the same procedure', async () => {
    const { actor, asked } = start(false);
    await readCard(actor);
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    actor.send({ type: 'BACK' });
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    expect(asked).toHaveLength(1);
  });

  it('asks again for another procedure, forgetting what was given for the first', async () => {
    const { actor, asked, behaviour } = start(false);
    await readCard(actor);
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    expect(actor.getSnapshot().context.sources.registry).toBeDefined();
    actor.send({ type: 'BACK' });
    // The registry is down by now: nothing of the first answer may serve the second purpose.
    behaviour.registry = 'unavailable';
    const other = '1.001612';
    actor.send({ type: 'SELECT_PROCEDURE', code: other });
    await waitFor(actor, (s) => s.context.registry === 'unavailable');
    expect(asked[1]).toEqual({ ...ASKED_AS_NATIONAL_API, procedureCode: other });
    const { context } = actor.getSnapshot();
    expect(context.sources.registry).toBeUndefined();
    expect(Object.values(context.citizen?.provenance ?? {})).not.toContain('registry');
  });
});

describe('registry.prefetch', () => {
  it('asks as soon as the identity is known, under the fallback code (no procedure code)', async () => {
    const { actor, asked } = start(true);
    await readCard(actor);
    expect(asked).toEqual([ASKED_AS_NATIONAL_API]);
    expect(actor.getSnapshot().context.registry).toBe('found');
  });

  it('reuses the answer for the chosen procedure: one request in the whole journey', async () => {
    const { actor, asked } = start(true);
    await readCard(actor);
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    expect(actor.getSnapshot().context.form?.values.fullName).toBe(TEST_PERSON.fullName);
    expect(actor.getSnapshot().context.citizen?.provenance.ethnicity).toBe('registry');
    actor.send({ type: 'BACK' });
    actor.send({ type: 'SELECT_PROCEDURE', code: '1.001612' });
    await waitFor(actor, (s) => s.matches({ journey: { choosingProcedure: 'browsing' } }));
    await settle();
    expect(asked).toHaveLength(1);
  });
});
