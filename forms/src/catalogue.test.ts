import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import type { Procedure } from './procedure-types';

const mixedDir = fileURLToPath(new URL('../test-data/mixed', import.meta.url));

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('loadCatalogue: the shipped procedures', () => {
  const { procedures, errors } = loadCatalogue();

  it('loads the seven procedures without errors, most used first', () => {
    expect(errors).toEqual([]);
    expect(procedures.map((procedure) => procedure.code)).toEqual([
      '2.000815',
      '1.004222',
      '1.004194',
      '1.001193',
      '3.000333',
      '1.001612',
      '2.000004',
    ]);
  });

  it.each(procedures.map((procedure): [string, Procedure] => [procedure.code, procedure]))(
    '%s cites its legal source and keeps its text in NFC',
    (_code, procedure) => {
      expect(procedure.legalBasis.length).toBeGreaterThan(0);
      for (const text of strings(procedure)) expect(text).toBe(text.normalize('NFC'));
    },
  );

  it('uses CT01 for both residence procedures', () => {
    const forms = procedures
      .filter((procedure) => ['1.004222', '1.004194'].includes(procedure.code))
      .map((procedure) => procedure.form.id);
    expect(forms).toEqual(['CT01', 'CT01']);
  });
});

describe('loadCatalogue: malformed files', () => {
  const { procedures, errors } = loadCatalogue(mixedDir);

  it('keeps serving the valid file', () => {
    expect(procedures.map((procedure) => procedure.code)).toEqual(['9.000001']);
  });

  it('reports a JSON syntax error with the file name', () => {
    const syntax = errors.filter((error) => error.file === 'b-syntax.json');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]?.code).toBe('JSON_SYNTAX');
    expect(syntax[0]?.message).toMatch(/^b-syntax\.json: not valid JSON \(/);
  });

  it('catches bindings to unknown citizen fields at load, with a suggestion', () => {
    const binding = errors.filter((error) => error.file === 'c-unknown-binding.json');
    expect(binding.map((error) => [error.code, error.path, error.fieldId])).toEqual([
      ['UNKNOWN_BINDING', 'form.sections[0].fields[1].binding', 'fatherName'],
      ['UNKNOWN_BINDING', 'form.sections[0].fields[2].binding', 'phone'],
    ]);
    expect(binding[0]?.message).toBe(
      'c-unknown-binding.json: form.sections[0].fields[1].binding (field "fatherName"): ' +
        '"citizen.fathers.fullName" is not a field of the citizen record ' +
        '(did you mean "citizen.father.fullName", "citizen.mother.fullName", "citizen.fullName"?)',
    );
    expect(binding[1]?.message).toBe(
      'c-unknown-binding.json: form.sections[0].fields[2].binding (field "phone"): ' +
        '"citizen.dateOfBirth" holds a date value, which cannot fill a phone field',
    );
  });

  it('names file, path and problem for schema errors', () => {
    const schema = errors.filter((error) => error.file === 'd-schema.json');
    expect(schema.map((error) => error.code)).toEqual(schema.map(() => 'SCHEMA'));
    const byPath = Object.fromEntries(schema.map((error) => [error.path, error.message]));
    expect(byPath.code).toMatch(/^d-schema\.json: code: must be a national procedure code/);
    expect(byPath.legalBasis).toMatch(/^d-schema\.json: legalBasis: /);
    expect(byPath['form.sections[0].fields[0].type']).toMatch(
      /^d-schema\.json: form\.sections\[0\]\.fields\[0\]\.type \(field "fullName"\): Invalid option/,
    );
    expect(byPath['form.sections[0].fields[1].required']).toMatch(/\(field "fatherName"\)/);
    expect(byPath['form.sections[0].fields[1]']).toMatch(/Unrecognized key: "requried"/);
  });

  it('refuses a second file with a code already loaded', () => {
    const duplicate = errors.filter((error) => error.file === 'e-duplicate.json');
    expect(duplicate).toEqual([
      {
        file: 'e-duplicate.json',
        path: 'code',
        code: 'DUPLICATE_CODE',
        message: 'e-duplicate.json: code: procedure 9.000001 is already defined by another file',
      },
    ]);
  });

  it('reports a folder that cannot be read', () => {
    const missing = loadCatalogue(fileURLToPath(new URL('../test-data/nowhere', import.meta.url)));
    expect(missing.procedures).toEqual([]);
    expect(missing.errors.map((error) => error.code)).toEqual(['FILE_UNREADABLE']);
  });
});
