/**
 * Issue 24, "the citizen waits 11–16 s on 'giữ nguyên thẻ' while the registry times out": the
 * registry lookup has a total budget (`registryBudget`); when it runs out the journey goes on
 * with the card's data, marked `late`, and an answer that comes later still fills the citizen's
 * facts and the form the citizen is on, keeping what the citizen typed. The lookup is made once
 * the procedure is chosen (issue 16), or at identification with `registry.prefetch`; the budget
 * holds for both.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, waitFor } from 'xstate';
import type { FormView } from '@kiosk/protocol';
import { journeyMachine } from './journey-machine';
import type {
  LookupRegistryInput,
  PreparedForm,
  PrepareFormInput,
  RegistryOutcome,
} from './journey-services';
import {
  HAPPY,
  journeyTestActors,
  TEST_PERSON,
  TEST_PROCEDURE,
  testForm,
} from './journey-test-actors';

const BUDGET = 3_000;

/** A registry that answers only when the test says so (or never). */
function heldRegistry() {
  const asked: LookupRegistryInput[] = [];
  const answers: ((outcome: RegistryOutcome) => void)[] = [];
  const actor = fromPromise<RegistryOutcome, LookupRegistryInput>(({ input }) => {
    asked.push(input);
    return new Promise((resolve) => answers.push(resolve));
  });
  const answer = (outcome: RegistryOutcome) => {
    for (const resolve of answers.splice(0)) resolve(outcome);
  };
  return { actor, asked, answer };
}

/** A form with a field only the registry knows (ethnicity) and one the citizen types. */
const prepareForm = fromPromise<PreparedForm, PrepareFormInput>(async ({ input }) => {
  const ethnicity = input.citizen.record.ethnicity;
  const form: FormView = {
    procedureCode: TEST_PROCEDURE.code,
    title: { vi: 'Tờ khai', en: 'Form' },
    sections: [],
    values: { fullName: input.citizen.record.fullName, ...(ethnicity ? { ethnicity } : {}) },
    provenance: { fullName: 'chip', ...(ethnicity ? { ethnicity: 'registry' as const } : {}) },
    missing: ethnicity ? ['phone'] : ['phone', 'ethnicity'],
    issues: [],
    editable: ['phone', 'ethnicity'],
  };
  return { procedure: TEST_PROCEDURE, form };
});

function start(prefetch = false) {
  const clock = new SimulatedClock();
  const registry = heldRegistry();
  const actor = createActor(
    journeyMachine.provide({
      actors: { ...journeyTestActors(HAPPY), lookupRegistry: registry.actor, prepareForm },
      delays: { registryBudget: BUDGET },
      guards: { registryPrefetch: () => prefetch },
    }),
    { clock },
  );
  actor.start();
  return { actor, clock, registry };
}

/** The card is read and a procedure chosen: the registry is being asked for it. */
async function chooseProcedure(prefetch = false) {
  const started = start(prefetch);
  const { actor } = started;
  actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
  await waitFor(actor, (s) => s.matches({ journey: { choosingProcedure: 'browsing' } }));
  actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
  return started;
}

const FOUND: RegistryOutcome = { kind: 'found', record: { ...TEST_PERSON, ethnicity: 'Kinh' } };

