import { useTranslation } from 'react-i18next';
import { formatDateTime, formatVnd } from '@kiosk/forms/browser';
import type { ConfirmationCommitment, ProcedureSummary } from '@kiosk/protocol';

type Lang = 'vi' | 'en';

/**
 * The fee as the procedure defines it: free, an amount, or "not set" when the catalogue does not
 * say (never a guessed 0).
 */
export function feeText(feeVnd: number | undefined, t: (key: string) => string): string {
  if (feeVnd === undefined || !Number.isFinite(feeVnd)) return t('commitment.feeUnset');
  if (feeVnd === 0) return t('commitment.free');
  return formatVnd(feeVnd);
}

/**
 * What the citizen commits to by submitting: when the result is expected, the fee, the papers to
 * bring and where to go next (issue 21), so nothing on the receipt comes as a surprise.
 */
export function CommitmentSummary({
  procedure,
  commitment,
}: {
  procedure: ProcedureSummary;
  commitment: ConfirmationCommitment | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const due = commitment?.expectedAppointmentIso;
  // The core's list leaves out the optional papers the citizen does not have.
  const papers = commitment?.papers ?? procedure.documents;
  return (
    <section className="commitment" aria-labelledby="commitment-heading">
      <h2 id="commitment-heading">{t('commitment.heading')}</h2>
      <dl className="summary">
        <dt>{t('commitment.appointment')}</dt>
        <dd data-testid="commitment-appointment">
          {due ? formatDateTime(due) : t('commitment.appointmentUnknown')}
        </dd>
        {/* A procedure whose fee carries its source shows it in full (FeeSummary) above. */}
        {!procedure.fee && (
          <>
            <dt>{t('commitment.fee')}</dt>
            <dd data-testid="commitment-fee">{feeText(procedure.feeVnd, t)}</dd>
          </>
        )}
        <dt>{t('commitment.next')}</dt>
        <dd data-testid="commitment-next">
          {t('commitment.nextText', { agency: procedure.receivingAgency[lang] })}
        </dd>
      </dl>
      <h3>{t('commitment.papers')}</h3>
      <ul data-testid="commitment-papers">
        {papers.length === 0 && <li>{t('commitment.noPapers')}</li>}
        {papers.map((d) => (
          <li key={d.name.vi}>
            {d.name[lang]} — {d.copies}{' '}
            {d.original ? t('commitment.original') : t('commitment.copy')}
          </li>
        ))}
      </ul>
    </section>
  );
}
