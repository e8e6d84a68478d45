import type { ReceiptView } from '@kiosk/protocol';
import type { AppointmentCalculator } from '../appointment';
import { formatVietnamIso } from '../appointment';
import type { DossierGateway, StatusResult } from '../links';
import type { Logger } from '../log/logger';
import type { ProcedureService } from '../procedures/procedure-service';
import type { ReceiptRepository } from '../store/receipt-repository';
import { electronicPapers, papersToBring } from './receipt-papers';

export interface DossierAcceptanceDeps {
  readonly gateway: Pick<DossierGateway, 'status'>;
  readonly receipts: ReceiptRepository;
  readonly procedures: ProcedureService;
  readonly calculator: AppointmentCalculator;
  readonly logger?: Logger;
  /** Waits between status questions; a test passes a fake clock's wait. */
  readonly wait?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
}

export interface AwaitOptions {
  /** How long the kiosk waits for an electronic acceptance before printing the phiếu. */
  readonly timeoutMs: number;
  readonly pollMs: number;
}

export const DEFAULT_AWAIT: AwaitOptions = { timeoutMs: 30_000, pollMs: 1_000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Turns a phiếu nộp hồ sơ into the official receipt once the one-stop system says the dossier
 * was accepted (Nghị định 118/2025/NĐ-CP: the receipt follows the acceptance), or marks the
 * phiếu refused. The receipt then lists what was received (the kiosk's declaration and national
 * data, and for a counter intake the papers the officer saw), the officer (or "Tiếp nhận tự
 * động"), the register entry, and an appointment counted from the acceptance.
 */
export class DossierAcceptance {
  private readonly wait: (ms: number) => Promise<void>;
  private readonly now: () => Date;

  constructor(private readonly deps: DossierAcceptanceDeps) {
    this.wait = deps.wait ?? sleep;
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Applies a status answer to the stored slip of `code`. Returns the new slip when it changed
   * (accepted → receipt, refused → refused phiếu), otherwise undefined.
   */
  apply(code: string, result: StatusResult): ReceiptView | undefined {
    if (result.kind !== 'found') return undefined;
    const stored = this.deps.receipts.get(code)?.receipt;
    if (!stored || stored.kind !== 'submissionSlip') return undefined;
    if (result.status === 'awaitingAcceptance') return undefined;
    const next =
      result.status === 'refused'
        ? this.refused(stored, result.acceptance?.reason)
        : this.accepted(stored, result);
    if (stored.acceptance?.state === 'refused' && next.kind === 'submissionSlip') return undefined;
    this.deps.receipts.replaceSlip(next);
    this.deps.logger?.info(next.kind === 'receipt' ? 'dossier.accepted' : 'dossier.refused', {
      dossier: code,
    });
    return next;
  }

  /**
   * Asks the one-stop system until the dossier is accepted or refused, or `timeoutMs` passes;
   * returns the slip to print: the receipt, or the phiếu (pending or refused).
   */
  async awaitDecision(
    slip: ReceiptView,
    options: AwaitOptions = DEFAULT_AWAIT,
  ): Promise<ReceiptView> {
    const deadline = this.now().getTime() + options.timeoutMs;
    for (;;) {
      const decided = this.apply(
        slip.dossierCode,
        await this.deps.gateway.status(slip.dossierCode),
      );
      if (decided) return decided;
      if (this.now().getTime() >= deadline) {
        this.deps.logger?.warn('dossier.acceptanceTimedOut', { dossier: slip.dossierCode });
        return slip;
      }
      await this.wait(options.pollMs);
    }
  }

  private refused(stored: ReceiptView, reason: string | undefined): ReceiptView {
    return {
      ...stored,
      acceptance: { state: 'refused', reason: reason ?? 'Không nêu lý do' },
    };
  }

  private accepted(
    stored: ReceiptView,
    result: Extract<StatusResult, { kind: 'found' }>,
  ): ReceiptView {
    const procedure = this.deps.procedures.get(stored.procedureCode);
    const details = result.acceptance;
    const acceptedAt = details?.acceptedAt ? new Date(details.acceptedAt) : this.now();
    const at = Number.isNaN(acceptedAt.getTime()) ? this.now() : acceptedAt;
    // The time limit runs from the acceptance of a complete dossier.
    const appointment = this.deps.calculator.calculate(at, procedure.processingTime);
    const papers =
      stored.intake === 'counter'
        ? [...electronicPapers(procedure), ...(stored.papers ?? papersToBring(procedure))]
        : electronicPapers(procedure);
    const { queueNumber: _queue, queueCounter: _counter, ...rest } = stored;
    return {
      ...rest,
      kind: 'receipt',
      status: 'received',
      receivedAt: formatVietnamIso(at),
      appointmentAt: appointment.dueIso,
      appointmentProvisional: appointment.unconfirmedYears.length > 0,
      sameDay: appointment.sameDay,
      papers,
      acceptance: {
        state: 'accepted',
        officer: details?.officer ?? 'Tiếp nhận tự động',
        ...(details?.acceptedAt ? { acceptedAt: details.acceptedAt } : {}),
        ...(details?.registerBook ? { registerBook: details.registerBook } : {}),
        ...(details?.registerEntry ? { registerEntry: details.registerEntry } : {}),
      },
    };
  }
}
