import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { ActionBar } from '../components/ActionBar';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';
import { matches } from '../screens/CatalogueScreen';

/** The catalogue without a card: tapping a procedure opens its published page. */
export function ProcedureBrowse() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const client = useClient();
  const [procedures, setProcedures] = useState<readonly ProcedureSummary[]>([]);
  const [query, setQuery] = useState('');
  const [keyboard, setKeyboard] = useState(false);

  useEffect(() => {
    client
      .request({ type: 'catalogue.list' })
      .then((list) => setProcedures([...list].sort((a, b) => a.rank - b.rank)))
      .catch(() => setProcedures([]));
  }, [client]);

  const shown = procedures.filter((p) => matches(p, query));
  return (
    <main className="screen catalogue" data-testid="screen-procedureCatalogue">
      <h1>{t('procedurePage.catalogueHeading')}</h1>
      <p className="hint">{t('procedurePage.catalogueHint')}</p>
      <input
        className="search"
        data-testid="procedure-info-search"
        placeholder={t('catalogue.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onFocus={() => setKeyboard(true)}
        onBlur={() => setKeyboard(false)}
      />
      {shown.length === 0 && <p>{t('catalogue.noResult')}</p>}
      <ul className="procedures">
        {shown.map((p) => (
          <li key={p.code}>
            <button
              className="procedure"
              data-testid={`procedure-info-${p.code}`}
              onClick={() => {
                setKeyboard(false);
                client.send({ type: 'journey.openProcedureInfo', code: p.code });
              }}
            >
              <span className="name">{p.name[lang]}</span>
              <span className="meta">
                {p.code} · {p.sector[lang]}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <ActionBar>
        <button className="secondary big" onClick={() => client.send({ type: 'journey.back' })}>
          {t('app.back')}
        </button>
      </ActionBar>
      {keyboard && (
        <OnScreenKeyboard value={query} onChange={setQuery} onClose={() => setKeyboard(false)} />
      )}
    </main>
  );
}
