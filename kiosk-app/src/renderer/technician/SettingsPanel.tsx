import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '@kiosk/protocol';
import { RequestMessage } from '../staff/RequestMessage';
import { SignedBundleForm } from './SignedBundleForm';
import { useRequest } from '../staff/use-request';

type Settings = Reply['config.get'];

/** The text and number settings on the form, in screen order. */
const TEXT_KEYS = ['centreName', 'unitCode'] as const;
const NUMBER_KEYS = [
  'kioskNumber',
  'inactivitySeconds',
  'warningSeconds',
  'retentionDays',
] as const;
const REGISTRY_KEYS = ['url', 'tokenUrl', 'clientId', 'clientSecret'] as const;
const PORTAL_KEYS = ['url', 'token'] as const;

interface FormState {
  text: Record<(typeof TEXT_KEYS)[number], string>;
  numbers: Record<(typeof NUMBER_KEYS)[number], string>;
  registry: Record<(typeof REGISTRY_KEYS)[number], string>;
  portal: Record<(typeof PORTAL_KEYS)[number], string>;
  holidays: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

function formOf(settings: Settings): FormState {
  const registry = isRecord(settings.registry) ? settings.registry : {};
  const portal = isRecord(settings.portal) ? settings.portal : {};
  const pick = <K extends string>(keys: readonly K[], from: Record<string, unknown>) =>
    Object.fromEntries(keys.map((k) => [k, str(from[k])])) as Record<K, string>;
  return {
    text: pick(TEXT_KEYS, settings),
    numbers: pick(NUMBER_KEYS, settings),
    registry: pick(REGISTRY_KEYS, registry),
    portal: pick(PORTAL_KEYS, portal),
    holidays: Array.isArray(settings.holidays)
      ? settings.holidays.filter((d): d is string => typeof d === 'string')
      : [],
  };
}

/** An endpoint object from the form: empty fields left out, no URL = remove the endpoint. */
function endpointOf(
  fields: Record<string, string>,
  keep: Record<string, unknown>,
): Record<string, unknown> | null {
  if (fields.url === undefined || fields.url.trim() === '') return null;
  const typed = Object.entries(fields).map(([key, value]) => [key, value.trim()] as const);
  const cleared = new Set(typed.filter(([, value]) => value === '').map(([key]) => key));
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(keep).filter(([key]) => !cleared.has(key)),
  );
  for (const [key, value] of typed) if (value !== '') out[key] = value;
  return out;
}

/**
 * The change to send: only what differs from the loaded settings. The core validates the result
 * as a whole and saves it atomically, or refuses it with the reason and changes nothing.
 * Numbers are sent as typed (a non-number is refused by the core, not guessed here).
 */
function patchOf(loaded: Settings, form: FormState): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of TEXT_KEYS) if (form.text[key] !== str(loaded[key])) patch[key] = form.text[key];
  for (const key of NUMBER_KEYS) {
    const typed = form.numbers[key].trim();
    if (typed !== str(loaded[key])) patch[key] = typed === '' ? null : Number(typed);
  }
  const registry = endpointOf(form.registry, isRecord(loaded.registry) ? loaded.registry : {});
  if (JSON.stringify(registry) !== JSON.stringify(loaded.registry ?? null))
    patch.registry = registry;
  const portal = endpointOf(form.portal, isRecord(loaded.portal) ? loaded.portal : {});
  if (JSON.stringify(portal) !== JSON.stringify(loaded.portal ?? null)) patch.portal = portal;
  if (JSON.stringify(form.holidays) !== JSON.stringify(loaded.holidays ?? []))
    patch.holidays = form.holidays;
  return patch;
}

/**
 * Technician: the kiosk settings as a form — centre name, unit code, kiosk number (its dossier
 * sequence block), timings, retention period, registry and portal endpoints with credentials,
 * and the centre's own holidays as a list. Secrets show as a mask; leaving the mask keeps them.
 * Saved settings apply at once, without a restart. Below, a signed bundle from the centre.
 */
export function SettingsPanel() {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [loaded, setLoaded] = useState<Settings>();
  const [form, setForm] = useState<FormState>();
  const [newHoliday, setNewHoliday] = useState('');
  useEffect(() => {
    void run({ type: 'config.get' }).then((s) => {
      if (!s) return;
      setLoaded(s);
      setForm(formOf(s));
    });
  }, [run]);
  if (!form || !loaded)
    return (
      <section data-testid="panel-settings">
        <RequestMessage message={message} testId="settings-message" />
      </section>
    );

  const save = async () => {
    const saved = await run({ type: 'config.set', settings: patchOf(loaded, form) }, () =>
      t('technician.saved'),
    );
    if (saved) {
      setLoaded(saved);
      setForm(formOf(saved));
    }
  };
  const addHoliday = () => {
    if (newHoliday === '' || form.holidays.includes(newHoliday)) return;
    setForm({ ...form, holidays: [...form.holidays, newHoliday].sort() });
    setNewHoliday('');
  };
  const input = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    type = 'text',
  ) => (
    <label key={id}>
      {label}
      <input
        type={type}
        data-testid={`setting-${id}`}
        value={value}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );

  return (
    <section data-testid="panel-settings" className="settings-form">
      <fieldset>
        <legend>{t('technician.centre')}</legend>
        {TEXT_KEYS.map((key) =>
          input(key, t(`technician.fields.${key}`), form.text[key], (v) =>
            setForm({ ...form, text: { ...form.text, [key]: v } }),
          ),
        )}
        {NUMBER_KEYS.map((key) =>
          input(
            key,
            t(`technician.fields.${key}`),
            form.numbers[key],
            (v) => setForm({ ...form, numbers: { ...form.numbers, [key]: v } }),
            'number',
          ),
        )}
      </fieldset>
      <fieldset>
        <legend>{t('technician.registry')}</legend>
        {REGISTRY_KEYS.map((key) =>
          input(`registry-${key}`, t(`technician.fields.${key}`), form.registry[key], (v) =>
            setForm({ ...form, registry: { ...form.registry, [key]: v } }),
          ),
        )}
      </fieldset>
      <fieldset>
        <legend>{t('technician.portal')}</legend>
        {PORTAL_KEYS.map((key) =>
          input(`portal-${key}`, t(`technician.fields.${key}`), form.portal[key], (v) =>
            setForm({ ...form, portal: { ...form.portal, [key]: v } }),
          ),
        )}
      </fieldset>
      <fieldset>
        <legend>{t('technician.holidays')}</legend>
        <ul data-testid="holiday-list">
          {form.holidays.map((date) => (
            <li key={date} data-testid={`holiday-${date}`}>
              {date}{' '}
              <button
                type="button"
                data-testid={`holiday-remove-${date}`}
                onClick={() =>
                  setForm({ ...form, holidays: form.holidays.filter((d) => d !== date) })
                }
              >
                {t('staffMode.delete')}
              </button>
            </li>
          ))}
        </ul>
        <label>
          {t('technician.addHoliday')}
          <input
            type="date"
            data-testid="holiday-new"
            value={newHoliday}
            onChange={(event) => setNewHoliday(event.target.value)}
          />
        </label>
        <button type="button" data-testid="holiday-add" onClick={addHoliday}>
          {t('technician.add')}
        </button>
      </fieldset>
      <RequestMessage message={message} testId="settings-message" />
      <button
        type="button"
        className="primary"
        data-testid="settings-save"
        disabled={busy}
        onClick={() => void save()}
      >
        {t('technician.save')}
      </button>
      <SignedBundleForm
        onApplied={(applied) => {
          setLoaded(applied);
          setForm(formOf(applied));
        }}
      />
    </section>
  );
}
