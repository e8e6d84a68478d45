import { useTranslation } from 'react-i18next';
import { CITIZEN_FIELD_LABELS, formatAddress, formatDate, formatSex } from '@kiosk/forms/browser';
import type { JourneyView } from '@kiosk/protocol';
import { ActionBar } from '../components/ActionBar';
import { FeeSummary } from '../components/FeeSummary';
import { useClient } from '../api/client-context';
import { CommitmentSummary } from './CommitmentSummary';

export function ConfirmScreen({ view }: { view: JourneyView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const client = useClient();
  const record = view.citizen?.record;
  return (
    <main className="screen confirm" data-testid="screen-confirming">
      <h1>{t('confirm.heading')}</h1>
      <dl className="summary">
        <dt>{t('confirm.applicant')}</dt>
        <dd data-testid="confirm-applicant">{record?.fullName}</dd>
        {record?.dateOfBirth && (
          <>
            <dt>{CITIZEN_FIELD_LABELS.dateOfBirth[lang]}</dt>
            <dd data-testid="confirm-birth">{formatDate(record.dateOfBirth)}</dd>
          </>
        )}
        {(['permanentResidence', 'residence'] as const).map((place) => {
          const address = record?.[place];
          return (
            address && (
              <div key={place} className="summary-row" data-testid={`confirm-${place}`}>
                <dt>{CITIZEN_FIELD_LABELS[place][lang]}</dt>
                <dd>{formatAddress(address)}</dd>
              </div>
            )
          );
        })}
        {record?.sex && (
          <>
            <dt>{CITIZEN_FIELD_LABELS.sex[lang]}</dt>
            <dd data-testid="confirm-sex">{formatSex(record.sex, lang)}</dd>
          </>
        )}
        <dt>{t('confirm.procedure')}</dt>
        <dd>{view.procedure?.name[lang]}</dd>
        {view.procedure?.fee && <FeeSummary fee={view.procedure.fee} />}
      </dl>
      {view.procedure && (
        <CommitmentSummary procedure={view.procedure} commitment={view.commitment} />
      )}
      <ActionBar>
        <button
          className="secondary big"
          data-testid="confirm-back"
          data-keypad-back
          onClick={() => client.send({ type: 'journey.back' })}
        >
          {t('app.back')}
        </button>
        <button
          className="primary big"
          data-testid="confirm-submit"
          onClick={() => client.send({ type: 'journey.confirm' })}
        >
          {t('confirm.submit')}
        </button>
      </ActionBar>
    </main>
  );
}
