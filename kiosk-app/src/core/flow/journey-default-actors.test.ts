/**
 * The chart's own actors are twins that fail loudly, naming themselves, until the core provides
 * the real ones: a journey wired without one says which, instead of hanging on a silent child.
 */
import { describe, expect, it } from 'vitest';
import { createActor, type AnyActorLogic } from 'xstate';
import { journeyMachine } from './journey-machine';

const ACTORS = [
  'readDocument',
  'lookupRegistry',
  'prepareForm',
  'validateForm',
  'checkPrinter',
  'submitDossier',
  'printReceipt',
  'lookupStatus',
  'recordRating',
  'describeProcedure',
  'issueQueueTicket',
  'requestPayment',
] as const;

describe('the journey chart without the core', () => {
  it('declares exactly these actors', () => {
    expect(Object.keys(journeyMachine.implementations.actors).sort()).toEqual([...ACTORS].sort());
  });

  it.each(ACTORS)('fails loudly when %s was not provided', async (name) => {
    const logic = journeyMachine.implementations.actors[name] as AnyActorLogic;
    const actor = createActor(logic, { input: {} });
    const failed = new Promise<unknown>((resolve) => actor.subscribe({ error: resolve }));
    actor.start();
    expect(String(await failed)).toContain(`journey actor "${name}" was not provided`);
  });
});
