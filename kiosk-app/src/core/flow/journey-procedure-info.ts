import { journeySetup } from './journey-setup';

/**
 * A published procedure's page, without a card (issue 18, item 4): opened by a scanned
 * procedure QR or from the catalogue. "Nộp hồ sơ" asks for the card with the procedure
 * preselected, so the citizen goes from the card straight to its form. A QR that opens nothing
 * says why; Back always leads to the catalogue, Cancel to the start.
 */
export const procedureInfo = journeySetup.createStateConfig({
  tags: ['interactive'],
  initial: 'browsing',
  on: {
    PROCEDURE_QR: { target: '.describing', reenter: true, actions: 'rememberProcedureCode' },
    OPEN_PROCEDURE_INFO: { target: '.describing', reenter: true, actions: 'rememberProcedureCode' },
    PROCEDURE_QR_INVALID: { target: '.problem', actions: 'markNotProcedureQr' },
  },
  states: {
    browsing: {
      entry: 'forgetProcedurePage',
      on: { BACK: '#kiosk.journey.idle' },
    },
    describing: {
      invoke: {
        id: 'describeProcedure',
        src: 'describeProcedure',
        input: ({ context }) => ({ code: context.procedurePage?.code ?? '' }),
        onDone: [
          {
            guard: { type: 'procedureDescribed', params: ({ event }) => ({ info: event.output }) },
            target: 'showing',
            actions: { type: 'takeProcedureInfo', params: ({ event }) => ({ info: event.output }) },
          },
          { target: 'problem', actions: 'markUnknownProcedure' },
        ],
        onError: { target: 'problem', actions: 'markUnknownProcedure' },
      },
    },
    showing: {
      on: { START_SUBMISSION: 'awaitingCard', BACK: 'browsing' },
    },
    problem: {
      on: { BACK: 'browsing' },
    },
    awaitingCard: {
      on: {
        BACK: 'showing',
        CARD_PRESENTED: {
          target: '#kiosk.journey.identifying',
          actions: 'startIdentificationForProcedure',
        },
        QR_IDENTITY: {
          target: '#kiosk.journey.identifying',
          actions: 'startIdentificationForProcedure',
        },
        MRZ_READ: {
          target: '#kiosk.journey.identifying',
          actions: 'startIdentificationForProcedure',
        },
      },
    },
  },
});
