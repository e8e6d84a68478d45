/**
 * The zod schema of a procedure data file (`forms/procedures/*.json`). Its output type is exactly
 * {@link Procedure} (checked at compile time below). Beyond shapes it checks what a renderer or
 * the fill engine would otherwise trip over at run time: bindings to citizen paths that do not
 * exist or do not fit the field type, select fields without options, duplicate ids, patterns
 * that do not compile, `notBefore` pointing nowhere.
 */
import { NATIONAL_PROCEDURE_CODE } from './procedure-code';
import { z } from 'zod';
import { answerCondition, checkAnswerConditions } from './answer-condition-schema';
import { CITIZEN_PATHS, isCitizenPath, suggestCitizenPaths } from './citizen-paths';
import type { CitizenValueKind } from './citizen-paths';
import type { FieldType, Procedure } from './procedure-types';

/** Marks issues about bindings so the catalogue can report them with their own code. */
export const UNKNOWN_BINDING = 'UNKNOWN_BINDING';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const localizedText = z.strictObject({ vi: nonEmpty, en: nonEmpty }).readonly();

const identifier = z
  .string()
  .regex(
    /^[a-z][A-Za-z0-9]*$/,
    'must be a camelCase identifier (letters and digits, e.g. "fullName")',
  );

const fieldTypes = [
  'text',
  'date',
  'select',
  'phone',
  'email',
  'address',
  'number',
  'checkbox',
  'idNumber',
  'group',
] as const satisfies readonly FieldType[];

/** Which citizen value kinds can fill which field types. */
const COMPATIBLE_KINDS: Record<FieldType, readonly CitizenValueKind[]> = {
  text: ['text'],
  date: ['date'],
  select: ['sex', 'text'],
  phone: ['phone'],
  email: ['email'],
  address: ['address'],
  number: ['number'],
  idNumber: ['idNumber'],
  checkbox: [],
  group: [],
};

const citizenPath = z.string().superRefine((path, ctx) => {
  if (isCitizenPath(path)) return;
  const hints = suggestCitizenPaths(path);
  ctx.addIssue({
    code: 'custom',
    message: `"${path}" is not a field of the citizen record${
      hints.length > 0 ? ` (did you mean ${hints.map((hint) => `"${hint}"`).join(', ')}?)` : ''
    }`,
    params: { catalogueCode: UNKNOWN_BINDING },
  });
});

const bindingRule = z
  .strictObject({
    when: z.strictObject({ path: citizenPath, equals: z.string() }).readonly().optional(),
    binding: citizenPath,
  })
  .readonly();

const option = z.strictObject({ value: nonEmpty, label: localizedText }).readonly();

const pattern = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
});

const fieldShape = {
  id: identifier,
  label: localizedText,
  type: z.enum(fieldTypes),
  required: z.boolean(),
  binding: citizenPath.optional(),
  bindingRules: z.array(bindingRule).min(1).readonly().optional(),
  dateRule: z.enum(['past', 'notPast']).optional(),
  notBefore: identifier.optional(),
  options: z.array(option).min(1).readonly().optional(),
  pattern: pattern.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().positive().optional(),
  help: localizedText.optional(),
  maxItems: z.number().int().positive().optional(),
  minItems: z.number().int().nonnegative().optional(),
  askedWhen: answerCondition.optional(),
};

interface FieldDraft {
  readonly type: FieldType;
  readonly binding?: string;
  readonly bindingRules?: readonly { readonly binding: string }[];
  readonly options?: readonly { readonly value: string }[];
  readonly fields?: readonly unknown[];
  readonly min?: number;
  readonly max?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly dateRule?: string;
  readonly notBefore?: string;
  readonly pattern?: string;
  readonly maxLength?: number;
}

