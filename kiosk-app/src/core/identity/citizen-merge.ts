import {
  IDENTITY_FIELDS,
  type AssuranceLevel,
  type CitizenFacts,
  type CitizenField,
  type CitizenRecord,
  type FieldMismatch,
  type Source,
} from '@kiosk/forms';
import { comparablePart } from './comparable-part';

/** What each identification source produced for one citizen, possibly partial. */
export interface CitizenSources {
  readonly chip?: Partial<CitizenRecord>;
  readonly qr?: Partial<CitizenRecord>;
  readonly mrz?: Partial<CitizenRecord>;
  readonly registry?: Partial<CitizenRecord>;
}

type MergedSource = keyof CitizenSources;

/**
 * Identity fields come from the signed chip first (ICAO 9303 passive authentication makes it
 * the strongest evidence), then the printed card (QR, MRZ). Other fields (residence, family)
 * change after the card is issued and the national database is kept current, so the registry
 * wins there.
 */
const IDENTITY_ORDER: readonly MergedSource[] = ['chip', 'qr', 'mrz', 'registry'];
const OTHER_ORDER: readonly MergedSource[] = ['registry', 'chip', 'qr', 'mrz'];
/** Below `chip-verified` the registry may confirm what the documents say, never add to it. */
const UNVERIFIED_ORDER: readonly MergedSource[] = ['chip', 'qr', 'mrz', 'registry'];
const DOCUMENT_SOURCES: readonly MergedSource[] = ['chip', 'qr', 'mrz'];

/**
 * The merge as a value: the citizen's facts, or why there is no citizen (no source named the
 * person), so the chart's guard and action read the same result and nothing is thrown.
 */
export type CitizenMergeResult =
  | { readonly ok: true; readonly citizen: CitizenFacts }
  | {
      readonly ok: false;
      readonly code: 'CITIZEN_NO_IDENTITY';
      readonly message: string;
    };

/** Compares values as a person would: Unicode NFC, case and spacing ignored; MRZ has no diacritics. */
function comparable(value: unknown, source: MergedSource): string {
  const part = comparablePart(value);
  const json = typeof part === 'string' ? part : JSON.stringify(part);
  let s = json.normalize('NFC').toLocaleUpperCase('vi').replace(/\s+/g, ' ').trim();
  if (source === 'mrz') s = fold(s);
  return s;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/Đ/g, 'D')
    .replace(/</g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The registry's values of the fields some document presented; nothing else. */
function presentedOnly(sources: CitizenSources): Partial<CitizenRecord> | undefined {
  const registry = sources.registry;
  if (!registry) return undefined;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(registry)) {
    const key = field as CitizenField;
    if (DOCUMENT_SOURCES.some((s) => present(sources[s]?.[key]))) out[field] = value;
  }
  return out as Partial<CitizenRecord>;
}

/**
 * Merges the sources into one record with the source of every field, and lists each field on
 * which a card source and the registry disagree. A registry record for another personal ID is
 * dropped entirely (it describes someone else) and reported as a personalId mismatch.
 *
 * Below `chip-verified` nobody has proven the person at the kiosk holds the card, so the
 * registry only confirms: it adds no field the documents did not present (family, addresses,
 * ...: the citizen answers them and the officer checks the card), it never replaces a
 * presented value (only re-spells an MRZ value that is the same without diacritics), and a
 * mismatch names the field without the registry's value.
 */
export function mergeCitizenSources(
  sources: CitizenSources,
  assurance: AssuranceLevel,
): CitizenMergeResult {
  const verified = assurance === 'chip-verified';
  const cardId = sources.chip?.personalId ?? sources.qr?.personalId ?? sources.mrz?.personalId;
  const registryId = sources.registry?.personalId;
  const otherPerson = cardId !== undefined && registryId !== undefined && registryId !== cardId;
  const usable: CitizenSources = otherPerson
    ? { ...sources, registry: undefined }
    : verified
      ? sources
      : { ...sources, registry: presentedOnly(sources) };
  const otherOrder = verified ? OTHER_ORDER : UNVERIFIED_ORDER;
  const told = (values: Partial<Record<Source, string>>): Partial<Record<Source, string>> => {
    if (verified) return values;
    const { registry: _hidden, ...documents } = values;
    return documents;
  };

  const fields = new Set<CitizenField>();
  for (const s of IDENTITY_ORDER) {
    for (const [k, v] of Object.entries(usable[s] ?? {}))
      if (present(v)) fields.add(k as CitizenField);
  }
  const record: Record<string, unknown> = {};
  const provenance: Partial<Record<CitizenField, Source>> = {};
  for (const field of fields) {
    const order = IDENTITY_FIELDS.includes(field) ? IDENTITY_ORDER : otherOrder;
    for (const s of order) {
      const value = usable[s]?.[field];
      if (present(value)) {
        // The MRZ has no diacritics ("NGUYEN VAN AN"): where the registry says the same thing
        // with them ("Nguyễn Văn An"), the form shows the registry's spelling.
        const spelled = usable.registry?.[field];
        const respell =
          s === 'mrz' &&
          present(spelled) &&
          spelled !== value &&
          comparable(spelled, s) === comparable(value, s);
        record[field] = respell ? spelled : value;
        provenance[field] = respell ? 'registry' : s;
        break;
      }
    }
  }

  const mismatches: FieldMismatch[] = [];
  if (otherPerson) {
    mismatches.push({
      field: 'personalId',
      values: told({ [cardSource(sources)]: cardId, registry: registryId }),
    });
  }
  const registry = usable.registry;
  if (registry) {
    for (const field of fields) {
      const theirs = registry[field];
      if (!present(theirs)) continue;
      const values: Partial<Record<Source, string>> = {};
      for (const s of DOCUMENT_SOURCES) {
        const ours = usable[s]?.[field];
        if (present(ours) && comparable(ours, s) !== comparable(theirs, s))
          values[s] = display(ours);
      }
      if (Object.keys(values).length > 0)
        mismatches.push({ field, values: told({ ...values, registry: display(theirs) }) });
    }
  }

  if (
    !present(record.personalId) ||
    !present(record.fullName) ||
    !present(record.dateOfBirth) ||
    !present(record.sex)
  ) {
    return {
      ok: false,
      code: 'CITIZEN_NO_IDENTITY',
      message: 'no source gave the personal ID, name, date of birth and sex',
    };
  }
  return {
    ok: true,
    citizen: { record: record as unknown as CitizenRecord, provenance, mismatches, assurance },
  };
}

function cardSource(sources: CitizenSources): Source {
  return sources.chip?.personalId ? 'chip' : sources.qr?.personalId ? 'qr' : 'mrz';
}
