/**
 * The citizen journey as one XState v5 chart, owned by the core. Two regions run in parallel:
 * `journey` (what the citizen is doing) and `attention` (inactivity warning and reset).
 *
 * Every actor is declared in `journeySetup` (journey-setup.ts) with a twin that fails loudly, so the chart never reaches a
 * device or a server by itself: the core provides the real ones with `journeyMachine.provide`.
 * Time only moves through `after` delays, so tests drive it with a simulated clock. Each state
 * of the journey region past `idle` lives in the file of its part of the diagram
 * (journey-identifying, journey-form, journey-checkout, journey-payment, journey-status-lookup,
 * journey-take-number, and journey-rating after the receipt), the inactivity region in
 * journey-attention.
 *
 * @example
 * const actor = createActor(journeyMachine.provide({ actors: realActors }), { clock });
 * actor.start();
 * actor.send({ type: 'CARD_PRESENTED', reader: 'Virtual PCD 00 00', mrz });
 */
import { emptyContext } from './journey-context';
import { attention } from './journey-attention';
import {
  checkingPrinter,
  confirming,
  done,
  printFailed,
  printing,
  submitFailed,
  submitting,
} from './journey-checkout';
import { choosingProcedure, reviewingForm } from './journey-form';
import { payingFee } from './journey-payment';
import { identifyFailed, identifying } from './journey-identifying';
import { journeySetup } from './journey-setup';
import { statusLookup } from './journey-status-lookup';
import { rating } from './journey-rating';
import { procedureInfo } from './journey-procedure-info';
import { takingNumber } from './journey-take-number';

export type { JourneyContext } from './journey-context';

export const journeyMachine = journeySetup.createMachine({
  id: 'kiosk',
  type: 'parallel',
  context: emptyContext,
  states: {
    journey: {
      initial: 'idle',
      on: { CANCEL: { target: '.idle' } },
      states: {
        idle: {
          entry: ['forgetRegistryLookup', 'wipe'],
          exit: 'restartInactivity',
          on: {
            CANCEL: {},
            CARD_PRESENTED: { target: 'identifying', actions: 'startIdentification' },
            QR_IDENTITY: { target: 'identifying', actions: 'startIdentification' },
            MRZ_READ: { target: 'identifying', actions: 'startIdentification' },
            RECEIPT_QR: { target: 'statusLookup.looking', actions: 'rememberLookupCode' },
            OPEN_STATUS_LOOKUP: 'statusLookup',
            OPEN_TAKE_NUMBER: 'takingNumber',
            RESUME_RECEIPT: { target: 'printFailed', actions: 'resumeReceipt' },
            PROCEDURE_QR: { target: 'procedureInfo.describing', actions: 'rememberProcedureCode' },
            PROCEDURE_QR_INVALID: {
              target: 'procedureInfo.problem',
              actions: 'markNotProcedureQr',
            },
            OPEN_PROCEDURE_CATALOGUE: 'procedureInfo',
          },
        },
        identifying,
        identifyFailed,
        choosingProcedure,
        reviewingForm,
        confirming,
        checkingPrinter,
        submitting,
        submitFailed,
        payingFee,
        printing,
        printFailed,
        done,
        statusLookup,
        rating,
        procedureInfo,
        takingNumber,
      },
    },
    attention,
  },
});
