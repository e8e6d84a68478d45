/**
 * Turns what a citizen typed on the on-screen keyboard into the canonical value a field stores:
 * NFC text with single spaces, ISO dates, national-form phone numbers, bare digits.
 */
import type { FieldValue, FormField } from './procedure-types';
import { deepNfc, toNfc } from './text';
import { normaliseDate, normaliseDigits, normalisePhone } from './validators';

export function normaliseEntry(
  field: Pick<FormField, 'type' | 'fields'>,
  raw: FieldValue,
): FieldValue {
  if (field.type === 'group' && Array.isArray(raw)) {
    const items = raw as readonly Readonly<Record<string, string | boolean>>[];
    return items.map((item) =>
      Object.fromEntries(
        Object.entries(item).map(([id, value]) => {
          const sub = field.fields?.find((candidate) => candidate.id === id);
          const normalised = sub ? normaliseEntry(sub, value) : deepNfc(value);
          return [toNfc(id), typeof normalised === 'object' ? deepNfc(value) : normalised];
        }),
      ),
    );
  }
  if (typeof raw !== 'string') return deepNfc(raw);
  const text = toNfc(raw).replace(/\s+/g, ' ').trim();
  switch (field.type) {
    case 'date':
      return normaliseDate(text);
    case 'phone':
      return normalisePhone(text);
    case 'idNumber':
      return normaliseDigits(text);
    case 'number':
      return normaliseNumber(text);
    case 'email':
      return text.toLowerCase();
    default:
      return text;
  }
}

/** Vietnamese writes 1.500.000,5 — dots group thousands, the comma is the decimal mark. */
function normaliseNumber(text: string): string {
  const compact = text.replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact))
    return compact.replace(/\./g, '').replace(',', '.');
  if (/^-?\d+,\d+$/.test(compact)) return compact.replace(',', '.');
  return compact;
}
