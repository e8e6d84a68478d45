import type { ExtraStatusCondition } from '../profile/printer-profile';

/** What the kiosk needs to know about a receipt printer, merged from all status replies. */
export interface PrinterStatus {
  readonly online: boolean;
  readonly paper: 'ok' | 'near-end' | 'out';
  readonly coverOpen: boolean;
  readonly cutterError: boolean;
  /** An unrecoverable or auto-recoverable error other than the cutter (head, voltage, ...). */
  readonly otherError: boolean;
  /** Conditions only a model-specific status reports (e.g. a ticket left in the presenter). */
  readonly extra: readonly ExtraStatusCondition[];
}

export const UNKNOWN_READY: PrinterStatus = {
  online: true,
  paper: 'ok',
  coverOpen: false,
  cutterError: false,
  otherError: false,
  extra: [],
};

/** Can a receipt be printed now? Near end is still printable (it warns). */
export function isPrintable(status: PrinterStatus): boolean {
  return status.online && status.paper !== 'out' && !status.coverOpen && !status.cutterError;
}
