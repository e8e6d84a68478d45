import {
  askedValues,
  type AssuranceLevel,
  type CitizenFacts,
  type ProcessingTime,
} from '@kiosk/forms';
import { formatReceiptQr } from '../dossier-code';
import type { QueueTicketView, ReceiptView } from '@kiosk/protocol';
import type { AppointmentCalculator } from '../appointment';
import { formatVietnamIso } from '../appointment';
import { applicantContact } from './applicant-contact';
import { counterLabel } from '../queue/counter-groups';
import {
  documentsOfDossier,
  effectiveIntake,
  electronicPapers,
  papersToBring,
} from './receipt-papers';
import type { KioskConfig } from '../config/kiosk-config';
import type { SubmitDossierInput } from '../flow/journey-services';
import type { Outbox } from '../outbox';
import type { ProcedureService } from '../procedures/procedure-service';
import type { ReceiptRepository } from '../store/receipt-repository';
import { smsSubscriptionOf } from '../sms';

export interface DossierIntakeDeps {
  readonly outbox: Outbox;
  readonly receipts: ReceiptRepository;
  readonly calculator: AppointmentCalculator;
  readonly procedures: ProcedureService;
  /** Read at each submission, so technicians' settings changes apply to the next receipt. */
  readonly config: () => Pick<
    KioskConfig,
    | 'centreName'
    | 'receivingUnit'
    | 'collectAt'
    | 'lookupBaseUrl'
    | 'trackingHint'
    | 'kioskId'
    | 'smsShortCode'
  >;
  readonly now?: () => Date;
}

/** "8 giờ làm việc", "3 ngày làm việc", "15 ngày". */
export function describeProcessingTime(time: ProcessingTime): string {
  if (time.unit === 'calendarDays') return `${time.amount} ngày`;
  return time.amount % 8 === 0 ? `${time.amount / 8} ngày làm việc` : `${time.amount} giờ làm việc`;
}

/**
 * The level a dossier carries. A record given as a file (`registry-only`, the command line)
 * proves nobody's presence, so it counts as the printed documents do.
 */
function assuranceOfDossier(level: CitizenFacts['assurance']): AssuranceLevel {
  return level === 'registry-only' ? 'document-only' : level;
}

/**
 * Receives a dossier at the kiosk: gives it a code, computes the appointment, and stores the
 * dossier (outbox) and its slip in one transaction, before any network call. The slip is a
 * phiếu nộp hồ sơ (`kind: 'submissionSlip'`, acceptance pending) until the one-stop system
 * accepts the dossier: by itself for an electronic intake, by an officer for a counter intake
 * (Nghị định 118/2025/NĐ-CP: the receipt follows the acceptance). The outbox worker delivers
 * the dossier when the gateway is reachable.
 *
 * The code is reserved (and committed) first, and the worker is woken only once the transaction
 * has committed: if the COMMIT fails (disk full, I/O error) nothing of the dossier has left the
 * kiosk and its code is spent, never issued to the next citizen.
 */
export class DossierIntake {
  private readonly now: () => Date;

  constructor(private readonly deps: DossierIntakeDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** How a procedure's dossier will be received, and the field its counters are grouped by. */
  intakeOf(
    procedureCode: string,
    optionalPapers: Readonly<Record<number, number>> = {},
  ): { intake: 'electronic' | 'counter'; sector: string } {
    const procedure = this.deps.procedures.get(procedureCode);
    return { intake: effectiveIntake(procedure, optionalPapers), sector: procedure.sector.vi };
  }

  /**
   * `queue`: the counter queue number of a counter intake (see `intakeOf`), drawn before the
   * transaction since the queue system is asked over the network.
   */
  submit(input: SubmitDossierInput, queue?: QueueTicketView): ReceiptView {
    const { outbox, receipts, calculator, procedures } = this.deps;
    const config = this.deps.config();
    const procedure = procedures.get(input.procedureCode);
    const received = this.now();
    const appointment = calculator.calculate(received, procedure.processingTime);
    const receivedAt = formatVietnamIso(received);
    const optionalPapers = input.optionalPapers ?? {};
    const intake = effectiveIntake(procedure, optionalPapers);
    // Only the fields the answers ask for leave the kiosk (askedWhen): a block filled from the
    // card but not asked must not travel as someone else's details.
    const values = askedValues(procedure, input.form.values);
    const contact = applicantContact(input.citizen.record, values);
    const smsSubscription = smsSubscriptionOf(procedure, values);
    const reserved = outbox.reserve();
    return outbox.atomically((): ReceiptView => {
      const { code } = outbox.enqueue(
        {
          procedureCode: procedure.code,
          receivedAt,
          appointmentAt: appointment.dueIso,
          applicant: input.citizen.record,
          form: values,
          identityAssurance: assuranceOfDossier(input.citizen.assurance),
          intake,
          ...(smsSubscription ? { smsSubscription } : {}),
          // The portal's status lookup reports it back (issue 18); not paid at the kiosk yet.
          fee: { amountVnd: procedure.fee.amountVnd, paid: false },
        },
        reserved,
      );
      const receipt: ReceiptView = {
        dossierCode: code,
        centreName: config.centreName,
        receivingUnit: config.receivingUnit,
        applicantName: input.citizen.record.fullName,
        procedureCode: procedure.code,
        procedureName: procedure.name.vi,
        documents: documentsOfDossier(procedure, optionalPapers).map((d) => d.name.vi),
        processingTime: describeProcessingTime(procedure.processingTime),
        receivedAt,
        appointmentAt: appointment.dueIso,
        collectAt: config.collectAt,
        status: 'queued',
        lookupUrl: formatReceiptQr(code, config.lookupBaseUrl),
        trackingHint: config.trackingHint,
        ...(smsSubscription && config.smsShortCode ? { smsShortCode: config.smsShortCode } : {}),
        kioskId: config.kioskId,
        identityAssurance: assuranceOfDossier(input.citizen.assurance),
        kind: 'submissionSlip',
        intake,
        acceptance: { state: 'pending' },
        ...(intake === 'counter' && queue
          ? {
              queueNumber: queue.number,
              queueCounter: counterLabel(queue.groupName, queue.counters),
            }
          : {}),
        papers:
          intake === 'counter'
            ? papersToBring(procedure, optionalPapers)
            : electronicPapers(procedure),
        sets: 1,
        ...(contact.address ? { applicantAddress: contact.address } : {}),
        ...(contact.phone ? { applicantPhone: contact.phone } : {}),
        ...(contact.email ? { applicantEmail: contact.email } : {}),
        // No payment at the kiosk yet: the fee is printed as not paid (paid at the counter).
        fee: { amountVnd: procedure.fee.amountVnd, paid: false },
        appointmentProvisional: appointment.unconfirmedYears.length > 0,
        sameDay: appointment.sameDay,
        receiptForm: procedure.receiptForm,
      };
      receipts.save(receipt, input.citizen.record.personalId);
      return receipt;
    });
  }
}
