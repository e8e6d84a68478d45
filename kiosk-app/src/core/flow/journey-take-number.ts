import { journeySetup } from './journey-setup';

/**
 * "Lấy số thứ tự": a queue number without a dossier, for people who only need advice. The citizen
 * picks a counter group; the number is issued and printed on a small ticket and stays on screen
 * until FINISH or the linger ends. BACK, CANCEL and the inactivity reset return to idle.
 */
export const takingNumber = journeySetup.createStateConfig({
  tags: ['interactive'],
  initial: 'choosing',
  on: { BACK: 'idle', FINISH: 'idle' },
  states: {
    choosing: {
      on: { TAKE_NUMBER: { target: 'issuing', actions: 'rememberQueueGroup' } },
    },
    issuing: {
      on: { BACK: {} },
      invoke: {
        id: 'issueQueueTicket',
        src: 'issueQueueTicket',
        input: ({ context }) => ({ group: context.queueGroup ?? '' }),
        onDone: {
          target: 'issued',
          actions: {
            type: 'takeQueueTicket',
            params: ({ event }) => ({ issued: event.output }),
          },
        },
        onError: 'failed',
      },
    },
    issued: { after: { doneLinger: '#kiosk.journey.idle' } },
    failed: { on: { RETRY: 'choosing' } },
  },
});
