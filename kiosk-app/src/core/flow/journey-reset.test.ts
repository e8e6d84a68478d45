/**
 * Issue 23 found that `personalId` dropped from the reset context went unnoticed: `assign` only
 * overwrites the keys it is given, so a key missing from the empty context survives a reset.
 * These tests fill EVERY field of the context, reset, and compare each one with the initial
 * context: a field left out of the reset fails here.
 */
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { journeyMachine, type JourneyContext } from './journey-machine';
import {
  HAPPY,
  journeyTestActors,
  TEST_PERSON,
  TEST_PROCEDURE,
  TEST_QUEUE_TICKET,
  TEST_RECEIPT,
} from './journey-test-actors';

const machine = journeyMachine.provide({ actors: journeyTestActors(HAPPY) });
const initial = createActor(machine).getSnapshot().context;

/** Every key of the context with a value that is not its initial one (`Required` lists them all). */
const FILLED: Required<JourneyContext> = {
  trigger: { method: 'mrz', text: 'MRZ' },
  sources: { mrz: TEST_PERSON },
  personalId: TEST_PERSON.personalId,
  idHints: { fullName: TEST_PERSON.fullName, dateOfBirth: TEST_PERSON.dateOfBirth },
  assurance: 'document-only',
  progress: 1,
  registry: 'found',
  registryCard: 'revoked',
  registryAskedFor: { procedureCode: TEST_PROCEDURE.code },
  citizen: {
    record: TEST_PERSON,
    provenance: { fullName: 'mrz' },
    mismatches: [],
    assurance: 'document-only',
  },
  procedure: TEST_PROCEDURE,
  form: {
    procedureCode: TEST_PROCEDURE.code,
    title: { vi: 'Tờ khai', en: 'Form' },
    sections: [],
    values: { fullName: TEST_PERSON.fullName },
    provenance: {},
    missing: [],
    issues: [],
    editable: [],
  },
  optionalPapers: { 1: 1 },
  printer: { ready: true },
  receipt: TEST_RECEIPT,
  payment: {
    qrPayload: '000201010212',
    amountVnd: 20000,
    waitSeconds: 180,
    expiresAt: '2026-11-28T09:03:00+07:00',
  },
  error: { code: 'PRINT_FAILED' },
  statusResult: { dossierCode: 'H01-261128-0001', status: 'processing' },
  ratingFor: 'H01-261128-0001',
  procedurePage: { code: TEST_PROCEDURE.code, problem: 'unknownProcedure' },
  preselectedProcedure: TEST_PROCEDURE.code,
  queueGroup: 'HT',
  queueTicket: TEST_QUEUE_TICKET,
};

const KEYS = Object.keys(FILLED) as (keyof JourneyContext)[];

function actorAt(journey: string) {
  const snapshot = machine.resolveState({
    value: { journey, attention: 'watching' },
    context: FILLED,
  });
  const actor = createActor(machine, { snapshot, clock: new SimulatedClock() });
  actor.start();
  return actor;
}

describe('journey reset', () => {
  it('the test fills every field with a value the initial context does not have', () => {
    for (const key of KEYS) expect(FILLED[key], key).not.toEqual(initial[key]);
  });

  it.each(['reviewingForm', 'confirming', 'printFailed', 'identifyFailed'])(
    'a cancel from %s puts every field of the context back to its initial value',
    (journey) => {
      const actor = actorAt(journey);
      actor.send({ type: 'CANCEL' });
      const { context } = actor.getSnapshot();
      expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
      for (const key of KEYS) expect(context[key], key).toEqual(initial[key]);
      expect(context).toEqual(initial);
      actor.stop();
    },
  );

  it('a new card starts from the initial context: nothing of the last citizen is kept', () => {
    const actor = actorAt('identifyFailed');
    actor.send({ type: 'QR_IDENTITY', text: 'Q' });
    const { context } = actor.getSnapshot();
    expect(context.trigger).toEqual({ method: 'qr', text: 'Q' });
    for (const key of KEYS.filter((k) => k !== 'trigger'))
      expect(context[key], key).toEqual(initial[key]);
    actor.stop();
  });

  it('a journey that reached a receipt leaves no level or personal ID after the reset', async () => {
    const actor = createActor(
      journeyMachine.provide({
        actors: journeyTestActors({ ...HAPPY, assurance: 'chip-unverified' }),
      }),
      { clock: new SimulatedClock() },
    );
    actor.start();
    actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'MRZ' });
    await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
    expect(actor.getSnapshot().context.assurance).toBe('chip-unverified');
    expect(actor.getSnapshot().context.citizen?.assurance).toBe('chip-unverified');
    expect(actor.getSnapshot().context.personalId).toBe(TEST_PERSON.personalId);
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().context).toEqual(initial);
    actor.stop();
  });
});