describe('registry lookup budget', () => {
  it('a registry that never answers holds the citizen only for the budget', async () => {
    const { actor, clock, registry } = await chooseProcedure();
    expect(registry.asked).toHaveLength(1);
    expect(actor.getSnapshot().matches({ journey: { choosingProcedure: 'lookingUp' } })).toBe(true);
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    clock.increment(BUDGET);
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    const { context } = actor.getSnapshot();
    expect(context.registry).toBe('late');
    expect(context.citizen?.record.personalId).toBe(TEST_PERSON.personalId);
    expect(Object.values(context.citizen?.provenance ?? {})).not.toContain('registry');
  });

  it('a prefetch that never answers holds the citizen at identification only for the budget', async () => {
    const { actor, clock, registry } = start(true);
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    await waitFor(actor, (s) => s.matches({ journey: { identifying: { document: 'read' } } }));
    expect(registry.asked).toHaveLength(1);
    expect(actor.getSnapshot().matches({ journey: 'identifying' })).toBe(true);
    clock.increment(BUDGET);
    expect(actor.getSnapshot().matches({ journey: 'choosingProcedure' })).toBe(true);
    expect(actor.getSnapshot().context.registry).toBe('late');
  });

  it('an answer within the budget is taken at once', async () => {
    const { actor, registry } = await chooseProcedure();
    registry.answer(FOUND);
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    expect(actor.getSnapshot().context.registry).toBe('found');
    expect(actor.getSnapshot().context.citizen?.provenance.ethnicity).toBe('registry');
    expect(actor.getSnapshot().context.form?.values.ethnicity).toBe('Kinh');
  });

  it('a late answer fills the form the citizen is on and keeps what the citizen typed', async () => {
    const { actor, clock, registry } = await chooseProcedure();
    clock.increment(BUDGET);
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    expect(actor.getSnapshot().context.form?.values.ethnicity).toBeUndefined();
    actor.send({ type: 'UPDATE_FIELD', fieldId: 'phone', value: '0912345678', version: 0 });

    registry.answer(FOUND);
    await waitFor(actor, (s) => s.context.form?.values.ethnicity === 'Kinh');
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().matches({ journey: { reviewingForm: 'editing' } })).toBe(true);
    expect(context.registry).toBe('found');
    expect(context.citizen?.provenance.ethnicity).toBe('registry');
    expect(context.form?.provenance.ethnicity).toBe('registry');
    expect(context.form?.values.phone).toBe('0912345678');
    expect(context.form?.provenance.phone).toBe('citizen');
    expect(context.form?.missing).toEqual([]);
  });

  it('a late prefetch answer on the catalogue goes into the citizen facts the form is prepared from', async () => {
    const { actor, clock, registry } = start(true);
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    await waitFor(actor, (s) => s.matches({ journey: { identifying: { document: 'read' } } }));
    clock.increment(BUDGET);
    registry.answer(FOUND);
    await waitFor(actor, (s) => s.context.registry === 'found');
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    expect(actor.getSnapshot().context.form?.values.ethnicity).toBe('Kinh');
    expect(registry.asked).toHaveLength(1);
  });

  it('an answer that comes after the citizen left reaches nobody', async () => {
    const { actor, clock, registry } = await chooseProcedure();
    clock.increment(BUDGET);
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    actor.send({ type: 'CANCEL' });
    registry.answer(FOUND);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
    expect(context.sources).toEqual({});
    expect(context.registry).toBe('pending');
  });

  it('a late failure marks the registry unavailable and leaves the citizen on the form', async () => {
    const { actor, clock, registry } = await chooseProcedure();
    clock.increment(BUDGET);
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    registry.answer({ kind: 'unavailable', reason: 'timeout' });
    await waitFor(actor, (s) => s.context.registry === 'unavailable');
    expect(actor.getSnapshot().matches({ journey: { reviewingForm: 'editing' } })).toBe(true);
  });

  it('a late answer while the form is being prepared prepares it again with the answer', async () => {
    const clock = new SimulatedClock();
    const registry = heldRegistry();
    const prepared: PrepareFormInput[] = [];
    const releases: (() => void)[] = [];
    const slowPrepare = fromPromise<PreparedForm, PrepareFormInput>(async ({ input }) => {
      prepared.push(input);
      await new Promise<void>((resolve) => releases.push(resolve));
      return {
        procedure: TEST_PROCEDURE,
        form: testForm({ fullName: input.citizen.record.fullName }),
      };
    });
    const actor = createActor(
      journeyMachine.provide({
        actors: {
          ...journeyTestActors(HAPPY),
          lookupRegistry: registry.actor,
          prepareForm: slowPrepare,
        },
        delays: { registryBudget: BUDGET },
      }),
      { clock },
    );
    actor.start();
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    await waitFor(actor, (s) => s.matches({ journey: { choosingProcedure: 'browsing' } }));
    actor.send({ type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code });
    clock.increment(BUDGET);
    await waitFor(actor, () => prepared.length === 1);
    expect(prepared[0]?.citizen.record.ethnicity).toBeUndefined();
    registry.answer(FOUND);
    await waitFor(actor, () => prepared.length === 2);
    expect(prepared[1]?.citizen.record.ethnicity).toBe('Kinh');
    for (const release of releases) release();
    await waitFor(actor, (s) => s.matches({ journey: { reviewingForm: 'editing' } }));
    expect(actor.getSnapshot().context.registry).toBe('found');
  });
});
