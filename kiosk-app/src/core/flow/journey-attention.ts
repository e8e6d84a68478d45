import { journeySetup } from './journey-setup';

/** Inactivity: a warning after a quiet spell, then the journey is cancelled. */
export const attention = journeySetup.createStateConfig({
  initial: 'watching',
  states: {
    // ACTIVITY is handled on each child: a `reenter` on the region itself would re-enter
    // the whole parallel machine and so reset the journey.
    watching: {
      on: { ACTIVITY: { target: 'watching', reenter: true } },
      after: {
        inactivity: [
          { guard: 'journeyActive', target: 'warning' },
          { target: 'watching', reenter: true },
        ],
      },
    },
    warning: {
      on: { ACTIVITY: 'watching' },
      after: {
        warningCountdown: { target: 'watching', actions: 'cancelJourney' },
      },
    },
  },
});
