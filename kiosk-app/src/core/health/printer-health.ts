import type { HealthView, PaperStateView } from '@kiosk/protocol';
import type { PrinterCheck } from '../flow/journey-services';
import type { ReceiptPrinterPort } from '../ports';

export type PrinterHealth = HealthView['printer'];

/** How long the health report waits for the printer's status answer. */
export const PRINTER_CHECK_TIMEOUT_MS = 3_000;

const PAPER_STATES: readonly PaperStateView[] = ['ok', 'near-end', 'out', 'unknown'];

/** The paper sensor, when the port's check reports it (the ESC/POS port can; a stand-in may not). */
function reportedPaper(check: PrinterCheck): PaperStateView | undefined {
  return PAPER_STATES.find((state) => state === check.paper);
}

/** Maps the journey's printer check onto the health view's status and paper state. */
export function printerHealthOf(check: PrinterCheck): PrinterHealth {
  const paper = reportedPaper(check);
  if (check.ready) {
    return paper === 'near-end'
      ? { status: 'near-end', paper }
      : { status: 'ok', paper: paper ?? 'ok' };
  }
  const code = check.error?.code;
  const detail = check.error?.detail;
  if (code === 'PRINTER_PAPER_OUT' || paper === 'out') return { status: 'out', paper: 'out' };
  const offline = detail === undefined || /offline|no status|unavailable|timeout/i.test(detail);
  return {
    status: offline ? 'offline' : 'error',
    paper: paper ?? 'unknown',
    ...(detail ? { detail: detail.slice(0, 80) } : {}),
  };
}

/**
 * Asks the receipt printer for its status (the same check the journey makes before a submit),
 * giving up after {@link PRINTER_CHECK_TIMEOUT_MS}: a printer that does not answer is offline.
 */
export async function checkPrinterHealth(
  printer: ReceiptPrinterPort,
  timeoutMs: number = PRINTER_CHECK_TIMEOUT_MS,
): Promise<PrinterHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PrinterHealth>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'offline', paper: 'unknown', detail: 'no answer' }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([
      printer.check().then(printerHealthOf, (error: unknown) => ({
        status: 'error' as const,
        paper: 'unknown' as const,
        detail: error instanceof Error ? error.name : 'check failed',
      })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
