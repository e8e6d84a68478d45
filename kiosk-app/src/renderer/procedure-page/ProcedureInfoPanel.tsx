import { useTranslation } from 'react-i18next';
import { describeProcessingTime } from '@kiosk/forms/browser';
import type { ProcedureInfoView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { ActionBar } from '../components/ActionBar';
import { FeeSummary } from '../components/FeeSummary';
import { ProcedurePortalQr } from './ProcedurePortalQr';

/**
 * A published procedure, read-only: what it is, who decides, how long it takes, the fee, the
 * papers, the legal basis and where the dossier goes. "Nộp hồ sơ" asks for the card next.
 */
export function ProcedureInfoPanel({ info }: { info: ProcedureInfoView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const client = useClient();
  return (
    <main className="screen procedure-page" data-testid="screen-procedureInfo">
      <h1 data-testid="procedure-page-name">{info.name[lang]}</h1>
      <p className="meta">
        {t('procedurePage.code')}: <span data-testid="procedure-page-code">{info.code}</span> ·{' '}
        {info.sector[lang]}
      </p>
      <dl className="summary">
        <dt>{t('procedurePage.agency')}</dt>
        <dd data-testid="procedure-page-agency">{info.receivingAgency[lang]}</dd>
        <dt>{t('procedurePage.whereToSubmit')}</dt>
        <dd data-testid="procedure-page-where">
          {t(
            info.intake === 'electronic'
              ? 'procedurePage.intakeElectronic'
              : 'procedurePage.intakeCounter',
          )}
        </dd>
        <dt>{t('procedurePage.time')}</dt>
        <dd data-testid="procedure-page-time">
          {describeProcessingTime(info.processingTime)[lang]}
        </dd>
        <FeeSummary fee={info.fee} />
        {info.feeNote && (
          <>
            <dt>{t('procedurePage.feeNote')}</dt>
            <dd>{info.feeNote[lang]}</dd>
          </>
        )}
        <dt>{t('procedurePage.result')}</dt>
        <dd>{info.resultDelivery.map((way) => t(`procedurePage.delivery.${way}`)).join(', ')}</dd>
      </dl>
      <h2>{t('procedurePage.documents')}</h2>
      <ul data-testid="procedure-page-documents">
        {info.documents.map((d) => (
          <li key={d.name.vi}>
            {d.name[lang]} —{' '}
            {t(d.original ? 'procedurePage.original' : 'procedurePage.copy', { n: d.copies })}
          </li>
        ))}
      </ul>
      <h2>{t('procedurePage.legalBasis')}</h2>
      <ul data-testid="procedure-page-legal-basis">
        {info.legalBasis.map((act) => (
          <li key={act}>{act}</li>
        ))}
      </ul>
      <ProcedurePortalQr url={info.portalUrl} />
      <ActionBar>
        <button
          className="secondary big"
          data-testid="procedure-page-back"
          onClick={() => client.send({ type: 'journey.back' })}
        >
          {t('procedurePage.toCatalogue')}
        </button>
        <button
          className="primary big"
          data-testid="procedure-page-submit"
          onClick={() => client.send({ type: 'journey.startSubmission' })}
        >
          {t('procedurePage.submit')}
        </button>
      </ActionBar>
    </main>
  );
}
