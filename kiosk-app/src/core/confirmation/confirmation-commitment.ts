import type { Procedure } from '@kiosk/forms';
import type { ConfirmationCommitment } from '@kiosk/protocol';
import type { AppointmentCalculator } from '../appointment';
import { documentsOfDossier } from '../intake/receipt-papers';

/**
 * The commitment shown on the confirmation screen, computed with the calculator the intake uses,
 * as if the dossier were received at `now`. A calendar that cannot place the appointment leaves
 * it out rather than show a guess. The papers are the required ones and the optional ones the
 * citizen said they have (`optionalPapers`: index in the documents → count).
 */
export function confirmationCommitment(
  procedure: Procedure,
  calculator: AppointmentCalculator,
  now: Date,
  optionalPapers: Readonly<Record<number, number>> = {},
): ConfirmationCommitment {
  const papers = documentsOfDossier(procedure, optionalPapers).map((d) => ({
    name: d.name,
    copies: d.copies,
    original: d.original,
  }));
  try {
    return {
      expectedAppointmentIso: calculator.calculate(now, procedure.processingTime).dueIso,
      papers,
    };
  } catch {
    return { papers };
  }
}
