import { isReceiptQrShape } from '../dossier-code/receipt-qr';
import { isWebAddress, parseProcedureQr, ProcedureQrError } from '../procedure-qr';
import type { JourneyEvent } from './journey-events';

/**
 * A scanned web address that is not one of our receipts is taken as a posted procedure QR (a
 * CCCD's QR is never a web address): the procedure's code, or why it opens no procedure.
 * Anything else is not for the procedure page (undefined).
 */
export function procedureQrEvent(text: string): JourneyEvent | undefined {
  if (!isWebAddress(text) || isReceiptQrShape(text)) return undefined;
  try {
    return { type: 'PROCEDURE_QR', code: parseProcedureQr(text).code };
  } catch (error) {
    if (error instanceof ProcedureQrError)
      return { type: 'PROCEDURE_QR_INVALID', reason: error.code };
    throw error;
  }
}
