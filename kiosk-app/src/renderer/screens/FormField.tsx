import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatDate,
  formatFieldValue,
  normaliseEntry,
  type Address,
  type FieldValue,
  type FormField as FieldDefinition,
  type Source,
} from '@kiosk/forms/browser';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';
import { AddressPicker } from './AddressPicker';
import { GroupFieldEditor } from './GroupFieldEditor';

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

/** What the editor shows of a text-like value: a date as dd/mm/yyyy, as the citizen types it. */
function draftOf(field: FieldDefinition, value: FieldValue | undefined): string {
  if (typeof value !== 'string') return '';
  return field.type === 'date' ? formatDate(value) : value;
}

/** Phone, ID and number fields open the numeric pad (issue 21: no hunting for digits). */
function inputTypeIsNumeric(field: FieldDefinition): boolean {
  return field.type === 'phone' || field.type === 'number' || field.type === 'idNumber';
}

const NO_ADDRESS: Address = { province: '', commune: '', detail: '' };

interface Props {
  field: FieldDefinition;
  value: FieldValue | undefined;
  /** The field's version in the view (FormView.versions); an edit names the one it began on. */
  version: number;
  source: Source | undefined;
  editable: boolean;
  missing: boolean;
  issue?: string;
  onCommit: (value: FieldValue, baseVersion: number) => void;
}

/**
 * One generated form field: its value, where it came from, and an editor when it may change.
 * A draft is sent only if the citizen changed it, with the version it began on: a tab that
 * shows an old form never overwrites a newer value (the core refuses it), and while nobody is
 * editing here the field follows the core's value.
 */
export function FormField({
  field,
  value,
  version,
  source,
  editable,
  missing,
  issue,
  onCommit,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [draft, setDraft] = useState<string>(draftOf(field, value));
  const [address, setAddress] = useState<Address>(isAddress(value) ? value : NO_ADDRESS);
  const [keyboard, setKeyboard] = useState<'value' | 'detail' | undefined>();
  const [focused, setFocused] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [base, setBase] = useState(version);
  // The value this field last saved, until the core's view shows it back.
  const [saved, setSaved] = useState<string | undefined>();
  const editing = focused || keyboard !== undefined;
  // Follow the core's value while nobody edits here (React's "adjust state on prop change").
  const synced = `${version}:${JSON.stringify(value ?? null)}`;
  const [syncedAt, setSyncedAt] = useState(synced);
  // The core took this field's own save (an address part, then the next part while still
  // editing): go on from the version that save produced, or the next save would be refused as
  // the edit of a stale page.
  if (editing && saved === JSON.stringify(value ?? null) && version !== base) {
    setSaved(undefined);
    setBase(version);
    setSyncedAt(synced);
  }
  if (!editing && syncedAt !== synced) {
    setSyncedAt(synced);
    setDraft(draftOf(field, value));
    setAddress(isAddress(value) ? value : NO_ADDRESS);
    setBase(version);
    setDirty(false);
  }
  const commitDraft = (next: FieldValue) => {
    if (!dirty) return;
    onCommit(next, base);
    setSaved(JSON.stringify(next));
    setDirty(false);
    // Unchanged meanwhile: keep the draft on screen until the core's answer replaces it. Changed
    // meanwhile: the core refuses this edit, so show its value as soon as editing ends.
    if (base === version) setSyncedAt(synced);
  };
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
  if (editable && field.type === 'group') {
    editor = <GroupFieldEditor field={field} value={value} version={version} onCommit={onCommit} />;
  } else if (!editable) {
    editor = (
      <output id={id} className="value" data-testid={id}>
        {formatFieldValue(field, value, lang)}
        {isAddress(value) && value.former !== undefined && (
          <span className="former-address" data-testid={`${id}-former`}>
            {' '}
            ({t('form.formerAddress', { address: value.former })})
          </span>
        )}
      </output>
    );
  } else if (field.type === 'select' && field.options) {
    editor = (
      <select
        id={id}
        data-testid={id}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onCommit(e.target.value, version)}
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
        onClick={() => onCommit(value !== true, version)}
      >
        {value === true ? t('form.yes') : t('form.no')}
      </button>
    );
  } else if (field.type === 'address') {
    const part = (key: 'detail', labelKey: string) => (
      <input
        data-testid={`${id}-${key}`}
        placeholder={t(labelKey)}
        value={address[key] ?? ''}
        onFocus={() => {
          setFocused(true);
          setKeyboard(key);
        }}
        onChange={(e) => {
          setAddress({ ...address, [key]: e.target.value });
          setDirty(true);
        }}
        onBlur={() => {
          commitDraft(address);
          setFocused(false);
          setKeyboard(undefined);
        }}
      />
    );
    editor = (
      <AddressPicker
        id={id}
        address={address}
        detail={part('detail', 'form.detail')}
        onPick={(next) => {
          setAddress(next);
          onCommit(next, base);
          setSaved(JSON.stringify(next));
        }}
      />
    );
  } else {
    // Dates are typed and shown as dd/mm/yyyy (the browser's date picker follows the OS locale).
    const inputType =
      field.type === 'date'
        ? 'text'
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
        data-type={field.type}
        inputMode={inputType === 'tel' ? (field.type === 'phone' ? 'tel' : 'numeric') : undefined}
        value={draft}
        maxLength={field.maxLength}
        placeholder={field.type === 'date' ? t('form.datePlaceholder') : undefined}
        onFocus={() => {
          setFocused(true);
          setKeyboard('value');
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          setDirty(true);
        }}
        onBlur={() => {
          commitDraft(normaliseEntry(field, draft));
          setFocused(false);
          setKeyboard(undefined);
        }}
        onKeyDown={(e) => e.key === 'Enter' && commitDraft(normaliseEntry(field, draft))}
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
          layout={keyboard === 'value' && inputTypeIsNumeric(field) ? 'numeric' : 'text'}
          value={keyboardValue}
          onChange={(v) => {
            if (keyboard === 'value') setDraft(v);
            else setAddress({ ...address, [keyboard]: v });
            setDirty(true);
          }}
          onClose={() => {
            commitDraft(keyboard === 'value' ? normaliseEntry(field, draft) : address);
            setKeyboard(undefined);
          }}
        />
      )}
    </div>
  );
}
