/**
 * `askedWhen` in a procedure file: its shape, and the checks across the form that keep a
 * condition answerable. The field it names must be a select of the same form that is itself
 * always asked (so conditions never chain or loop), and every value it lists must be one of that
 * select's options: a typo would otherwise hide a section for ever.
 */
import { z } from 'zod';
import type { FieldType } from './procedure-types';

export const answerCondition = z
  .strictObject({
    field: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must name a field id'),
    in: z
      .array(z.string().trim().min(1, 'must not be empty'))
      .min(1)
      .refine((values) => new Set(values).size === values.length, 'must not repeat a value')
      .readonly(),
  })
  .readonly();

interface ConditionDraft {
  readonly field: string;
  readonly in: readonly string[];
}

interface FieldDraft {
  readonly id: string;
  readonly type: FieldType;
  readonly options?: readonly { readonly value: string }[];
  readonly askedWhen?: ConditionDraft;
}

interface SectionDraft {
  readonly askedWhen?: ConditionDraft;
  readonly fields: readonly FieldDraft[];
}

/** Adds an issue for every condition that names no always-asked select or an unknown option. */
export function checkAnswerConditions(
  sections: readonly SectionDraft[],
  ctx: z.RefinementCtx,
): void {
  const alwaysAsked = new Map<string, FieldDraft>();
  for (const section of sections) {
    if (section.askedWhen !== undefined) continue;
    for (const field of section.fields) {
      if (field.askedWhen === undefined) alwaysAsked.set(field.id, field);
    }
  }
  const check = (condition: ConditionDraft | undefined, at: (string | number)[]): void => {
    if (condition === undefined) return;
    const target = alwaysAsked.get(condition.field);
    if (target === undefined || target.type !== 'select') {
      ctx.addIssue({
        code: 'custom',
        path: [...at, 'askedWhen', 'field'],
        message: `"${condition.field}" is not a select of this form that is always asked`,
      });
      return;
    }
    const offered = new Set(target.options?.map((option) => option.value));
    condition.in.forEach((value, index) => {
      if (!offered.has(value))
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'askedWhen', 'in', index],
          message: `"${value}" is not an option of "${condition.field}"`,
        });
    });
  };
  sections.forEach((section, sectionIndex) => {
    const at = ['form', 'sections', sectionIndex];
    check(section.askedWhen, at);
    section.fields.forEach((field, fieldIndex) =>
      check(field.askedWhen, [...at, 'fields', fieldIndex]),
    );
  });
}
