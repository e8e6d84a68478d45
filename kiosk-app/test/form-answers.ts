import { fieldVersion, type JourneyView } from '../src/protocol';
import type { TestClient } from './core-harness';

/** What a citizen types for a thường trú (permanent residence) registration in the tests. */
export const RESIDENCE_ANSWERS: Readonly<Record<string, unknown>> = {
  phone: '0912345678',
  newResidence: { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình', detail: 'Số 1' },
};

/**
 * Answers every field the review form still misses, as the citizen would: from `answers`, else
 * the first option of a select, else "x". Each edit names the field's version it began from.
 */
export async function answerMissingFields(
  client: Pick<TestClient, 'request'>,
  view: JourneyView,
  answers: Readonly<Record<string, unknown>> = RESIDENCE_ANSWERS,
): Promise<void> {
  const form = view.form;
  if (form === undefined) return;
  for (const id of form.missing) {
    const field = form.sections.flatMap((s) => s.fields).find((f) => f.id === id);
    const value = answers[id] ?? (field?.type === 'select' ? field.options?.[0]?.value : 'x');
    await client.request({
      type: 'journey.updateField',
      fieldId: id,
      value,
      version: fieldVersion(form, id),
    });
  }
}