function checkField(field: FieldDraft, ctx: z.RefinementCtx): void {
  const problem = (path: (string | number)[], message: string, params?: Record<string, string>) =>
    ctx.addIssue({ code: 'custom', path, message, ...(params ? { params } : {}) });
  const isGroup = field.type === 'group';
  if (isGroup && !field.fields) problem(['fields'], 'a group needs "fields"');
  if (!isGroup && field.fields)
    problem(['fields'], `only a group has "fields", not a ${field.type}`);
  if (field.type === 'select' && !field.options) problem(['options'], 'a select needs "options"');
  if (field.type !== 'select' && field.options)
    problem(['options'], `only a select has "options", not a ${field.type}`);
  const values = field.options?.map((entry) => entry.value) ?? [];
  if (new Set(values).size !== values.length) problem(['options'], 'option values must be unique');
  if (field.min !== undefined && field.max !== undefined && field.min > field.max)
    problem(['min'], `min (${field.min}) is greater than max (${field.max})`);
  if (
    field.minItems !== undefined &&
    field.maxItems !== undefined &&
    field.minItems > field.maxItems
  )
    problem(['minItems'], 'minItems is greater than maxItems');
  if (!isGroup && (field.minItems !== undefined || field.maxItems !== undefined))
    problem(['maxItems'], 'only a group has minItems/maxItems');
  if (field.type !== 'date' && (field.dateRule !== undefined || field.notBefore !== undefined))
    problem(['dateRule'], 'only a date has dateRule/notBefore');
  const textual = ['text', 'phone', 'email', 'idNumber', 'number', 'date', 'select'];
  if (
    !textual.includes(field.type) &&
    (field.pattern !== undefined || field.maxLength !== undefined)
  )
    problem(['pattern'], `a ${field.type} cannot have pattern/maxLength`);
  checkBindingKind(field.type, field.binding, ['binding'], problem);
  field.bindingRules?.forEach((rule, index) =>
    checkBindingKind(field.type, rule.binding, ['bindingRules', index, 'binding'], problem),
  );
}

function checkBindingKind(
  type: FieldType,
  path: string | undefined,
  at: (string | number)[],
  problem: (path: (string | number)[], message: string, params?: Record<string, string>) => void,
): void {
  if (path === undefined || !isCitizenPath(path)) return;
  const kind = CITIZEN_PATHS[path];
  if (!COMPATIBLE_KINDS[type].includes(kind))
    problem(at, `"${path}" holds a ${kind} value, which cannot fill a ${type} field`, {
      catalogueCode: UNKNOWN_BINDING,
    });
}

const groupItemField = z
  .strictObject(fieldShape)
  .superRefine((field, ctx) => {
    if (field.type === 'group' || field.type === 'address') {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `a ${field.type} cannot be inside a group`,
      });
      return;
    }
    checkField(field, ctx);
    if (field.binding !== undefined || field.bindingRules !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['binding'],
        message: 'fields inside a group are typed by the citizen and cannot have a binding',
      });
    if (field.askedWhen !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['askedWhen'],
        message: 'a field inside a group is asked with its row; put askedWhen on the group',
      });
  })
  .readonly();

const formField = z
  .strictObject({ ...fieldShape, fields: z.array(groupItemField).min(1).readonly().optional() })
  .superRefine((field, ctx) => {
    checkField(field, ctx);
    if (
      (field.type === 'group' || field.type === 'checkbox') &&
      (field.binding !== undefined || field.bindingRules !== undefined)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['binding'],
        message: `a ${field.type} cannot have a binding`,
      });
    field.fields?.forEach((item, index) =>
      checkUnique(field.fields ?? [], item.id, index, ['fields'], ctx),
    );
    checkNotBefore(field.fields ?? [], ['fields'], ctx);
  })
  .readonly();

function checkUnique(
  all: readonly { readonly id: string }[],
  id: string,
  index: number,
  at: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  if (all.findIndex((other) => other.id === id) !== index)
    ctx.addIssue({ code: 'custom', path: [...at, index, 'id'], message: `duplicate id "${id}"` });
}

function checkNotBefore(
  fields: readonly { readonly id: string; readonly type: FieldType; readonly notBefore?: string }[],
  at: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  fields.forEach((field, index) => {
    if (field.notBefore === undefined) return;
    const other = fields.find((candidate) => candidate.id === field.notBefore);
    if (!other || other.type !== 'date')
      ctx.addIssue({
        code: 'custom',
        path: [...at, index, 'notBefore'],
        message: `"${field.notBefore}" is not a date field next to this one`,
      });
  });
}

const section = z
  .strictObject({
    id: identifier,
    title: localizedText,
    askedWhen: answerCondition.optional(),
    fields: z.array(formField).min(1).readonly(),
  })
  .readonly();

