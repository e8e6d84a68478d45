import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd, normaliseForSearch } from '@kiosk/forms/browser';
import type { JourneyView, ProcedureSummary } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';

type Lang = 'vi' | 'en';

function durationText(p: ProcedureSummary, lang: Lang): string {
  const { unit, amount } = p.processingTime;
  if (unit === 'calendarDays') return lang === 'vi' ? `${amount} ngày` : `${amount} days`;
  if (amount % 8 === 0)
    return lang === 'vi' ? `${amount / 8} ngày làm việc` : `${amount / 8} working days`;
  return lang === 'vi' ? `${amount} giờ làm việc` : `${amount} working hours`;
}

/** Accent-insensitive: "thuong tru" finds "thường trú". */
export function matches(p: ProcedureSummary, query: string): boolean {
  const words = normaliseForSearch(query).split(' ').filter(Boolean);
  const text = normaliseForSearch(
    [p.code, p.name.vi, p.name.en, p.sector.vi, ...p.keywords].join(' '),
  );
  return words.every((w) => text.includes(w));
}

export function CatalogueScreen({ view }: { view: JourneyView }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const client = useClient();
  const [procedures, setProcedures] = useState<readonly ProcedureSummary[]>([]);
  const [query, setQuery] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const [sector, setSector] = useState<string | undefined>();
  const [selected, setSelected] = useState<ProcedureSummary | undefined>();
  const [choosing, setChoosing] = useState(false);
  // A tap that takes the focus from the search must not close the keyboard before its click
  // lands: the screen would grow, its scroll move, and the click hit what slid under the finger.
  const pointerDown = useRef(false);
  const search = useRef<HTMLInputElement>(null);
  // The procedure whose detail is open: the focus goes back to it when the detail closes.
  const opener = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    client
      .request({ type: 'catalogue.list' })
      .then((list) => setProcedures([...list].sort((a, b) => a.rank - b.rank)))
      .catch(() => setProcedures([]));
  }, [client]);

  const sectors = useMemo(() => [...new Set(procedures.map((p) => p.sector.vi))], [procedures]);
  const shown = procedures.filter((p) => matches(p, query) && (!sector || p.sector.vi === sector));

  return (
    <main
      className="screen catalogue"
      data-testid="screen-choosingProcedure"
      onPointerDown={() => (pointerDown.current = true)}
      onPointerCancel={() => (pointerDown.current = false)}
      onClick={() => {
        pointerDown.current = false;
        if (document.activeElement !== search.current) setKeyboard(false);
      }}
    >
      <h1>{t('catalogue.heading')}</h1>
      {view.registry === 'unavailable' && (
        <p className="notice">{t('catalogue.registryUnavailable')}</p>
      )}
      {view.error && <p className="error-text">{t(`errors.${view.error.code}`)}</p>}
      <input
        className="search"
        data-testid="procedure-search"
        placeholder={t('catalogue.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onFocus={() => setKeyboard(true)}
        ref={search}
        onBlur={() => {
          if (!pointerDown.current) setKeyboard(false);
        }}
      />
      <div className="sectors">
        <button className={sector ? '' : 'active'} onClick={() => setSector(undefined)}>
          {t('catalogue.all')}
        </button>
        {sectors.map((s) => (
          <button key={s} className={s === sector ? 'active' : ''} onClick={() => setSector(s)}>
            {s}
          </button>
        ))}
      </div>
      {shown.length === 0 && <p>{t('catalogue.noResult')}</p>}
      <ul className="procedures">
        {shown.map((p) => (
          <li key={p.code}>
            <button
              className="procedure"
              data-testid={`procedure-${p.code}`}
              // Keep the focus in the search box: its blur would close the keyboard and move the
              // list under the finger between press and release, so the tap would miss.
              onMouseDown={(e) => e.preventDefault()}
              onClick={(e) => {
                opener.current = e.currentTarget;
                setKeyboard(false);
                setSelected(p);
              }}
            >
              <span className="name">{p.name[lang]}</span>
              <span className="meta">
                {p.sector[lang]} · {durationText(p, lang)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <div className="overlay" role="dialog" aria-labelledby="procedure-detail">
          <div className="dialog detail" data-testid="procedure-detail">
            <h2 id="procedure-detail">{selected.name[lang]}</h2>
            <p>
              {t('catalogue.time')}: {durationText(selected, lang)}
            </p>
            <p>
              {t('catalogue.fee')}:{' '}
              {selected.feeVnd === 0 ? t('catalogue.free') : formatVnd(selected.feeVnd, lang)}
            </p>
            <p className="label">{t('catalogue.documents')}</p>
            <ul>
              {selected.documents.map((d) => (
                <li key={d.name.vi}>
                  {d.name[lang]} ({d.copies}{' '}
                  {d.original
                    ? lang === 'vi'
                      ? 'bản chính'
                      : 'original'
                    : lang === 'vi'
                      ? 'bản sao'
                      : 'copy'}
                  )
                </li>
              ))}
            </ul>
            <div className="actions">
              <button
                className="secondary big"
                data-keypad-back
                onClick={() => {
                  setSelected(undefined);
                  opener.current?.focus();
                }}
              >
                {t('app.back')}
              </button>
              <button
                className="primary big"
                data-testid="choose-procedure"
                // The detail opens with the focus on its answer, for a keypad and a screen reader.
                autoFocus
                disabled={choosing && !view.error}
                onClick={() => {
                  setChoosing(true);
                  client.send({ type: 'journey.selectProcedure', code: selected.code });
                }}
              >
                {t('catalogue.choose')}
              </button>
            </div>
          </div>
        </div>
      )}
      {keyboard && (
        <OnScreenKeyboard value={query} onChange={setQuery} onClose={() => setKeyboard(false)} />
      )}
    </main>
  );
}
