import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { journeyDelays, type AttentionTimings } from './journey-delays';
import { journeyMachine } from './journey-machine';
import { HAPPY, journeyTestActors } from './journey-test-actors';

/** The chart with delays read from `settings`, on a simulated clock. */
function start(settings: { current: AttentionTimings }) {
  const clock = new SimulatedClock();
  const actor = createActor(
    journeyMachine.provide({
      actors: journeyTestActors(HAPPY),
      delays: journeyDelays(() => settings.current),
    }),
    { clock },
  );
  actor.start();
  return { actor, clock };
}

async function toChoosing(actor: ReturnType<typeof start>['actor']) {
  actor.send({ type: 'CARD_PRESENTED', reader: 'R', mrz: 'M' });
  await waitFor(actor, (s) => s.matches({ journey: 'choosingProcedure' }));
}

describe('journey delays from the live settings', () => {
  it('a changed inactivity and warning time applies to the next journey, without a restart', async () => {
    const settings = { current: { inactivitySeconds: 60, warningSeconds: 15 } };
    const { actor, clock } = start(settings);
    await toChoosing(actor);
    clock.increment(59_999);
    expect(actor.getSnapshot().matches({ attention: 'watching' })).toBe(true);
    clock.increment(1);
    expect(actor.getSnapshot().matches({ attention: 'warning' })).toBe(true);
    clock.increment(15_000);
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);

    settings.current = { inactivitySeconds: 20, warningSeconds: 5 };
    // The idle watch period started with the old value; a card starts a fresh one.
    await toChoosing(actor);
    clock.increment(19_999);
    expect(actor.getSnapshot().matches({ attention: 'watching' })).toBe(true);
    clock.increment(1);
    expect(actor.getSnapshot().matches({ attention: 'warning' })).toBe(true);
    clock.increment(4_999);
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(false);
    clock.increment(1);
    expect(actor.getSnapshot().matches({ journey: 'idle' })).toBe(true);
  });

  it('fixed overrides (tests, demo) win over the settings', () => {
    const delays = journeyDelays(() => ({ inactivitySeconds: 60, warningSeconds: 15 }), {
      inactivity: 500,
      keyWait: 10,
    });
    expect(delays.inactivity()).toBe(500);
    expect(delays.warningCountdown()).toBe(15_000);
    expect(delays.keyWait).toBe(10);
    expect(delays.doneLinger).toBeUndefined();
  });
});
