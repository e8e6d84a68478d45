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
