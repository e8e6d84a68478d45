import { useTranslation } from 'react-i18next';
import { DEMO_CARDS, DEMO_MISMATCH_CARD, type CardReaderAvailability } from '@kiosk/protocol';
import { useClient, useClientState } from '../api/client-context';
import { OpenCameraButton } from '../camera';
import { SpokenPromptsButton } from '../speech/SpokenPromptsButton';
import { OpenProcedureCatalogueButton } from '../procedure-page';

/** The card reader is offline: say so, in Vietnamese then English, and offer the other ways. */
function ReaderUnavailable() {
  const { t } = useTranslation();
  return (
    <section className="reader-unavailable" role="status" data-testid="reader-unavailable">
      <p className="error-text">{t('idle.readerUnavailable', { lng: 'vi' })}</p>
      <p className="error-text secondary-language" lang="en">
        {t('idle.readerUnavailable', { lng: 'en' })}
      </p>
      <p className="instruction">{t('idle.readerUnavailableInstruction')}</p>
    </section>
  );
}

export function IdleScreen({ cardReader }: { cardReader: CardReaderAvailability }) {
  const { t } = useTranslation();
  const client = useClient();
  const { session } = useClientState();
  const readerReady = cardReader === 'ready';
  return (
    <main className="screen idle" data-testid="screen-idle">
      <h1>{t('idle.heading')}</h1>
      {readerReady ? (
        <>
          <div className="card-illustration" aria-hidden="true">
            <div className="card-shape">CCCD</div>
          </div>
          <p className="instruction">{t('idle.instruction')}</p>
          <p className="hint">{t('idle.qrHint')}</p>
        </>
      ) : (
        <ReaderUnavailable />
      )}
      <OpenCameraButton primary={!readerReady} />
      <SpokenPromptsButton />
      <button
        className="secondary big"
        data-testid="open-status-lookup"
        onClick={() => client.send({ type: 'journey.openStatusLookup' })}
      >
        {t('idle.status')}
      </button>
      <OpenProcedureCatalogueButton />
      <button
        className="secondary big"
        data-testid="open-take-number"
        onClick={() => client.send({ type: 'journey.openTakeNumber' })}
      >
        {t('idle.takeNumber')}
      </button>
      {session?.demo && (
        <section className="demo-panel" aria-label={t('idle.demoHeading')}>
          <h2>{t('idle.demoHeading')}</h2>
          <p className="hint" data-testid="demo-mismatch-note">
            {t('idle.demoMismatchNote', { n: DEMO_MISMATCH_CARD + 1 })}
          </p>
          <div className="demo-buttons">
            {DEMO_CARDS.map((n) => (
              <button
                key={n}
                data-testid={`demo-card-${n}`}
                onClick={() => client.send({ type: 'demo.placeCard', citizenIndex: n })}
              >
                {t('idle.demoCard', { n: n + 1 })}
                {n === DEMO_MISMATCH_CARD && ` — ${t('idle.demoMismatch')}`}
              </button>
            ))}
            <button
              data-testid="demo-qr-0"
              onClick={() => client.send({ type: 'demo.scanQr', citizenIndex: 0 })}
            >
              {t('idle.demoQr', { n: 1 })}
            </button>
          </div>
        </section>
      )}
      <p className="privacy" data-testid="privacy-statement">
        {t('idle.privacy')}
      </p>
    </main>
  );
}
