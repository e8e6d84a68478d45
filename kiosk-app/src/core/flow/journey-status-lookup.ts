import { journeySetup } from './journey-setup';

/** A dossier's status, by a typed code or a scanned receipt QR. */
export const statusLookup = journeySetup.createStateConfig({
  tags: ['interactive'],
  initial: 'entering',
  on: {
    BACK: 'idle',
    FINISH: 'idle',
    LOOKUP_STATUS: { target: '.looking', actions: 'rememberLookupCode' },
  },
  states: {
    entering: {},
    looking: {
      invoke: {
        id: 'lookupStatus',
        src: 'lookupStatus',
        input: ({ context }) => ({ code: context.statusResult?.dossierCode ?? '' }),
        onDone: [
          {
            guard: {
              type: 'statusFound',
              params: ({ event }) => ({ outcome: event.output }),
            },
            target: 'found',
            actions: {
              type: 'takeStatus',
              params: ({ event }) => ({ outcome: event.output }),
            },
          },
          {
            guard: {
              type: 'statusNotFound',
              params: ({ event }) => ({ outcome: event.output }),
            },
            target: 'notFound',
          },
          { target: 'unavailable' },
        ],
        onError: 'unavailable',
      },
    },
    found: {},
    notFound: {},
    unavailable: { on: { RETRY: 'looking' } },
  },
});
