/**
 * Fills a procedure's form from what the kiosk knows about the citizen. Each value carries the
 * source of the citizen-record field it came from (chip, QR, MRZ, registry); what the citizen
 * types is `citizen` (normalised with `normaliseEntry`: NFC, ISO dates, national phone form).
 * Chip values are locked: a typed entry for such a field is ignored, because
 * the chip's signed data outranks anything typed (the review screen does not offer it).
 */
import type { Address, CitizenFacts, CitizenField, CitizenRecord, Source } from './citizen';
import { readCitizenPath, topLevelField } from './citizen-paths';
import type { CitizenPath } from './citizen-paths';
import { normaliseEntry } from './entry';
import { FormsError } from './forms-error';
import type { FieldValue, FilledForm, FormField, Procedure } from './procedure-types';
import { deepNfc, toNfc } from './text';
import { missingFields } from './form-conditions';
import { formFields, validate } from './validate';

export interface FillOptions {
  /** Values the citizen typed or corrected, by field id; normalised here with `normaliseEntry`. */
  readonly entered?: Readonly<Record<string, FieldValue>>;
  /** Today's date (ISO) for the date rules; defaults to today in Vietnam. */
  readonly today?: string;
}

export function fill(
  procedure: Procedure,
  facts: CitizenFacts,
  options: FillOptions = {},
): FilledForm {
  const fields = formFields(procedure);
  const values: Record<string, FieldValue> = {};
  const provenance: Record<string, Source> = {};
  for (const field of fields) {
    const found = valueFromCitizen(field, facts);
    if (!found) continue;
    values[field.id] = found.value;
    provenance[field.id] = found.source;
  }
  for (const [id, value] of Object.entries(options.entered ?? {})) {
    const field = fields.find((candidate) => candidate.id === id);
    if (!field)
      throw new FormsError(
        'UNKNOWN_FIELD',
        `procedure ${procedure.code} has no field "${id}" to enter a value into`,
      );
    if (provenance[id] === 'chip') continue;
    values[id] = normaliseEntry(field, value);
    provenance[id] = 'citizen';
  }
  const missing = missingFields(procedure, values);
  const issues = validate(procedure, values, options.today ? { today: options.today } : {}).filter(
    (issue) => !(issue.code === 'required' && missing.includes(issue.fieldId)),
  );
  return { procedureCode: procedure.code, values, provenance, missing, issues };
}

/** Field ids the citizen may change: everything that did not come from the chip. */
export function editableFieldIds(procedure: Procedure, filled: FilledForm): string[] {
  return formFields(procedure)
    .filter((field) => filled.provenance[field.id] !== 'chip')
    .map((field) => field.id);
}

/**
 * Facts for a record from one source per field, e.g. everything `registry` (the command line),
 * or the identity fields `chip` and the rest `registry` (a chip read plus a registry lookup).
 */
export function factsFromRecord(
  record: CitizenRecord,
  sourceOf: (field: CitizenField) => Source = () => 'registry',
): CitizenFacts {
  const provenance: Partial<Record<CitizenField, Source>> = {};
  for (const [field, value] of Object.entries(record) as [CitizenField, unknown][]) {
    if (value !== undefined) provenance[field] = sourceOf(field);
  }
  return { record, provenance, mismatches: [], assurance: 'registry-only' };
}

interface Found {
  readonly value: FieldValue;
  readonly source: Source;
}

function valueFromCitizen(field: FormField, facts: CitizenFacts): Found | undefined {
  const candidates = [
    ...(field.binding ? [field.binding] : []),
    ...(field.bindingRules ?? [])
      .filter((rule) => !rule.when || conditionHolds(facts.record, rule.when))
      .map((rule) => rule.binding),
  ] as CitizenPath[];
  for (const path of candidates) {
    const value = toFieldValue(readCitizenPath(facts.record, path));
    if (value === undefined) continue;
    // A record value the select does not offer (sex `X` on a form with only Nam/Nữ) would be a
    // locked wrong answer; leave the field for the citizen to choose instead.
    if (field.options && !field.options.some((option) => option.value === value)) continue;
    return { value, source: facts.provenance[topLevelField(path)] ?? 'registry' };
  }
  return undefined;
}

function conditionHolds(record: CitizenRecord, when: { path: string; equals: string }): boolean {
  const value = readCitizenPath(record, when.path as CitizenPath);
  return value !== undefined && String(value) === when.equals;
}

function toFieldValue(raw: unknown): FieldValue | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : undefined;
  if (typeof raw === 'string') {
    const text = toNfc(raw.trim());
    return text === '' ? undefined : text;
  }
  if (typeof raw === 'object' && raw !== null) {
    const address = raw as Partial<Address>;
    if (!address.province && !address.commune) return undefined;
    return deepNfc(
      Object.fromEntries(
        (
          [
            'province',
            'commune',
            'detail',
            'district',
            'communeCode',
            'former',
            'confirmation',
          ] as const
        )
          .filter((key) => typeof address[key] === 'string' && address[key] !== '')
          .map((key) => [key, address[key]]),
      ) as unknown as Address,
    );
  }
  return undefined;
}
