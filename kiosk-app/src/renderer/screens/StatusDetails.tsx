import { useTranslation } from 'react-i18next';
import { formatDateTime, formatVnd } from '@kiosk/forms/browser';
import type { DossierStatusView } from '@kiosk/protocol';

/**
 * What the one-stop system says of a dossier beyond its status (issue 18): the history with
 * its times, the appointment, the fee, and whether the result can be collected now.
 */
export function StatusDetails({ result }: { result: DossierStatusView }) {
  const { t } = useTranslation();
  return (
    <>
      {result.history && result.history.length > 0 && (
        <section data-testid="status-history">
          <h2>{t('statusDetails.history')}</h2>
          <ol className="status-history">
            {result.history.map((step) => (
              <li key={`${step.status}-${step.at}`} data-status={step.status}>
                {t(`statusDetails.steps.${step.status}`, { defaultValue: step.status })}
                <time dateTime={step.at}>{formatDateTime(step.at)}</time>
              </li>
            ))}
          </ol>
        </section>
      )}
      {result.appointmentAt && (
        <p data-testid="status-appointment">
          {t('statusDetails.appointment')}: {formatDateTime(result.appointmentAt)}
        </p>
      )}
      <p data-testid="status-fee">
        {t('statusDetails.fee')}:{' '}
        {result.fee
          ? t(`statusDetails.feeStates.${result.fee.state}`, {
              amount: formatVnd(result.fee.amountVnd),
            })
          : t('statusDetails.feeUnknown')}
      </p>
      {result.collectable !== undefined && (
        <p data-testid="status-collectable" data-collectable={String(result.collectable)}>
          <strong>
            {t(result.collectable ? 'statusDetails.collectable' : 'statusDetails.notCollectable')}
          </strong>
        </p>
      )}
    </>
  );
}
