import type { Procedure } from '@kiosk/forms';
import type { ConfirmationCommitment } from '@kiosk/protocol';
import type { AppointmentCalculator } from '../appointment';

/**
 * The commitment shown on the confirmation screen, computed with the calculator the intake uses,
 * as if the dossier were received at `now`. A calendar that cannot place the appointment leaves
 * it out rather than show a guess.
 */
export function confirmationCommitment(
  procedure: Procedure,
  calculator: AppointmentCalculator,
  now: Date,
): ConfirmationCommitment {
  try {
    return {
      expectedAppointmentIso: calculator.calculate(now, procedure.processingTime).dueIso,
    };
  } catch {
    return {};
  }
}
