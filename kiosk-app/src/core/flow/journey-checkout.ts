import { printReceiptInput, submitDossierInput } from './journey-inputs';
import { journeySetup } from './journey-setup';

/** The last look before the dossier is filed. */
export const confirming = journeySetup.createStateConfig({
  tags: ['interactive'],
  on: {
    BACK: 'reviewingForm',
    CONFIRM: 'checkingPrinter',
  },
});

/** The printer is asked first, so a dossier is never filed into a dead printer unseen. */
export const checkingPrinter = journeySetup.createStateConfig({
  tags: ['busy'],
  invoke: {
    id: 'checkPrinter',
    src: 'checkPrinter',
    onDone: {
      target: 'submitting',
      actions: {
        type: 'takePrinterCheck',
        params: ({ event }) => ({ printer: event.output }),
      },
    },
    onError: { target: 'submitting', actions: 'markPrinterUnavailable' },
  },
});

/** The dossier goes to the one-stop system (or the outbox). */
export const submitting = journeySetup.createStateConfig({
  tags: ['busy'],
  on: { CANCEL: {} },
  invoke: {
    id: 'submitDossier',
    src: 'submitDossier',
    input: submitDossierInput,
    onDone: [
      {
        guard: {
          type: 'feeDueAtKiosk',
          params: ({ event }) => ({ receipt: event.output }),
        },
        target: 'payingFee',
        actions: {
          type: 'takeReceipt',
          params: ({ event }) => ({ receipt: event.output }),
        },
      },
      {
        guard: 'printerReady',
        target: 'printing',
        actions: {
          type: 'takeReceipt',
          params: ({ event }) => ({ receipt: event.output }),
        },
      },
      {
        target: 'printFailed',
        actions: {
          type: 'takeUnprintedReceipt',
          params: ({ event }) => ({ receipt: event.output }),
        },
      },
    ],
    onError: {
      target: 'submitFailed',
      actions: { type: 'recordFailure', params: { code: 'SUBMIT_FAILED' } },
    },
  },
});

/** Filing failed: back to the confirmation. */
export const submitFailed = journeySetup.createStateConfig({
  tags: ['interactive'],
  on: { RETRY: { target: 'confirming', actions: 'clearError' } },
});

/** The receipt slip is printed. */
export const printing = journeySetup.createStateConfig({
  tags: ['busy'],
  on: { CANCEL: {} },
  invoke: {
    id: 'printReceipt',
    src: 'printReceipt',
    input: printReceiptInput,
    onDone: 'done',
    onError: {
      target: 'printFailed',
      actions: { type: 'recordFailure', params: { code: 'PRINT_FAILED' } },
    },
  },
});

/** Filed, not printed: print again or finish (staff can reprint). */
export const printFailed = journeySetup.createStateConfig({
  tags: ['interactive'],
  on: {
    RETRY: { target: 'printing', actions: 'clearError' },
    FINISH: 'idle',
  },
});

/** The receipt is out; the screen stays a moment, then the kiosk is idle again. */
export const done = journeySetup.createStateConfig({
  after: { doneLinger: 'idle' },
  // Issue 18: the citizen who finishes is asked for a rating; one who walked away is not.
  on: { FINISH: 'rating' },
});
