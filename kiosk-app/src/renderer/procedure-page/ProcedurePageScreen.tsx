import { useTranslation } from 'react-i18next';
import { DEMO_CARDS, type JourneyView, type ProcedurePageView } from '@kiosk/protocol';
import { useClient, useClientState } from '../api/client-context';
import { ActionBar } from '../components/ActionBar';
import { BusyScreen } from '../screens/BusyScreen';
import { ProcedureBrowse } from './ProcedureBrowse';
import { ProcedureInfoPanel } from './ProcedureInfoPanel';

/** A QR that opened no procedure: say why, in Vietnamese first, and lead to the catalogue. */
function ProcedureProblem({ page }: { page: ProcedurePageView }) {
  const { t } = useTranslation();
  const client = useClient();
  const key =
    page.problem === 'unknownProcedure'
      ? 'procedurePage.unknownProcedure'
      : 'procedurePage.notProcedure';
  return (
    <main className="screen procedure-problem" data-testid="screen-procedureProblem">
      <h1>{t('procedurePage.problemHeading')}</h1>
      <p className="error-text" role="alert" data-testid="procedure-problem-message">
        {t(key, { code: page.code ?? '' })}
      </p>
      <p className="instruction">{t('procedurePage.problemHelp')}</p>
      <ActionBar>
        <button
          className="secondary big"
          data-testid="procedure-problem-home"
          onClick={() => client.send({ type: 'journey.cancel' })}
        >
          {t('procedurePage.home')}
        </button>
        <button
          className="primary big"
          data-testid="procedure-problem-catalogue"
          onClick={() => client.send({ type: 'journey.back' })}
        >
          {t('procedurePage.toCatalogue')}
        </button>
      </ActionBar>
    </main>
  );
}

/** After "Nộp hồ sơ": place the card; the chosen procedure's form follows the read. */
function AwaitingCard({ page }: { page: ProcedurePageView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const client = useClient();
  const { session } = useClientState();
  return (
    <main className="screen idle" data-testid="screen-procedureAwaitingCard">
      <h1>{t('procedurePage.awaitingHeading')}</h1>
      {page.info && <p data-testid="procedure-awaiting-name">{page.info.name[lang]}</p>}
      <div className="card-illustration" aria-hidden="true">
        <div className="card-shape">CCCD</div>
      </div>
      <p className="instruction">{t('idle.instruction')}</p>
      <p className="hint">{t('idle.qrHint')}</p>
      {session?.demo && (
        <section className="demo-panel" aria-label={t('idle.demoHeading')}>
          <div className="demo-buttons">
            {DEMO_CARDS.map((n) => (
              <button
                key={n}
                data-testid={`demo-card-${n}`}
                onClick={() => client.send({ type: 'demo.placeCard', citizenIndex: n })}
              >
                {t('idle.demoCard', { n: n + 1 })}
              </button>
            ))}
          </div>
        </section>
      )}
      <ActionBar>
        <button className="secondary big" onClick={() => client.send({ type: 'journey.back' })}>
          {t('app.back')}
        </button>
      </ActionBar>
    </main>
  );
}

/** The published procedure page and its catalogue, reached without a card (issue 18). */
export function ProcedurePageScreen({ view }: { view: JourneyView }) {
  const { t } = useTranslation();
  const page = view.procedurePage ?? { phase: 'browsing' };
  switch (page.phase) {
    case 'browsing':
      return <ProcedureBrowse />;
    case 'describing':
      return (
        <BusyScreen testId="screen-procedureDescribing" heading={t('procedurePage.loading')} />
      );
    case 'showing':
      return page.info ? <ProcedureInfoPanel info={page.info} /> : <ProcedureBrowse />;
    case 'problem':
      return <ProcedureProblem page={page} />;
    case 'awaitingCard':
      return <AwaitingCard page={page} />;
  }
}
