/**
 * The payload the kiosk hands to the dossier gateway for one filled form: every answered field
 * in form order with its section, Vietnamese label, value and source. A form with missing
 * required fields or validation issues is refused, so an incomplete dossier never leaves.
 */
import type { Source } from './citizen';
import { FormsError } from './forms-error';
import type { FieldType, FieldValue, FilledForm, Procedure } from './procedure-types';
import { isEmptyValue } from './field-values';
import { askedSections } from './form-conditions';

export const SUBMISSION_FORMAT = 'kiosk.form-submission/1';

export interface SubmissionField {
  readonly id: string;
  readonly section: string;
  readonly label: string;
  readonly type: FieldType;
  readonly value: FieldValue;
  readonly source: Source;
}

export interface SubmissionPayload {
  readonly format: typeof SUBMISSION_FORMAT;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly formId: string;
  readonly fields: readonly SubmissionField[];
}

export function toSubmission(procedure: Procedure, filled: FilledForm): SubmissionPayload {
  if (filled.procedureCode !== procedure.code)
    throw new FormsError(
      'FORM_INVALID',
      `the form was filled for procedure ${filled.procedureCode}, not ${procedure.code}`,
    );
  if (filled.missing.length > 0)
    throw new FormsError(
      'FORM_INCOMPLETE',
      `procedure ${procedure.code}: required fields not filled: ${filled.missing.join(', ')}`,
    );
  if (filled.issues.length > 0)
    throw new FormsError(
      'FORM_INVALID',
      `procedure ${procedure.code}: ${filled.issues.map((issue) => issue.message.en).join('; ')}`,
    );
  const fields: SubmissionField[] = [];
  // Only what the answers ask for leaves: a block filled from the card but not asked (the
  // requester's own details when the certificate is for a relative) stays behind.
  for (const section of askedSections(procedure.form.sections, filled.values)) {
    for (const field of section.fields) {
      const value = filled.values[field.id];
      if (value === undefined || (isEmptyValue(value) && field.type !== 'checkbox')) continue;
      fields.push({
        id: field.id,
        section: section.id,
        label: field.label.vi,
        type: field.type,
        value,
        source: filled.provenance[field.id] ?? 'citizen',
      });
    }
  }
  return {
    format: SUBMISSION_FORMAT,
    procedureCode: procedure.code,
    procedureName: procedure.name.vi,
    formId: procedure.form.id,
    fields,
  };
}
