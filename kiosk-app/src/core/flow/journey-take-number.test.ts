import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, waitFor } from 'xstate';
import type { IssuedQueueTicket, IssueQueueTicketInput } from './journey-services';
import { journeyMachine } from './journey-machine';
import { HAPPY, journeyTestActors, TEST_QUEUE_TICKET } from './journey-test-actors';

const ISSUED = TEST_QUEUE_TICKET;

function start(issue: (group: string) => Promise<IssuedQueueTicket> = async () => ISSUED) {
  const clock = new SimulatedClock();
  const asked: string[] = [];
  const actor = createActor(
    journeyMachine.provide({
      actors: {
        ...journeyTestActors(HAPPY),
        issueQueueTicket: fromPromise<IssuedQueueTicket, IssueQueueTicketInput>(({ input }) => {
          asked.push(input.group);
          return issue(input.group);
        }),
      },
      delays: { inactivity: 60_000, warningCountdown: 15_000, doneLinger: 30_000 },
    }),
    { clock },
  );
  actor.start();
  return { actor, clock, asked };
}

const atIdle = (actor: ReturnType<typeof start>['actor']) =>
  actor.getSnapshot().matches({ journey: 'idle' });

describe('Lấy số thứ tự', () => {
  it('issues a number for the group picked, shows it, then returns to idle by itself', async () => {
    const { actor, clock, asked } = start();
    actor.send({ type: 'OPEN_TAKE_NUMBER' });
    actor.send({ type: 'TAKE_NUMBER', group: 'HT' });
    await waitFor(actor, (s) => s.matches({ journey: { takingNumber: 'issued' } }));
    expect(asked).toEqual(['HT']);
    expect(actor.getSnapshot().context.queueTicket).toEqual(ISSUED);
    clock.increment(30_000);
    expect(atIdle(actor)).toBe(true);
    // The number is gone from the context with the rest.
    expect(actor.getSnapshot().context.queueTicket).toBeUndefined();
  });

  it('has no dead end: back, cancel and the inactivity reset all lead to idle', () => {
    const { actor, clock } = start();
    actor.send({ type: 'OPEN_TAKE_NUMBER' });
    actor.send({ type: 'BACK' });
    expect(atIdle(actor)).toBe(true);

    actor.send({ type: 'OPEN_TAKE_NUMBER' });
    actor.send({ type: 'CANCEL' });
    expect(atIdle(actor)).toBe(true);

    actor.send({ type: 'OPEN_TAKE_NUMBER' });
    clock.increment(60_000);
    expect(actor.getSnapshot().matches({ attention: 'warning' })).toBe(true);
    clock.increment(15_000);
    expect(atIdle(actor)).toBe(true);
  });

  it('a failure to issue is a screen with retry and back', async () => {
    const { actor } = start(() => Promise.reject(new Error('disk I/O error')));
    actor.send({ type: 'OPEN_TAKE_NUMBER' });
    actor.send({ type: 'TAKE_NUMBER', group: 'CT' });
    await waitFor(actor, (s) => s.matches({ journey: { takingNumber: 'failed' } }));
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().matches({ journey: { takingNumber: 'choosing' } })).toBe(true);
    actor.send({ type: 'BACK' });
    expect(atIdle(actor)).toBe(true);
  });
});
