import { classifyQr } from '../dossier-code';
import type { Logger } from '../log/logger';
import type { DeviceEventSource } from '../ports';
import type { JourneyEvent } from './journey-events';
import { procedureQrEvent } from './procedure-qr-event';

/**
 * Device events into the journey: a card placed or taken away, a scanned QR (a receipt of this
 * kiosk opens the status lookup, any other web address the procedure page, anything else is
 * tried as the card's QR) and a serial MRZ (the
 * journey takes it only where it identifies: idle, awaiting a key, failed). A procedure QR is
 * logged with its code, or with why it opens no procedure (never the scanned text). Returns the
 * unsubscribe.
 */
export function forwardDeviceEvents(
  devices: DeviceEventSource,
  send: (event: JourneyEvent) => void,
  logger?: Pick<Logger, 'info'>,
): () => void {
  const unsubscribers = [
    devices.onCardPresented((reader, mrz) => send({ type: 'CARD_PRESENTED', reader, mrz })),
    devices.onCardRemoved(() => send({ type: 'CARD_REMOVED' })),
    devices.onQr((text) => {
      const procedure = procedureQrEvent(text);
      if (procedure?.type === 'PROCEDURE_QR')
        logger?.info('qr.procedure', { code: procedure.code });
      if (procedure?.type === 'PROCEDURE_QR_INVALID')
        logger?.info('qr.notProcedure', { reason: procedure.reason });
      if (procedure) return send(procedure);
      const qr = classifyQr(text);
      send(
        qr.kind === 'receipt'
          ? { type: 'RECEIPT_QR', code: qr.receipt.dossier.code }
          : { type: 'QR_IDENTITY', text },
      );
    }),
    devices.onMrz?.((text) => send({ type: 'MRZ_READ', text })) ?? (() => undefined),
  ];
  return () => {
    for (const off of unsubscribers) off();
  };
}
