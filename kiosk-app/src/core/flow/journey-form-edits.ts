import type { FieldValue } from '@kiosk/forms';
import type { FormView } from '@kiosk/protocol';
import { fieldVersion } from '@kiosk/protocol';

/**
 * A form prepared again (late registry answer) with what the citizen already typed kept: their
 * values win, and a field the refill changed takes a new version so a stale tab's edit is refused.
 */
export function keepCitizenEdits(fresh: FormView, current: FormView): FormView {
  const values = { ...fresh.values };
  const provenance = { ...fresh.provenance };
  const versions: Record<string, number> = { ...current.versions };
  const typed = new Set<string>();
  for (const [id, source] of Object.entries(current.provenance)) {
    if (source !== 'citizen') continue;
    typed.add(id);
    const value = current.values[id];
    if (value !== undefined) values[id] = value;
    provenance[id] = 'citizen';
  }
  for (const id of Object.keys(values)) {
    if (!typed.has(id) && JSON.stringify(values[id]) !== JSON.stringify(current.values[id]))
      versions[id] = fieldVersion(current, id) + 1;
  }
  return {
    ...fresh,
    values,
    provenance,
    versions,
    missing: fresh.missing.filter((id) => !typed.has(id)),
    issues: fresh.issues.filter((issue) => !typed.has(issue.fieldId)),
  };
}

/** A citizen's edit: the value becomes theirs and the field is no longer missing if filled. */
export function withValue(form: FormView, fieldId: string, value: FieldValue): FormView {
  const filled = typeof value === 'string' ? value.trim() !== '' : true;
  return {
    ...form,
    versions: { ...form.versions, [fieldId]: fieldVersion(form, fieldId) + 1 },
    values: {
      ...form.values,
      [fieldId]: typeof value === 'string' ? value.normalize('NFC') : value,
    },
    provenance: { ...form.provenance, [fieldId]: 'citizen' },
    missing: filled ? form.missing.filter((id) => id !== fieldId) : form.missing,
    issues: form.issues.filter((issue) => issue.fieldId !== fieldId),
  };
}