const document = z
  .strictObject({
    name: localizedText,
    copies: z.number().int().positive(),
    original: z.boolean(),
    optional: z.boolean().default(false),
    source: z.enum(['paper', 'kioskForm', 'nationalDatabase']).default('paper'),
  })
  .readonly();

const feeSchema = z
  .strictObject({
    amountVnd: z.number().int().nonnegative(),
    kind: z.enum(['charge', 'fee', 'none']),
    paidAt: z.enum(['submission', 'collection']),
    legalSource: nonEmpty,
    exemptions: z.array(localizedText).readonly(),
    checkedAgainst: z.array(z.url()).readonly(),
    unconfirmed: nonEmpty.optional(),
    note: localizedText.optional(),
  })
  .refine(
    (fee) => (fee.kind === 'none') === (fee.amountVnd === 0),
    'kind is "none" exactly when amountVnd is 0',
  )
  .refine(
    (fee) => fee.checkedAgainst.length > 0 || fee.unconfirmed !== undefined,
    'say where the amount was checked (checkedAgainst) or what is unconfirmed',
  )
  .readonly();

export const procedureSchema = z
  .strictObject({
    code: z
      .string()
      .regex(NATIONAL_PROCEDURE_CODE, 'must be a national procedure code like "1.004222"'),
    name: localizedText,
    sector: localizedText,
    agencyLevel: z.enum(['province', 'commune', 'ministry']),
    receivingAgency: localizedText,
    processingTime: z
      .strictObject({
        unit: z.enum(['workingHours', 'calendarDays']),
        amount: z.number().nonnegative(),
        cutOff: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time "HH:MM"')
          .optional(),
      })
      .readonly(),
    fee: feeSchema,
    documents: z.array(document).min(1).readonly(),
    /** Absent means `counter`: a paper is seen unless the file says otherwise. */
    intake: z.enum(['electronic', 'counter']).default('counter'),
    receiptForm: z.enum(['onestop-01', 'residence-ct04']).default('onestop-01'),
    resultDelivery: z
      .array(z.enum(['counter', 'post', 'online']))
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'must not repeat an option')
      .readonly(),
    form: z
      .strictObject({
        id: nonEmpty,
        title: localizedText,
        sections: z.array(section).min(1).readonly(),
      })
      .readonly(),
    legalBasis: z.array(nonEmpty).min(1).readonly(),
    rank: z.number().int().positive(),
    keywords: z.array(nonEmpty).readonly().optional(),
    notes: z.array(nonEmpty).readonly().optional(),
  })
  .superRefine((procedure, ctx) => {
    if (procedure.intake === 'electronic') {
      procedure.documents.forEach((doc, index) => {
        if (doc.source === 'paper' && !doc.optional)
          ctx.addIssue({
            code: 'custom',
            path: ['documents', index, 'source'],
            message:
              'an electronic intake cannot require a paper: mark the procedure "counter", or the document optional or electronic',
          });
      });
    }
    const sections = procedure.form.sections;
    checkAnswerConditions(sections, ctx);
    sections.forEach((entry, index) =>
      checkUnique(sections, entry.id, index, ['form', 'sections'], ctx),
    );
    const fields = sections.flatMap((entry, sectionIndex) =>
      entry.fields.map((field, fieldIndex) => ({ field, sectionIndex, fieldIndex })),
    );
    fields.forEach(({ field, sectionIndex, fieldIndex }, index) => {
      if (fields.findIndex((other) => other.field.id === field.id) !== index)
        ctx.addIssue({
          code: 'custom',
          path: ['form', 'sections', sectionIndex, 'fields', fieldIndex, 'id'],
          message: `duplicate field id "${field.id}"`,
        });
      if (field.notBefore === undefined) return;
      const other = fields.find((candidate) => candidate.field.id === field.notBefore);
      if (!other || other.field.type !== 'date')
        ctx.addIssue({
          code: 'custom',
          path: ['form', 'sections', sectionIndex, 'fields', fieldIndex, 'notBefore'],
          message: `"${field.notBefore}" is not a date field of this form`,
        });
    });
  })
  .readonly();

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** Compile-time proof that the schema produces exactly the {@link Procedure} type. */
export type ProcedureSchemaIsExact = Assert<Exact<z.output<typeof procedureSchema>, Procedure>>;
