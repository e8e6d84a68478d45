import { assign } from 'xstate';
import { emptyContext } from './journey-context';
import { journeySetup } from './journey-setup';

/**
 * After the receipt, one screen asks how the visit went (issue 18). Entering it forgets the
 * citizen: only the dossier code is kept, so a screen left unattended shows nothing personal.
 * Skipping, the inactivity reset and a failure to store the rating all end at idle; the rating
 * never holds the kiosk.
 */
export const rating = journeySetup.createStateConfig({
  initial: 'asking',
  entry: assign(({ context }) => ({ ...emptyContext, ratingFor: context.receipt?.dossierCode })),
  states: {
    asking: {
      tags: ['interactive'],
      on: {
        SKIP_RATING: '#kiosk.journey.idle',
        FINISH: '#kiosk.journey.idle',
        RATE: 'saving',
      },
    },
    saving: {
      tags: ['busy'],
      on: { CANCEL: {} },
      invoke: {
        id: 'recordRating',
        src: 'recordRating',
        input: ({ context, event }) => ({
          dossierCode: context.ratingFor ?? '',
          level: event.type === 'RATE' ? event.level : 'satisfied',
          reasons: event.type === 'RATE' ? event.reasons : [],
          comment: event.type === 'RATE' ? event.comment : '',
        }),
        onDone: '#kiosk.journey.idle',
        onError: '#kiosk.journey.idle',
      },
    },
  },
});
