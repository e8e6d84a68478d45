/**
 * Checks a form's values against its definition. Values are in canonical form (see
 * `normaliseEntry`); every problem becomes a {@link FieldIssue} with a Vietnamese and English
 * message. Group items are reported as `groupId[index].fieldId`.
 */
import { isAddressValue, isEmptyValue } from './field-values';
import { askedFields } from './form-conditions';
import { fieldIssue } from './issue-messages';
import type { FieldIssue, FieldValue, FormField, Procedure } from './procedure-types';
import { isEmail, isIdNumber, isIsoDate, isVietnamesePhone, parseDecimal } from './validators';
import { todayInVietnam } from './vietnam-time';

export interface ValidateOptions {
  /** Today's date (ISO) for past/future rules; defaults to today in Vietnam. */
  readonly today?: string;
}

type Scalar = string | boolean;

export { isAddressValue, isEmptyValue };

/** All fields of a procedure's form in order, sections flattened, asked or not. */
export function formFields(procedure: Procedure): readonly FormField[] {
  return procedure.form.sections.flatMap((section) => section.fields);
}

export function validate(
  procedure: Procedure,
  values: Readonly<Record<string, FieldValue>>,
  options: ValidateOptions = {},
): FieldIssue[] {
  const today = options.today ?? todayInVietnam();
  // A field the citizen's answers do not ask for (askedWhen) is neither required nor checked.
  const fields = askedFields(procedure, values);
  const issues: FieldIssue[] = [];
  for (const field of fields) {
    issues.push(...validateField(field, field.id, values[field.id], today));
  }
  issues.push(...orderIssues(fields, (id) => values[id]));
  return issues;
}

function validateField(
  field: FormField,
  fieldId: string,
  value: FieldValue | undefined,
  today: string,
): FieldIssue[] {
  if (field.type === 'group') return validateGroup(field, fieldId, value, today);
  if (isEmptyValue(value)) return field.required ? [fieldIssue(fieldId, field, 'required')] : [];
  if (value === undefined) return [];
  if (field.type === 'address') {
    // A converted address the table could not settle (NQ 1654–1687/NQ-UBTVQH15 divided the
    // commune, or it is on no list) is the citizen's to confirm, never sent as a guess.
    if (isAddressValue(value) && value.confirmation !== undefined)
      return [fieldIssue(fieldId, field, 'addressToConfirm')];
    if (!isAddressValue(value) || !value.province.trim() || !value.commune.trim())
      return [fieldIssue(fieldId, field, 'address')];
    return [];
  }
  if (field.type === 'checkbox')
    return typeof value === 'boolean' ? [] : [fieldIssue(fieldId, field, 'checkbox')];
  if (typeof value !== 'string') return [fieldIssue(fieldId, field, 'notText')];
  return validateText(field, fieldId, value, today);
}

function validateText(
  field: FormField,
  fieldId: string,
  value: string,
  today: string,
): FieldIssue[] {
  if (field.maxLength !== undefined && [...value].length > field.maxLength)
    return [fieldIssue(fieldId, field, 'tooLong', { maxLength: field.maxLength })];
  if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, 'u').test(value))
    return [fieldIssue(fieldId, field, 'pattern')];
  switch (field.type) {
    case 'date':
      return validateDate(field, fieldId, value, today);
    case 'phone':
      return isVietnamesePhone(value) ? [] : [fieldIssue(fieldId, field, 'phone')];
    case 'email':
      return isEmail(value) ? [] : [fieldIssue(fieldId, field, 'email')];
    case 'idNumber':
      return isIdNumber(value) ? [] : [fieldIssue(fieldId, field, 'idNumber')];
    case 'number':
      return validateNumber(field, fieldId, value);
    case 'select':
      return field.options?.some((option) => option.value === value)
        ? []
        : [fieldIssue(fieldId, field, 'option')];
    default:
      return [];
  }
}

function validateDate(
  field: FormField,
  fieldId: string,
  value: string,
  today: string,
): FieldIssue[] {
  if (!isIsoDate(value)) return [fieldIssue(fieldId, field, 'date')];
  if (field.dateRule === 'past' && value > today)
    return [fieldIssue(fieldId, field, 'dateInFuture')];
  if (field.dateRule === 'notPast' && value < today)
    return [fieldIssue(fieldId, field, 'dateInPast')];
  return [];
}

function validateNumber(field: FormField, fieldId: string, value: string): FieldIssue[] {
  const number = parseDecimal(value);
  if (number === undefined) return [fieldIssue(fieldId, field, 'number')];
  if (
    (field.min !== undefined && number < field.min) ||
    (field.max !== undefined && number > field.max)
  )
    return [fieldIssue(fieldId, field, 'numberRange', { min: field.min, max: field.max })];
  return [];
}

function validateGroup(
  field: FormField,
  fieldId: string,
  value: FieldValue | undefined,
  today: string,
): FieldIssue[] {
  const minItems = field.minItems ?? 1;
  if (value === undefined || (Array.isArray(value) && value.length === 0))
    return field.required ? [fieldIssue(fieldId, field, 'requiredItems', { min: minItems })] : [];
  if (!Array.isArray(value)) return [fieldIssue(fieldId, field, 'group')];
  const items = value as readonly Readonly<Record<string, Scalar>>[];
  const issues: FieldIssue[] = [];
  if (field.required && items.length < minItems)
    issues.push(fieldIssue(fieldId, field, 'requiredItems', { min: minItems }));
  if (field.maxItems !== undefined && items.length > field.maxItems)
    issues.push(fieldIssue(fieldId, field, 'tooManyItems', { max: field.maxItems }));
  const subFields = field.fields ?? [];
  items.forEach((item, index) => {
    for (const sub of subFields) {
      issues.push(...validateField(sub, `${fieldId}[${index}].${sub.id}`, item[sub.id], today));
    }
    issues.push(
      ...orderIssues(
        subFields,
        (id) => item[id],
        (id) => `${fieldId}[${index}].${id}`,
      ),
    );
  });
  return issues;
}

/** `notBefore`: a date may not precede another date of the same form (or group item). */
function orderIssues(
  fields: readonly FormField[],
  valueOf: (id: string) => FieldValue | undefined,
  idOf: (id: string) => string = (id) => id,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of fields) {
    if (field.type !== 'date' || field.notBefore === undefined) continue;
    const other = fields.find((candidate) => candidate.id === field.notBefore);
    const value = valueOf(field.id);
    const otherValue = valueOf(field.notBefore);
    if (!other || typeof value !== 'string' || typeof otherValue !== 'string') continue;
    if (isIsoDate(value) && isIsoDate(otherValue) && value < otherValue)
      issues.push(fieldIssue(idOf(field.id), field, 'dateBefore', { other: other.label }));
  }
  return issues;
}
