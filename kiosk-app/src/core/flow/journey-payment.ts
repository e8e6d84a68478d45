import { requestPaymentInput } from './journey-inputs';
import { journeySetup } from './journey-setup';

/**
 * Issue 17: after filing, a fee paid at submission is asked for with a dynamic VietQR. The
 * citizen pays with a banking app (the platform's notification for this dossier moves on), or
 * chooses "Thanh toán sau tại quầy"; the wait running out, a cancel or a platform that cannot
 * open the transaction all leave the fee to the counter. Either way the slip is printed next: the
 * dossier is filed, so no way out of this screen loses it.
 */
export const payingFee = journeySetup.createStateConfig({
  // Not `interactive`: a cancel or the inactivity reset here prints the slip, never idles.
  tags: ['payment'],
  entry: 'restartInactivity',
  initial: 'requesting',
  on: {
    CANCEL: { target: '.settled', actions: 'leaveFeeToCounter' },
    PAY_LATER: { target: '.settled', actions: 'leaveFeeToCounter' },
  },
  states: {
    requesting: {
      invoke: {
        id: 'requestPayment',
        src: 'requestPayment',
        input: requestPaymentInput,
        onDone: {
          target: 'waiting',
          actions: { type: 'takePaymentQr', params: ({ event }) => ({ qr: event.output }) },
        },
        onError: { target: 'settled', actions: 'leaveFeeToCounter' },
      },
    },
    waiting: {
      after: { paymentWait: { target: 'settled', actions: 'leaveFeeToCounter' } },
      on: {
        FEE_PAID: { guard: 'paidThisDossier', target: 'settled', actions: 'markFeePaid' },
      },
    },
    /** Passed through: on to the slip, printed or (printer check failed) on screen. */
    settled: {
      always: [
        { guard: 'printerReady', target: '#kiosk.journey.printing' },
        { target: '#kiosk.journey.printFailed', actions: 'markReceiptUnprinted' },
      ],
    },
  },
});
