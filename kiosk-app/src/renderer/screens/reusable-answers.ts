import type { FieldValue, FormSection } from '@kiosk/forms/browser';

/** Kinds of answer a citizen gives once and a form asks again (owner's phone, contact phone). */
const REUSABLE_TYPES = new Set(['phone', 'email']);

/**
 * For each empty editable phone or e-mail field, the value already given in another field of the
 * same kind, in form order: offered with one tap instead of retyped (issue 21).
 */
export function reusableAnswers(
  sections: readonly FormSection[],
  values: Readonly<Record<string, FieldValue>>,
  editable: readonly string[],
): ReadonlyMap<string, string> {
  const fields = sections.flatMap((section) => section.fields);
  const offers = new Map<string, string>();
  for (const field of fields) {
    if (!REUSABLE_TYPES.has(field.type) || !editable.includes(field.id)) continue;
    const own = values[field.id];
    if (typeof own === 'string' && own !== '') continue;
    const given = fields
      .filter((other) => other.id !== field.id && other.type === field.type)
      .map((other) => values[other.id])
      .find((value): value is string => typeof value === 'string' && value !== '');
    if (given !== undefined) offers.set(field.id, given);
  }
  return offers;
}
