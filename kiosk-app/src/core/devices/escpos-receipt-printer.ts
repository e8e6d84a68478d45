import { DeviceError } from '@kiosk/device';
import {
  isPrintable,
  QueueTicketSlipSchema,
  renderQueueTicket,
  renderReceipt,
  type PrinterProfile,
  type PrinterStatus,
  type ReceiptPrinter,
  type ReceiptTemplate,
  type RenderedReceipt,
} from '@kiosk/printer';
import { formatDateTime } from '@kiosk/forms';
import type { DeviceView, JourneyError, ReceiptView } from '@kiosk/protocol';
import type { PrinterCheck } from '../flow/journey-services';
import type { Logger } from '../log/logger';
import type { PrintOptions, QueueTicketPrint, ReceiptPrinterPort } from '../ports';
import { printJobId, receiptToSlip } from './receipt-slip';

export interface EscposReceiptPrinterOptions {
  /** The driver, on its transport (`new ReceiptPrinter(createTransport(uri), profile)`). */
  readonly printer: ReceiptPrinter;
  readonly profile: PrinterProfile;
  readonly template: ReceiptTemplate;
  readonly logger?: Logger;
}

/** The journey's printer error for a status the printer cannot print in. */
function errorOfStatus(status: PrinterStatus): JourneyError {
  if (status.paper === 'out') return { code: 'PRINTER_PAPER_OUT' };
  const reason = status.coverOpen
    ? 'cover open'
    : status.cutterError
      ? 'cutter error'
      : !status.online
        ? 'offline'
        : 'printer error';
  return { code: 'PRINTER_UNAVAILABLE', detail: reason };
}

/**
 * The kiosk's receipt printer over the ESC/POS driver: `check()` before the dossier is
 * submitted, `print()` renders the slip for the printer's profile and sends it with a job id,
 * so a retried print after all bytes left does not print a second slip.
 *
 * @example
 * const profile = loadProfile('epson-80mm-tcvn3');
 * const port = new EscposReceiptPrinter({
 *   printer: new ReceiptPrinter(createTransport('tcp://10.0.0.5:9100'), profile),
 *   profile, template: defaultTemplate(),
 * });
 */
export class EscposReceiptPrinter implements ReceiptPrinterPort {
  private lastCheck: PrinterCheck | undefined;

  constructor(private options: EscposReceiptPrinterOptions) {}

  /** The profile slips are rendered for now (changes with `reconfigure`). */
  get profileId(): string {
    return this.options.profile.id;
  }

  /**
   * Switches to another printer or profile while the kiosk runs (a technician's assignment):
   * later checks and prints go to `next.printer`, and the previous connection is closed.
   */
  async reconfigure(next: Pick<EscposReceiptPrinterOptions, 'printer' | 'profile'>): Promise<void> {
    const previous = this.options.printer;
    this.options = { ...this.options, printer: next.printer, profile: next.profile };
    this.lastCheck = undefined;
    if (previous !== next.printer) await previous.close().catch(() => undefined);
  }

  /** The printer's real-time status (DLE EOT), for the technician's test print. */
  async status(): Promise<PrinterStatus> {
    const status = await this.options.printer.status();
    this.lastCheck = isPrintable(status)
      ? { ready: true }
      : { ready: false, error: errorOfStatus(status) };
    return status;
  }

  async check(): Promise<PrinterCheck> {
    let check: PrinterCheck;
    try {
      const status = await this.options.printer.status();
      check = isPrintable(status)
        ? { ready: true, paper: status.paper }
        : { ready: false, error: errorOfStatus(status), paper: status.paper };
    } catch (error) {
      check = {
        ready: false,
        error: {
          code: 'PRINTER_UNAVAILABLE',
          detail: error instanceof DeviceError ? error.code : 'no status',
        },
      };
    }
    this.lastCheck = check;
    return check;
  }

  /**
   * Resolves only when the printer confirmed the slip (see `ReceiptPrinter.print`); a cut or
   * stalled link rejects (PRINTER_LINK_LOST, PRINTER_NOT_CONFIRMED), so the journey shows the
   * receipt on screen and the store keeps it unprinted for staff.
   */
  async print(receipt: ReceiptView, options: PrintOptions = {}): Promise<void> {
    await this.send(this.render(receipt, options), printJobId(receipt, options), options);
  }

  /** The "Lấy số thứ tự" ticket; one job per number, so a retry never prints it twice. */
  async printTicket(ticket: QueueTicketPrint): Promise<void> {
    const slip = QueueTicketSlipSchema.parse({
      centreName: ticket.centreName,
      number: ticket.number,
      groupName: ticket.groupName,
      ...(ticket.counters ? { counters: ticket.counters } : {}),
      ...(ticket.waiting === undefined ? {} : { waiting: ticket.waiting }),
      issuedAt: ticket.issuedAt,
      kioskId: ticket.kioskId,
    });
    const rendered = renderQueueTicket(
      slip,
      this.options.profile,
      this.options.template,
      formatDateTime,
    );
    await this.send(rendered, `ticket:${ticket.number}@${ticket.issuedAt}`, {});
  }

  private async send(
    rendered: RenderedReceipt,
    jobId: string,
    options: PrintOptions,
  ): Promise<void> {
    try {
      const result = await this.options.printer.print(rendered.escpos, {
        jobId,
        boundaries: rendered.boundaries,
      });
      this.options.logger?.info('printer.job', {
        alreadyPrinted: result.alreadyPrinted,
        confirmedBy: result.confirmedBy,
        reprint: options.reprintAt !== undefined,
        substituted: rendered.substituted.length,
      });
    } catch (error) {
      const code = error instanceof DeviceError ? error.code : 'PRINTER_ERROR';
      // The health view shows the failed print until the next check.
      this.lastCheck = { ready: false, error: { code: 'PRINTER_UNAVAILABLE', detail: code } };
      this.options.logger?.warn('printer.failed', { code });
      throw error;
    }
  }

  /** What the slip looks like on paper (PNG), for the screen and for a printer that failed. */
  preview(receipt: ReceiptView, options: PrintOptions = {}): Buffer {
    return this.render(receipt, options).previewPng;
  }

  /** The printer as the health view shows it, from the last check. */
  deviceView(): DeviceView {
    const check = this.lastCheck;
    return {
      id: this.options.printer.id,
      role: 'receiptPrinter',
      kind: 'printer',
      status:
        check === undefined ? 'unknown' : check.ready ? 'online' : (check.error?.code ?? 'offline'),
      detail: this.options.profile.id,
    };
  }

  close(): Promise<void> {
    return this.options.printer.close();
  }

  private render(receipt: ReceiptView, options: PrintOptions): RenderedReceipt {
    return renderReceipt(
      receiptToSlip(receipt, options),
      this.options.profile,
      this.options.template,
      formatDateTime,
    );
  }
}
