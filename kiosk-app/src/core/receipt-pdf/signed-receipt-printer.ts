import type { ReceiptView } from '@kiosk/protocol';
import { receiptToSlip } from '../devices/receipt-slip';
import { isDossierCode } from '../dossier-code/dossier-code-format';
import type { Logger } from '../log/logger';
import type { ReceiptPrinterPort } from '../ports';
import { receiptPdfFromSlip, type ReceiptPdfContent } from './receipt-pdf-content';

/** The fee as the PDF states it: no fee reads "Miễn phí", else paid or not at the kiosk. */
export function pdfFeeOf(fee: ReceiptView['fee']): ReceiptPdfContent['fee'] {
  if (!fee || fee.amountVnd === 0) return { amountVnd: 0, status: 'exempt' };
  return { amountVnd: fee.amountVnd, status: fee.paid ? 'paid' : 'unpaid' };
}

/** Where receipts go to be signed: the receipt PDF outbox. */
export interface ReceiptPdfQueue {
  has(dossierCode: string): boolean;
  enqueue(content: ReceiptPdfContent): Promise<void>;
}

/**
 * The receipt printer, plus the signed PDF twin of each official receipt (issue 17): the PDF is
 * queued whether or not the paper came out (the dossier was received either way), once per
 * dossier (a reprint adds none), and never holds up or fails the print. A phiếu nộp hồ sơ is no
 * receipt and gets no signed PDF.
 */
export function signedReceiptPrinter(
  printer: ReceiptPrinterPort,
  pdfs: ReceiptPdfQueue,
  logger: Logger,
): ReceiptPrinterPort {
  /** Receipts handed to the queue but not yet in it. */
  const underway = new Set<string>();
  const queueFailed = (code: string, error: unknown): void => {
    logger.error('receipt-pdf.queue-failed', {
      dossier: code,
      reason: error instanceof Error ? error.message : String(error),
    });
  };
  const queuePdf = (receipt: ReceiptView): void => {
    const code = receipt.dossierCode;
    // A technician's test print carries no dossier code: it is no receipt.
    if (receipt.kind === 'submissionSlip' || !isDossierCode(code) || underway.has(code)) return;
    let content: ReceiptPdfContent;
    try {
      if (pdfs.has(code)) return;
      content = receiptPdfFromSlip(receiptToSlip(receipt), pdfFeeOf(receipt.fee));
    } catch (error) {
      queueFailed(code, error);
      return;
    }
    underway.add(code);
    // After the journey has taken the print's outcome: drawing the PDF takes a few hundred ms.
    setImmediate(() => {
      pdfs
        .enqueue(content)
        .catch((error: unknown) => queueFailed(code, error))
        .finally(() => underway.delete(code));
    });
  };
  return {
    check: () => printer.check(),
    printTicket: (ticket) => printer.printTicket(ticket),
    async print(receipt, options) {
      try {
        await printer.print(receipt, options);
      } finally {
        queuePdf(receipt);
      }
    },
  };
}
