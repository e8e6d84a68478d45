import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProcedure, parseProcedureJson } from './procedure-parse';

const validText = readFileSync(
  fileURLToPath(new URL('../test-data/mixed/a-valid.json', import.meta.url)),
  'utf8',
);

interface Draft {
  [key: string]: unknown;
  form: { sections: { fields: Record<string, unknown>[] }[] };
}

function draft(): Draft {
  return JSON.parse(validText) as Draft;
}

function firstSectionFields(json: Draft): Record<string, unknown>[] {
  const section = json.form.sections[0];
  if (!section) throw new Error('fixture has no section');
  return section.fields;
}

function problems(json: unknown): { code: string; path: string; message: string }[] {
  return parseProcedureJson(json, 'x.json').errors.map(({ code, path, message }) => ({
    code,
    path,
    message,
  }));
}

describe('procedure schema', () => {
  it('accepts the valid fixture and returns a Procedure', () => {
    const result = parseProcedure(validText, 'a-valid.json');
    expect(result.errors).toEqual([]);
    expect(result.procedure?.code).toBe('9.000001');
  });

  it('normalises every string to NFC before checking', () => {
    const json = draft();
    json.name = { vi: 'Thủ tục thử nghiệm'.normalize('NFD'), en: 'Test' };
    expect(parseProcedureJson(json, 'x.json').procedure?.name.vi).toBe(
      'Thủ tục thử nghiệm'.normalize('NFC'),
    );
  });

  it('rejects a select without options', () => {
    const json = draft();
    firstSectionFields(json).push({
      id: 'colour',
      label: { vi: 'Màu', en: 'Colour' },
      type: 'select',
      required: false,
    });
    expect(problems(json)).toEqual([
      {
        code: 'SCHEMA',
        path: 'form.sections[0].fields[2].options',
        message:
          'x.json: form.sections[0].fields[2].options (field "colour"): a select needs "options"',
      },
    ]);
  });

  it('rejects a binding whose value cannot fill the field type', () => {
    const json = draft();
    firstSectionFields(json).push({
      id: 'home',
      label: { vi: 'Nơi ở', en: 'Home' },
      type: 'text',
      required: false,
      binding: 'citizen.permanentResidence',
    });
    expect(problems(json).map((problem) => [problem.code, problem.path])).toEqual([
      ['UNKNOWN_BINDING', 'form.sections[0].fields[2].binding'],
    ]);
  });

  it('checks the paths inside conditional bindings', () => {
    const json = draft();
    firstSectionFields(json).push({
      id: 'mother',
      label: { vi: 'Mẹ', en: 'Mother' },
      type: 'text',
      required: false,
      bindingRules: [
        { when: { path: 'citizen.gender', equals: 'F' }, binding: 'citizen.fullName' },
        { binding: 'citizen.spouse.name' },
      ],
    });
    expect(problems(json).map((problem) => [problem.code, problem.path])).toEqual([
      ['UNKNOWN_BINDING', 'form.sections[0].fields[2].bindingRules[0].when.path'],
      ['UNKNOWN_BINDING', 'form.sections[0].fields[2].bindingRules[1].binding'],
    ]);
  });

  it('rejects groups inside groups and bindings inside groups', () => {
    const json = draft();
    const leaf = { id: 'name', label: { vi: 'Tên', en: 'Name' }, type: 'text', required: true };
    firstSectionFields(json).push({
      id: 'people',
      label: { vi: 'Người', en: 'People' },
      type: 'group',
      required: false,
      fields: [
        { ...leaf, binding: 'citizen.fullName' },
        { ...leaf, id: 'inner', type: 'group', fields: [leaf] },
      ],
    });
    expect(problems(json).map((problem) => problem.path)).toEqual([
      'form.sections[0].fields[2].fields[0].binding',
      'form.sections[0].fields[2].fields[1]',
      'form.sections[0].fields[2].fields[1].type',
    ]);
  });

  it('rejects duplicate field ids across sections', () => {
    const json = draft();
    json.form.sections.push({
      id: 'second',
      title: { vi: 'Phần hai', en: 'Part two' },
      fields: [{ id: 'fullName', label: { vi: 'Tên', en: 'Name' }, type: 'text', required: true }],
    } as unknown as Draft['form']['sections'][number]);
    expect(problems(json)).toEqual([
      {
        code: 'SCHEMA',
        path: 'form.sections[1].fields[0].id',
        message:
          'x.json: form.sections[1].fields[0].id (field "fullName"): duplicate field id "fullName"',
      },
    ]);
  });

  it('rejects a pattern that does not compile and min above max', () => {
    const json = draft();
    firstSectionFields(json).push({
      id: 'code',
      label: { vi: 'Mã', en: 'Code' },
      type: 'number',
      required: false,
      pattern: '([0-9]',
      min: 5,
      max: 1,
    });
    expect(problems(json).map((problem) => problem.path)).toEqual([
      'form.sections[0].fields[2].pattern',
      'form.sections[0].fields[2].min',
    ]);
  });

  it('rejects notBefore pointing at a field that is not a date', () => {
    const json = draft();
    firstSectionFields(json).push({
      id: 'until',
      label: { vi: 'Đến ngày', en: 'Until' },
      type: 'date',
      required: false,
      notBefore: 'fullName',
    });
    expect(problems(json).map((problem) => problem.path)).toEqual([
      'form.sections[0].fields[2].notBefore',
    ]);
  });

  it('rejects a bad cut-off time and an unknown delivery option', () => {
    const json = draft();
    json.processingTime = { unit: 'workingHours', amount: 0, cutOff: '3pm' };
    json.resultDelivery = ['counter', 'drone'];
    expect(problems(json).map((problem) => problem.path)).toEqual([
      'processingTime.cutOff',
      'resultDelivery[1]',
    ]);
  });

  it('rejects keys it does not know, naming them', () => {
    const json = draft();
    json.feeVnd = 1000;
    expect(problems(json)).toEqual([
      { code: 'SCHEMA', path: '', message: 'x.json: (file): Unrecognized key: "feeVnd"' },
    ]);
  });
  it('keeps the fee kind, its amount and its sources consistent', () => {
    const charged = draft();
    charged.fee = { ...(charged.fee as object), amountVnd: 20000 };
    expect(problems(charged).map((problem) => problem.message)).toEqual([
      'x.json: fee: kind is "none" exactly when amountVnd is 0',
    ]);
    const unsourced = draft();
    unsourced.fee = {
      amountVnd: 0,
      kind: 'none',
      paidAt: 'submission',
      legalSource: 'Luật Hộ tịch 2014, Điều 11',
      exemptions: [],
      checkedAgainst: [],
    };
    expect(problems(unsourced).map((problem) => problem.message)).toEqual([
      'x.json: fee: say where the amount was checked (checkedAgainst) or what is unconfirmed',
    ]);
    const noTiming = draft();
    noTiming.fee = { ...(noTiming.fee as object), paidAt: 'later' };
    expect(problems(noTiming).map((problem) => problem.path)).toEqual(['fee.paidAt']);
  });
});

describe('intake mode', () => {
  it('defaults to counter and marks documents as required papers', () => {
    const parsed = parseProcedureJson(draft(), 'x.json').procedure;
    expect(parsed?.intake).toBe('counter');
    expect(parsed?.documents.every((d) => !d.optional && d.source === 'paper')).toBe(true);
  });
  it('refuses an electronic intake that requires a paper', () => {
    const json = { ...draft(), intake: 'electronic' };
    expect(problems(json).map((p) => p.path)).toContain('documents[0].source');
  });
  it('accepts an electronic intake whose papers are all optional or electronic', () => {
    const json = draft();
    const documents = (json.documents as Record<string, unknown>[]).map((d, i) => ({
      ...d,
      ...(i === 0 ? { source: 'kioskForm' } : { optional: true }),
    }));
    expect(problems({ ...json, documents, intake: 'electronic' })).toEqual([]);
  });
});
