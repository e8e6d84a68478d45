import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReceiptView } from '@kiosk/protocol';
import type { PrinterCheck } from '../core/flow/journey-services';
import type { PrintOptions, QueueTicketPrint, ReceiptPrinterPort } from '../core/ports';

/** Lines of the slip as text, in print order: what the demo printer "prints". */
export function receiptLines(receipt: ReceiptView, options: PrintOptions = {}): string[] {
  return [
    receipt.centreName,
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    ...(options.reprintAt ? [`BẢN IN LẠI ${options.reprintAt}`] : []),
    `Mã hồ sơ: ${receipt.dossierCode}`,
    `Bộ phận tiếp nhận: ${receipt.receivingUnit}`,
    `Người nộp: ${receipt.applicantName}`,
    `Thủ tục: ${receipt.procedureName}`,
    ...receipt.documents.map((d) => `- ${d}`),
    `Thời hạn giải quyết: ${receipt.processingTime}`,
    `Tiếp nhận lúc: ${receipt.receivedAt}`,
    `Hẹn trả kết quả: ${receipt.appointmentAt}`,
    `Nơi nhận kết quả: ${receipt.collectAt}`,
    `Trạng thái: ${receipt.status === 'queued' ? 'Đã tiếp nhận, đang chuyển hệ thống' : 'Đã tiếp nhận'}`,
    `Tra cứu: ${receipt.lookupUrl}`,
    receipt.trackingHint,
    `Kiosk: ${receipt.kioskId}`,
  ];
}

/**
 * The demo's in-process receipt printer: writes each slip to `<dir>/<code>.txt` (and `.json`),
 * and can be switched to "paper out" to show the failure path.
 */
export class DemoPrinter implements ReceiptPrinterPort {
  paperOut = false;

  constructor(private readonly dir: string) {}

  async check(): Promise<PrinterCheck> {
    return this.paperOut ? { ready: false, error: { code: 'PRINTER_PAPER_OUT' } } : { ready: true };
  }

  async print(receipt: ReceiptView, options: PrintOptions = {}): Promise<void> {
    if (this.paperOut) throw new Error('paper out');
    await mkdir(this.dir, { recursive: true });
    const name = options.reprintAt ? `${receipt.dossierCode}.reprint` : receipt.dossierCode;
    await writeFile(
      join(this.dir, `${name}.txt`),
      `${receiptLines(receipt, options).join('\n')}\n`,
    );
    await writeFile(join(this.dir, `${name}.json`), `${JSON.stringify(receipt, null, 2)}\n`);
  }

  async printTicket(ticket: QueueTicketPrint): Promise<void> {
    if (this.paperOut) throw new Error('paper out');
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, `ticket-${ticket.number}.json`), `${JSON.stringify(ticket)}\n`);
  }
}
