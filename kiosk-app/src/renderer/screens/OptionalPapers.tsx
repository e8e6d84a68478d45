import { useTranslation } from 'react-i18next';
import type { JourneyView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';

/**
 * "Giấy tờ kèm theo (nếu có)": for each paper the procedure needs only in some cases, whether the
 * citizen has it (default "Không"). The core keeps the answers: the papers they have are listed
 * on the confirmation screen, the phiếu and the receipt; the others are left out.
 */
export function OptionalPapers({ view }: { view: JourneyView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const client = useClient();
  const papers = (view.procedure?.documents ?? []).flatMap((doc, index) =>
    doc.optional ? [{ doc, index }] : [],
  );
  if (papers.length === 0) return null;
  return (
    <fieldset className="section optional-papers" data-testid="optional-papers">
      <legend>{t('papers.heading')}</legend>
      <p>{t('papers.hint')}</p>
      {papers.map(({ doc, index }) => {
        const has = (view.optionalPapers?.[index] ?? 0) > 0;
        const nameId = `optional-paper-${index}-name`;
        return (
          <div key={index} className="optional-paper">
            <span id={nameId}>{doc.name[lang]}</span>
            <button
              data-testid={`optional-paper-${index}`}
              className={has ? 'toggle on' : 'toggle'}
              aria-pressed={has}
              aria-describedby={nameId}
              onClick={() => client.send({ type: 'journey.setOptionalPaper', index, has: !has })}
            >
              {has ? t('form.yes') : t('form.no')}
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}
