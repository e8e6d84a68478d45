import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Address, FieldValue, FormField as FieldDefinition, Source } from '@kiosk/forms';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';

type Lang = 'vi' | 'en';

const SOURCE_KEY: Record<Source, string> = {
  chip: 'form.fromChip',
  registry: 'form.fromRegistry',
  qr: 'form.fromQr',
  mrz: 'form.fromMrz',
  citizen: 'form.fromCitizen',
};

function isAddress(value: FieldValue | undefined): value is Address {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asText(value: FieldValue | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '✓' : '';
  if (isAddress(value))
    return [value.detail, value.commune, value.province].filter(Boolean).join(', ');
  if (Array.isArray(value))
    return value
      .map((item) =>
        Object.values(item)
          .filter((v) => typeof v === 'string')
          .join(' · '),
      )
      .join('; ');
  return '';
}

interface Props {
  field: FieldDefinition;
  value: FieldValue | undefined;
  source: Source | undefined;
  editable: boolean;
  missing: boolean;
  issue?: string;
  onCommit: (value: FieldValue) => void;
}

/** One generated form field: its value, where it came from, and an editor when it may change. */
export function FormField({ field, value, source, editable, missing, issue, onCommit }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [draft, setDraft] = useState<string>(typeof value === 'string' ? value : '');
  const [address, setAddress] = useState<Address>(
    isAddress(value) ? value : { province: '', commune: '', detail: '' },
  );
  const [keyboard, setKeyboard] = useState<'value' | keyof Address | undefined>();
  const id = `field-${field.id}`;

  const badge = source && (
    <span className={`source source-${source}`} data-testid={`${id}-source`}>
      {t(SOURCE_KEY[source])}
    </span>
  );
  const label = (
    <label htmlFor={id}>
      {field.label[lang]}
      {field.required && (
        <span className="required" title={t('form.required')}>
          {' '}
          *
        </span>
      )}
    </label>
  );

  let editor: ReactElement;
  if (!editable || field.type === 'group') {
    editor = (
      <output id={id} className="value" data-testid={id}>
        {asText(value)}
      </output>
    );
  } else if (field.type === 'select' && field.options) {
    editor = (
      <select
        id={id}
        data-testid={id}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onCommit(e.target.value)}
      >
        <option value="" />
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label[lang]}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'checkbox') {
    editor = (
      <button
        id={id}
        data-testid={id}
        className={value === true ? 'toggle on' : 'toggle'}
        onClick={() => onCommit(value !== true)}
      >
        {value === true ? t('form.yes') : t('form.no')}
      </button>
    );
  } else if (field.type === 'address') {
    const part = (key: keyof Address, labelKey: string) => (
      <input
        data-testid={`${id}-${key}`}
        placeholder={t(labelKey)}
        value={address[key] ?? ''}
        onFocus={() => setKeyboard(key)}
        onChange={(e) => setAddress({ ...address, [key]: e.target.value })}
        onBlur={() => {
          onCommit(address);
          setKeyboard(undefined);
        }}
      />
    );
    editor = (
      <div className="address" id={id}>
        {part('detail', 'form.detail')}
        {part('commune', 'form.commune')}
        {part('province', 'form.province')}
      </div>
    );
  } else {
    const inputType =
      field.type === 'date'
        ? 'date'
        : field.type === 'email'
          ? 'email'
          : field.type === 'phone' || field.type === 'number' || field.type === 'idNumber'
            ? 'tel'
            : 'text';
    editor = (
      <input
        id={id}
        data-testid={id}
        type={inputType}
        value={draft}
        maxLength={field.maxLength}
        onFocus={() => field.type !== 'date' && setKeyboard('value')}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== value) onCommit(draft);
          setKeyboard(undefined);
        }}
        onKeyDown={(e) => e.key === 'Enter' && onCommit(draft)}
      />
    );
  }

  const keyboardValue = keyboard === 'value' ? draft : keyboard ? (address[keyboard] ?? '') : '';
  return (
    <div
      className={`field${missing ? ' missing' : ''}${issue ? ' invalid' : ''}`}
      data-field={field.id}
    >
      <div className="field-head">
        {label}
        {badge}
      </div>
      {editor}
      {issue && <p className="issue">{issue}</p>}
      {keyboard && (
        <OnScreenKeyboard
          value={keyboardValue}
          onChange={(v) =>
            keyboard === 'value' ? setDraft(v) : setAddress({ ...address, [keyboard]: v })
          }
          onClose={() => {
            onCommit(keyboard === 'value' ? draft : address);
            setKeyboard(undefined);
          }}
        />
      )}
    </div>
  );
}
