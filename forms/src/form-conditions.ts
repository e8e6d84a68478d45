/**
 * Which parts of a form are asked, given the citizen's answers so far (`askedWhen` on sections
 * and fields). A part that is not asked is hidden by the review screen, is never missing, is not
 * validated and is not submitted, even when a binding filled it from the card: the judicial
 * record form fills its "self" block from the chip, and that block must not travel as the
 * relative's data when the requester turns out to be someone else.
 *
 * Browser-safe: the review screen uses `askedSections` on the form it receives from the core.
 *
 * @example
 * const shown = askedSections(procedure.form.sections, { requesterRelation: 'family' });
 * const missing = missingFields(procedure, values); // required, asked and still empty
 */
import type {
  AnswerCondition,
  FieldValue,
  FormField,
  FormSection,
  Procedure,
} from './procedure-types';
import { isEmptyValue } from './field-values';

type Answers = Readonly<Record<string, FieldValue | undefined>>;

/** The condition holds while the answer to `condition.field` is one of `condition.in`. */
export function conditionHolds(condition: AnswerCondition | undefined, values: Answers): boolean {
  if (condition === undefined) return true;
  const answer = values[condition.field];
  return typeof answer === 'string' && condition.in.includes(answer);
}

/** The sections asked now, each with only its asked fields; sections left empty are dropped. */
export function askedSections(
  sections: readonly FormSection[],
  values: Answers,
): readonly FormSection[] {
  return sections
    .filter((section) => conditionHolds(section.askedWhen, values))
    .map((section) => ({
      ...section,
      fields: section.fields.filter((field) => conditionHolds(field.askedWhen, values)),
    }))
    .filter((section) => section.fields.length > 0);
}

/** The fields of a procedure's form asked now, in form order. */
export function askedFields(
  procedure: Pick<Procedure, 'form'>,
  values: Answers,
): readonly FormField[] {
  return askedSections(procedure.form.sections, values).flatMap((section) => section.fields);
}

/** Required fields asked now and still empty: the only ones the citizen is asked to answer. */
export function missingFields(procedure: Pick<Procedure, 'form'>, values: Answers): string[] {
  return askedFields(procedure, values)
    .filter((field) => field.required && isEmptyValue(values[field.id]))
    .map((field) => field.id);
}

/**
 * The values without those of fields not asked now: what may leave the kiosk with the dossier.
 * Only fields of the form are judged; nothing else is added or removed here.
 */
export function askedValues(
  procedure: Pick<Procedure, 'form'>,
  values: Readonly<Record<string, FieldValue>>,
): Record<string, FieldValue> {
  const asked = new Set(askedFields(procedure, values).map((field) => field.id));
  const all = procedure.form.sections.flatMap((section) => section.fields.map((f) => f.id));
  const notAsked = new Set(all.filter((id) => !asked.has(id)));
  return Object.fromEntries(Object.entries(values).filter(([id]) => !notAsked.has(id)));
}
