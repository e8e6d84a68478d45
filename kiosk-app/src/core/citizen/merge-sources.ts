import type {
  CitizenFacts,
  CitizenField,
  CitizenRecord,
  FieldMismatch,
  Source,
} from '@kiosk/forms';
import { IDENTITY_FIELDS } from '@kiosk/forms';
import type { IdentitySources } from '../flow/journey-events';

/** Best source first, for identity fields (the chip is signed by the issuing state). */
const IDENTITY_ORDER: readonly (keyof IdentitySources)[] = ['chip', 'qr', 'mrz', 'registry'];
/** For the rest the registry is the fuller record; the chip's DG13 comes next. */
const OTHER_ORDER: readonly (keyof IdentitySources)[] = ['registry', 'chip', 'qr', 'mrz'];

function comparable(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.normalize('NFC').trim().toLocaleUpperCase('vi');
  return JSON.stringify(value);
}

/**
 * Merges what each source said into one record with the source of every field. Chip data wins
 * for identity fields; where the chip and the registry disagree on one, the disagreement is kept
 * in `mismatches` for the review screen instead of being silently resolved.
 */
export function mergeSources(sources: IdentitySources): CitizenFacts {
  const merged: Partial<Record<CitizenField, unknown>> = {};
  const provenance: Partial<Record<CitizenField, Source>> = {};
  const fields = new Set<CitizenField>();
  for (const record of Object.values(sources)) {
    for (const key of Object.keys(record ?? {}) as CitizenField[]) fields.add(key);
  }
  const mismatches: FieldMismatch[] = [];
  for (const field of fields) {
    const identity = IDENTITY_FIELDS.includes(field);
    for (const source of identity ? IDENTITY_ORDER : OTHER_ORDER) {
      const value = sources[source]?.[field];
      if (value !== undefined && value !== '') {
        merged[field] = value;
        provenance[field] = source;
        break;
      }
    }
    const chip = sources.chip?.[field];
    const registry = sources.registry?.[field];
    if (
      identity &&
      chip !== undefined &&
      registry !== undefined &&
      comparable(chip) !== comparable(registry)
    ) {
      mismatches.push({
        field,
        values: { chip: comparable(chip), registry: comparable(registry) },
      });
    }
  }
  const assurance = sources.chip
    ? 'chip'
    : sources.qr || sources.mrz
      ? 'document'
      : 'registry-only';
  return {
    record: {
      personalId: '',
      fullName: '',
      dateOfBirth: '',
      sex: 'X',
      ...(merged as Partial<CitizenRecord>),
    },
    provenance,
    mismatches,
    assurance,
  };
}
