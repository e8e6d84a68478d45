import fc from 'fast-check';
import type { MrzFields } from './format-mrz';
import type { MrzFormat } from './layouts';

/**
 * fast-check generators of valid MRZ fields, shared by the property tests of the codec and the
 * OCR correction. Dates are drawn relative to a fixed "today" so the century rule is exercised.
 */
export const TODAY = new Date(Date.UTC(2026, 10, 28));

const isoDay = (min: string, max: string): fc.Arbitrary<string> =>
  fc
    .date({ min: new Date(min), max: new Date(max), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const word = fc.stringMatching(/^[A-Z]{1,8}$/);
// `UTO` (the specimens' state) is tested separately: the mrz package does not list it.
const state = fc.constantFrom('VNM', 'FRA', 'D<<', 'USA', 'JPN');

const formatArbitrary = (format?: MrzFormat): fc.Arbitrary<MrzFormat> =>
  format ? fc.constant(format) : fc.constantFrom<MrzFormat>('TD1', 'TD2', 'TD3');

/** Passports (TD3) carry `P…` codes, cards `I…`, `A…`, `C…` (9303-4/5/6 §4.2.2). */
const documentCodeFor = (format: MrzFormat): fc.Arbitrary<string> =>
  // `ID` + VNM on TD1 is the CCCD profile, tested on its own.
  format === 'TD3' ? fc.constantFrom('P', 'PO') : fc.constantFrom('I', 'IO', 'AC', 'IR');

export const mrzFieldsArbitrary = (format?: MrzFormat): fc.Arbitrary<MrzFields> =>
  formatArbitrary(format).chain((f) => fieldsFor(f));

const fieldsFor = (format: MrzFormat): fc.Arbitrary<MrzFields> =>
  fc.record({
    format: fc.constant(format),
    documentCode: documentCodeFor(format),
    issuingState: state,
    documentNumber: fc.stringMatching(/^[A-Z0-9]{1,9}$/),
    nationality: state,
    dateOfBirth: isoDay('1927-01-01', '2026-11-28'),
    sex: fc.constantFrom('M' as const, 'F' as const, 'X' as const),
    dateOfExpiry: fc.option(isoDay('1990-01-01', '2085-12-31'), { nil: undefined }),
    surname: fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
    givenNames: fc.array(word, { minLength: 0, maxLength: 2 }).map((w) => w.join(' ')),
    optionalData1: fc.stringMatching(/^[A-Z0-9]{0,6}$/),
    optionalData2: fc.stringMatching(/^[A-Z0-9]{0,6}$/),
  });

/** A synthetic 12-digit personal ID: province code, century/sex digit, year, serial. */
export const personalIdArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 1, max: 96 }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 999_999 }),
  )
  .map(
    ([p, c, y, s]) =>
      `${String(p).padStart(3, '0')}${c}${String(y).padStart(2, '0')}${String(s).padStart(6, '0')}`,
  );
