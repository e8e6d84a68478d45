import { describe, expect, it } from 'vitest';
import type { ReceiptView } from '@kiosk/protocol';
import { TEST_RECEIPT } from '../flow/journey-test-actors';
import { createLogger } from '../log/logger';
import type { ReceiptPrinterPort } from '../ports';
import type { ReceiptPdfContent } from './receipt-pdf-content';
import { pdfFeeOf, signedReceiptPrinter, type ReceiptPdfQueue } from './signed-receipt-printer';

/** The journey tests' synthetic receipt, with a fee paid at the kiosk. */
const RECEIPT: ReceiptView = { ...TEST_RECEIPT, fee: { amountVnd: 15_000, paid: true } };

class QueueTwin implements ReceiptPdfQueue {
  readonly queued: ReceiptPdfContent[] = [];
  failing = false;
  has = (code: string): boolean => this.queued.some((content) => content.dossierCode === code);
  enqueue(content: ReceiptPdfContent): Promise<void> {
    if (this.failing) return Promise.reject(new Error('disk full'));
    this.queued.push(content);
    return Promise.resolve();
  }
}

function printerTwin(fails: boolean): ReceiptPrinterPort & { printed: string[] } {
  const printed: string[] = [];
  return {
    printed,
    check: () => Promise.resolve({ ready: true }),
    printTicket: () => Promise.resolve(),
    print: (receipt) =>
      fails
        ? Promise.reject(new Error('paper out'))
        : (printed.push(receipt.dossierCode), Promise.resolve()),
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the signed PDF twin of each printed receipt', () => {
  it('queues the receipt with the same fields and its fee status after printing it', async () => {
    const queue = new QueueTwin();
    const paper = printerTwin(false);
    await signedReceiptPrinter(
      paper,
      queue,
      createLogger(() => {}),
    ).print(RECEIPT);
    await flush();
    expect(paper.printed).toEqual([RECEIPT.dossierCode]);
    expect(queue.queued).toEqual([
      expect.objectContaining({
        dossierCode: RECEIPT.dossierCode,
        applicantName: RECEIPT.applicantName,
        procedureName: RECEIPT.procedureName,
        collectAt: RECEIPT.collectAt,
        fee: { amountVnd: 15_000, status: 'paid' },
      }),
    ]);
  });

  it('queues it even when the paper did not come out, and still reports the print failure', async () => {
    const queue = new QueueTwin();
    const printer = signedReceiptPrinter(
      printerTwin(true),
      queue,
      createLogger(() => {}),
    );
    await expect(printer.print(RECEIPT)).rejects.toThrow('paper out');
    await flush();
    expect(queue.queued.map((c) => c.dossierCode)).toEqual([RECEIPT.dossierCode]);
  });

  it('adds no second PDF on a reprint and none for a phiếu nộp hồ sơ', async () => {
    const queue = new QueueTwin();
    const printer = signedReceiptPrinter(
      printerTwin(false),
      queue,
      createLogger(() => {}),
    );
    await printer.print(RECEIPT);
    await printer.print(RECEIPT, { reprintAt: '2026-11-29T10:00:00+07:00' });
    await printer.print({ ...RECEIPT, dossierCode: 'H01-261128-0002', kind: 'submissionSlip' });
    await flush();
    await printer.print(RECEIPT);
    await flush();
    expect(queue.queued.map((c) => c.dossierCode)).toEqual([RECEIPT.dossierCode]);
  });

  it('logs a queue that cannot take the PDF without failing the print', async () => {
    const queue = new QueueTwin();
    queue.failing = true;
    const lines: string[] = [];
    await signedReceiptPrinter(
      printerTwin(false),
      queue,
      createLogger((l) => lines.push(l)),
    ).print(RECEIPT);
    await flush();
    expect(lines.join('\n')).toContain('"event":"receipt-pdf.queue-failed"');
    expect(lines.join('\n')).not.toContain(RECEIPT.applicantName);
  });

  it("prints a technician's test slip (no dossier code) and makes no PDF of it", async () => {
    const queue = new QueueTwin();
    queue.has = (code: string) => {
      // The receipt PDF outbox refuses a file name that is no dossier code.
      if (!/^[A-Z]\d{2}/.test(code)) throw new Error(`"${code}" is not a dossier code`);
      return false;
    };
    const paper = printerTwin(false);
    const printer = signedReceiptPrinter(
      paper,
      queue,
      createLogger(() => {}),
    );
    await expect(printer.print({ ...RECEIPT, dossierCode: 'IN-THU' })).resolves.toBeUndefined();
    await flush();
    expect(paper.printed).toEqual(['IN-THU']);
    expect(queue.queued).toEqual([]);
  });

  it('never fails a print when the queue cannot even be asked, and logs why', async () => {
    const queue = new QueueTwin();
    queue.has = () => {
      throw new Error('receipt folder unreadable');
    };
    const lines: string[] = [];
    const printer = signedReceiptPrinter(
      printerTwin(false),
      queue,
      createLogger((l) => lines.push(l)),
    );
    await expect(printer.print(RECEIPT)).resolves.toBeUndefined();
    expect(lines.join('\n')).toContain('"event":"receipt-pdf.queue-failed"');
  });

  it('states no fee as exempt, and an unpaid one as unpaid', () => {
    expect(pdfFeeOf(undefined)).toEqual({ amountVnd: 0, status: 'exempt' });
    expect(pdfFeeOf({ amountVnd: 0, paid: false })).toEqual({ amountVnd: 0, status: 'exempt' });
    expect(pdfFeeOf({ amountVnd: 20_000, paid: false })).toEqual({
      amountVnd: 20_000,
      status: 'unpaid',
    });
  });
});
