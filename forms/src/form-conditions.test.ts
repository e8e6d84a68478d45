import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askedFields, askedSections, askedValues, missingFields } from './form-conditions';
import { parseProcedureJson } from './procedure-parse';
import type { FieldValue, FormSection, Procedure } from './procedure-types';

const label = { vi: 'x', en: 'x' };

/** A synthetic form: who asks (always), a self block and a relative block, one field each. */
const sections: readonly FormSection[] = [
  {
    id: 'who',
    title: label,
    fields: [
      {
        id: 'who',
        label,
        type: 'select',
        required: true,
        options: ['self', 'family', 'other'].map((value) => ({ value, label })),
      },
    ],
  },
  {
    id: 'self',
    title: label,
    askedWhen: { field: 'who', in: ['self'] },
    fields: [{ id: 'selfName', label, type: 'text', required: true }],
  },
  {
    id: 'relative',
    title: label,
    askedWhen: { field: 'who', in: ['family', 'other'] },
    fields: [
      { id: 'relativeName', label, type: 'text', required: true },
      {
        id: 'otherReason',
        label,
        type: 'text',
        required: true,
        askedWhen: { field: 'who', in: ['other'] },
      },
    ],
  },
];
const form: Pick<Procedure, 'form'> = { form: { id: 'T', title: label, sections } };
const ids = (values: Readonly<Record<string, FieldValue>>) =>
  askedFields(form, values).map((field) => field.id);

describe('askedWhen: which parts of a form are asked', () => {
  it('asks only the unconditional parts before the answer they depend on', () => {
    expect(ids({})).toEqual(['who']);
    expect(missingFields(form, {})).toEqual(['who']);
  });

  it('asks a section while the answer is one of its values, and a field within it likewise', () => {
    expect(ids({ who: 'self' })).toEqual(['who', 'selfName']);
    expect(ids({ who: 'family' })).toEqual(['who', 'relativeName']);
    expect(ids({ who: 'other' })).toEqual(['who', 'relativeName', 'otherReason']);
  });

  it('drops sections left without an asked field', () => {
    expect(askedSections(sections, { who: 'family' }).map((s) => s.id)).toEqual([
      'who',
      'relative',
    ]);
  });

  it('keeps back the values of parts not asked, even when they were filled', () => {
    const values = { who: 'family', selfName: 'NGUYỄN VĂN A', relativeName: 'TRẦN THỊ B' };
    expect(askedValues(form, values)).toEqual({ who: 'family', relativeName: 'TRẦN THỊ B' });
  });

  it('for any answers, asks a conditional part exactly when its answer holds', () => {
    const answer = fc.option(fc.constantFrom('self', 'family', 'other', 'unknown'), {
      nil: undefined,
    });
    const text = fc.option(fc.string(), { nil: undefined });
    fc.assert(
      fc.property(answer, text, text, (who, selfName, relativeName) => {
        const values = Object.fromEntries(
          Object.entries({ who, selfName, relativeName }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        const asked = ids(values);
        expect(asked.includes('selfName')).toBe(who === 'self');
        expect(asked.includes('relativeName')).toBe(who === 'family' || who === 'other');
        expect(missingFields(form, values).every((id) => asked.includes(id))).toBe(true);
        expect(Object.keys(askedValues(form, values)).every((id) => asked.includes(id))).toBe(true);
      }),
    );
  });
});

const validText = readFileSync(
  fileURLToPath(new URL('../test-data/mixed/a-valid.json', import.meta.url)),
  'utf8',
);

/** The valid fixture with a `who` select and one more section carrying `askedWhen`. */
function withCondition(askedWhen: unknown): unknown {
  const json = JSON.parse(validText) as { form: { sections: unknown[] } };
  json.form.sections.push(
    {
      id: 'who',
      title: label,
      fields: [
        {
          id: 'who',
          label,
          type: 'select',
          required: true,
          options: [{ value: 'self', label }],
        },
      ],
    },
    {
      id: 'relative',
      title: label,
      askedWhen,
      fields: [{ id: 'n', label, type: 'text', required: false }],
    },
  );
  return json;
}

describe('askedWhen in a procedure file', () => {
  it('accepts a condition on an always-asked select and one of its options', () => {
    expect(
      parseProcedureJson(withCondition({ field: 'who', in: ['self'] }), 'x.json').errors,
    ).toEqual([]);
  });

  it('refuses a condition on a field that is not an always-asked select, or an unknown option', () => {
    const messages = (askedWhen: unknown) =>
      parseProcedureJson(withCondition(askedWhen), 'x.json').errors.map((e) => e.message);
    expect(messages({ field: 'fullName', in: ['self'] })).toEqual([
      expect.stringContaining('"fullName" is not a select of this form that is always asked'),
    ]);
    expect(messages({ field: 'who', in: ['family'] })).toEqual([
      expect.stringContaining('"family" is not an option of "who"'),
    ]);
    expect(messages({ field: 'who', in: [] })).toHaveLength(1);
  });

  it('never throws on any condition a file may hold, and accepts only well-formed ones', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (askedWhen) => {
        const { procedure, errors } = parseProcedureJson(withCondition(askedWhen), 'x.json');
        const wellFormed = isDeepStrictEqual(askedWhen, { field: 'who', in: ['self'] });
        if (!wellFormed) expect(errors.length + (procedure ? 0 : 1)).toBeGreaterThan(0);
      }),
    );
  });
});
