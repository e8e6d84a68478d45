import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';
import { StatusDetails } from './StatusDetails';

export function StatusLookupScreen({ view }: { view: JourneyView }) {
  const { t } = useTranslation();
  const client = useClient();
  const [code, setCode] = useState(view.statusLookup?.result?.dossierCode ?? '');
  const [keyboard, setKeyboard] = useState(false);
  const phase = view.statusLookup?.phase ?? 'entering';
  const result = view.statusLookup?.result;
  return (
    <main className="screen status" data-testid="screen-statusLookup">
      <h1>{t('status.heading')}</h1>
      <input
        data-testid="status-code"
        placeholder={t('status.enter')}
        value={code}
        onFocus={() => setKeyboard(true)}
        onBlur={() => setKeyboard(false)}
        onChange={(e) => setCode(e.target.value.toUpperCase())}
      />
      <button
        className="primary big"
        data-testid="status-lookup"
        disabled={code.trim() === '' || phase === 'looking'}
        onClick={() => client.send({ type: 'journey.lookupStatus', code })}
      >
        {t('status.lookup')}
      </button>
      {phase === 'found' && result && (
        <section className="status-result" data-testid="status-result">
          <p>
            {result.dossierCode}:{' '}
            <strong>
              {t(`status.statuses.${result.status}`, { defaultValue: result.status })}
            </strong>
          </p>
          <StatusDetails result={result} />
          {result.reason && (
            <p data-testid="status-reason">
              {t('status.reason')}: {result.reason}
            </p>
          )}
          {result.receiptSignature && (
            <p
              data-testid="status-receipt-signature"
              data-verdict={result.receiptSignature}
              className={result.receiptSignature === 'valid' ? undefined : 'error-text'}
            >
              {t(`status.receiptSignature.${result.receiptSignature}`)}
            </p>
          )}
          {result.receiptPrinted !== undefined && (
            <p data-testid="status-receipt-printed">
              {t(result.receiptPrinted ? 'status.receiptPrinted' : 'status.receiptNotPrinted')}
            </p>
          )}
        </section>
      )}
      {phase === 'notFound' && <p className="error-text">{t('status.notFound')}</p>}
      {phase === 'unavailable' && <p className="error-text">{t('status.unavailable')}</p>}
      <button
        className="secondary big"
        data-keypad-back
        onClick={() => client.send({ type: 'journey.back' })}
      >
        {t('app.back')}
      </button>
      {keyboard && (
        <OnScreenKeyboard
          value={code}
          onChange={(v) => setCode(v.toUpperCase())}
          onClose={() => setKeyboard(false)}
        />
      )}
    </main>
  );
}
