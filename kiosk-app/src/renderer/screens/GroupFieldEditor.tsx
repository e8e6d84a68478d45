import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValue, FormField as FieldDefinition } from '@kiosk/forms/browser';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';

type Item = Readonly<Record<string, string | boolean>>;
type Lang = 'vi' | 'en';

function itemsOf(value: FieldValue | undefined): readonly Item[] {
  return Array.isArray(value) ? (value as readonly Item[]) : [];
}

/** The input type and on-screen pad a sub-field of a group gets. */
function inputTypeOf(sub: FieldDefinition): { type: string; inputMode?: 'numeric' } {
  if (sub.type === 'date') return { type: 'date' };
  if (sub.type === 'number') return { type: 'text', inputMode: 'numeric' };
  return { type: 'text' };
}

/**
 * A repeated group of a form (documents to certify, places lived, business lines): the rows
 * already given, each removable, and one row to fill and add. Each add or removal commits the
 * whole list with the version it began on, as a scalar field commits its value.
 */
export function GroupFieldEditor({
  field,
  value,
  version,
  onCommit,
}: {
  field: FieldDefinition;
  value: FieldValue | undefined;
  version: number;
  onCommit: (value: FieldValue, baseVersion: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const subFields = field.fields ?? [];
  const items = itemsOf(value);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [typing, setTyping] = useState<string | undefined>();
  const full = field.maxItems !== undefined && items.length >= field.maxItems;
  const id = `field-${field.id}`;

  const add = () => {
    const item: Record<string, string> = {};
    for (const sub of subFields) {
      const text = draft[sub.id]?.trim();
      if (text) item[sub.id] = text;
    }
    onCommit([...items, item], version);
    setDraft({});
    setTyping(undefined);
  };

  return (
    <div className="group-field" id={id} data-testid={id}>
      {items.length > 0 && (
        <ol className="group-items">
          {items.map((item, index) => (
            <li key={index} data-testid={`${id}-item-${index}`}>
              <span>
                {subFields
                  .map((sub) => item[sub.id])
                  .filter((v) => typeof v === 'string' && v !== '')
                  .join(' · ')}
              </span>
              <button
                className="secondary"
                aria-label={`${t('groupField.remove')} ${index + 1}`}
                onClick={() =>
                  onCommit(
                    items.filter((_, i) => i !== index),
                    version,
                  )
                }
              >
                {t('groupField.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {!full && (
        <fieldset className="group-new">
          <legend>{t('groupField.newItem', { n: items.length + 1 })}</legend>
          {subFields.map((sub) => {
            const subId = `${id}-${sub.id}`;
            const { type, inputMode } = inputTypeOf(sub);
            return (
              <label key={sub.id} htmlFor={subId}>
                {sub.label[lang]}
                <input
                  id={subId}
                  data-testid={subId}
                  type={type}
                  inputMode={inputMode}
                  maxLength={sub.maxLength}
                  value={draft[sub.id] ?? ''}
                  onFocus={() => type !== 'date' && setTyping(sub.id)}
                  onBlur={() => setTyping(undefined)}
                  onChange={(e) => setDraft({ ...draft, [sub.id]: e.target.value })}
                />
              </label>
            );
          })}
          <button className="primary" data-testid={`${id}-add`} onClick={add}>
            {t('groupField.add')}
          </button>
        </fieldset>
      )}
      {typing && (
        <OnScreenKeyboard
          layout={
            subFields.find((sub) => sub.id === typing)?.type === 'number' ? 'numeric' : 'text'
          }
          value={draft[typing] ?? ''}
          onChange={(v) => setDraft({ ...draft, [typing]: v })}
          onClose={() => setTyping(undefined)}
        />
      )}
    </div>
  );
}
