import { useTranslation } from 'react-i18next';
import type { JourneyView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { ReceiptCard } from '../components/ReceiptCard';

/** Done (printed) or printFailed (shown on screen): the receipt is always visible. */
export function ReceiptScreen({ view }: { view: JourneyView }) {
  const { t } = useTranslation();
  const client = useClient();
  const failed = view.step === 'printFailed';
  const receipt = view.receipt;
  const slip = receipt?.kind === 'submissionSlip';
  const refused = slip && receipt?.acceptance?.state === 'refused';
  const heading = failed
    ? 'printFailed.heading'
    : refused
      ? 'done.refusedHeading'
      : slip
        ? 'done.slipHeading'
        : 'done.heading';
  const take = failed
    ? 'printFailed.body'
    : slip && receipt?.intake === 'electronic'
      ? 'done.pendingTake'
      : slip
        ? 'done.slipTake'
        : 'done.take';
  return (
    <main
      className={`screen receipt-screen${failed ? ' failed' : ''}`}
      data-testid={`screen-${view.step}`}
    >
      <h1>{t(heading)}</h1>
      {failed && view.error && (
        <p className="error-text" role="alert">
          {t(`errors.${view.error.code}`)}
        </p>
      )}
      {!refused && <p>{t(take)}</p>}
      {view.receipt && <ReceiptCard receipt={view.receipt} />}
      <div className="actions">
        {failed && (
          <button className="secondary big" onClick={() => client.send({ type: 'journey.retry' })}>
            {t('app.retry')}
          </button>
        )}
        <button
          className="primary big"
          data-testid="finish"
          onClick={() => client.send({ type: 'journey.finish' })}
        >
          {t('app.finish')}
        </button>
      </div>
    </main>
  );
}
