import { DeviceError } from '@kiosk/device';
import type { PrinterStatus } from '../status/printer-status';

/** Stable codes the kiosk flow and the UI act on (shown translated to the citizen). */
export type PrinterErrorCode =
  | 'PRINTER_PAPER_OUT'
  | 'PRINTER_COVER_OPEN'
  | 'PRINTER_OFFLINE'
  | 'PRINTER_TIMEOUT'
  | 'PRINTER_CUTTER_ERROR'
  | 'PRINTER_ERROR'
  /** The connection dropped while a slip was being sent or confirmed: it is not printed. */
  | 'PRINTER_LINK_LOST'
  /** The slip was sent but the printer did not confirm it in time (a stalled link or printer). */
  | 'PRINTER_NOT_CONFIRMED'
  | 'PRINTER_UNSUPPORTED'
  | 'PRINTER_URI_INVALID'
  | 'PRINTER_PROFILE_INVALID'
  | 'PRINTER_PROFILE_UNKNOWN';

/** The error that stops a print for a given status, or undefined if the printer can print. */
export function errorForStatus(
  status: PrinterStatus,
  context: string,
): DeviceError<PrinterErrorCode> | undefined {
  if (status.coverOpen)
    return new DeviceError('PRINTER_COVER_OPEN', `${context}: the printer cover is open`);
  if (status.paper === 'out')
    return new DeviceError('PRINTER_PAPER_OUT', `${context}: the printer is out of paper`);
  if (status.cutterError)
    return new DeviceError('PRINTER_CUTTER_ERROR', `${context}: the cutter is jammed`);
  if (!status.online)
    return new DeviceError('PRINTER_OFFLINE', `${context}: the printer is offline`);
  if (status.otherError)
    return new DeviceError('PRINTER_ERROR', `${context}: the printer reports an error`);
  return undefined;
}

const STATUS_FAULTS: readonly string[] = [
  'PRINTER_PAPER_OUT',
  'PRINTER_COVER_OPEN',
  'PRINTER_CUTTER_ERROR',
  'PRINTER_ERROR',
];

/**
 * What a failure while a slip was sent or confirmed means for the slip: a fault the printer
 * reported stays as it is; a connection that closed or failed is PRINTER_LINK_LOST; a deadline
 * that passed (the printer took no data, or did not answer) is PRINTER_NOT_CONFIRMED. In every
 * case the slip is not printed as far as the kiosk knows.
 */
export function printFailure(error: unknown, context: string): DeviceError {
  if (error instanceof DeviceError && STATUS_FAULTS.includes(error.code)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const timedOut =
    error instanceof DeviceError &&
    (error.code === 'PRINTER_TIMEOUT' || error.code === 'PRINTER_NOT_CONFIRMED');
  return timedOut
    ? new DeviceError('PRINTER_NOT_CONFIRMED', `${context}: not confirmed (${detail})`, {
        cause: error,
      })
    : new DeviceError('PRINTER_LINK_LOST', `${context}: connection lost (${detail})`, {
        cause: error,
      });
}
