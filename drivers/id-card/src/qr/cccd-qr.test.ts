import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCccdQr, parseCccdQr, type CccdQrFields } from './cccd-qr';
import { QrError } from './qr-error';

const today = new Date(Date.UTC(2026, 10, 28));

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof QrError) return error.code;
    throw error;
  }
};

const sample: CccdQrFields = {
  personalId: '001090012345',
  oldIdNumber: '012345678',
  fullName: 'Nguyễn Thị Đào',
  dateOfBirth: '1990-03-07',
  sex: 'F',
  address: 'Số 12 đường Lê Lợi, Phường Hoàn Kiếm, Hà Nội',
  dateOfIssue: '2021-08-15',
};

describe('parseCccdQr', () => {
  it('reads the 7-field payload of the chip CCCD', () => {
    const text =
      '001090012345|012345678|Nguyễn Thị Đào|07031990|Nữ|Số 12 đường Lê Lợi, Phường Hoàn Kiếm, Hà Nội|15082021';
    expect(parseCccdQr(text, { today })).toEqual({
      ...sample,
      generation: 'cccd-2021',
      extraFields: [],
    });
  });

  it('accepts an empty old ID, the 6-field variant and the newer cards with extra fields', () => {
    expect(
      parseCccdQr('001090012345||Trần An|07031990|Nam|Huế|15082021', { today }).oldIdNumber,
    ).toBeUndefined();
    expect(
      parseCccdQr('001090012345|Trần An|07031990|Nam|Huế|15082021', { today }).generation,
    ).toBe('cccd-no-old-id');
    const newer = parseCccdQr(
      '001090012345||Trần An|07031990|Nam|Huế|01072024|Trần Văn Bố|Lê Thị Mẹ|',
      { today },
    );
    expect(newer.generation).toBe('can-cuoc-2024');
    expect(newer.extraFields).toEqual(['Trần Văn Bố', 'Lê Thị Mẹ']);
  });

  it('normalises decomposed Vietnamese (NFD) to NFC and tolerates scanner line ends', () => {
    const nfd = `${formatCccdQr(sample).normalize('NFD')}\r\n`;
    const parsed = parseCccdQr(nfd, { today });
    expect(parsed.fullName).toBe('Nguyễn Thị Đào');
    expect(parsed.fullName).toBe(parsed.fullName.normalize('NFC'));
  });

  it('refuses bad fields with a code naming the problem', () => {
    const base = formatCccdQr(sample).split('|');
    const withField = (i: number, v: string): string =>
      base.map((f, j) => (j === i ? v : f)).join('|');
    expect(codeOf(() => parseCccdQr(withField(0, '12345678901'), { today }))).toBe('QR_ID');
    expect(codeOf(() => parseCccdQr(withField(1, '1234'), { today }))).toBe('QR_ID');
    expect(codeOf(() => parseCccdQr(withField(2, 'Nguyen 3'), { today }))).toBe('QR_NAME');
    expect(codeOf(() => parseCccdQr(withField(3, '30021990'), { today }))).toBe('QR_DATE');
    expect(codeOf(() => parseCccdQr(withField(3, '1990-03-07'), { today }))).toBe('QR_DATE');
    expect(codeOf(() => parseCccdQr(withField(6, '01012100'), { today }))).toBe('QR_DATE');
    expect(codeOf(() => parseCccdQr(withField(6, '01011980'), { today }))).toBe('QR_DATE');
    expect(codeOf(() => parseCccdQr(withField(4, 'Male'), { today }))).toBe('QR_SEX');
    expect(codeOf(() => parseCccdQr(withField(5, '  '), { today }))).toBe('QR_ADDRESS');
    expect(codeOf(() => parseCccdQr('a|b|c', { today }))).toBe('QR_FIELD_COUNT');
    expect(codeOf(() => parseCccdQr('', { today }))).toBe('QR_FORMAT');
    expect(codeOf(() => parseCccdQr(`${formatCccdQr(sample)}\u0000`, { today }))).toBe('QR_FORMAT');
  });
});

const vietnameseWord = fc.constantFrom(
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Văn',
  'Thị',
  'Đức',
  'Ánh',
  'Hương',
  'Quỳnh',
  'Ngọc',
);
const isoDay = (min: string, max: string): fc.Arbitrary<string> =>
  fc
    .date({ min: new Date(min), max: new Date(max), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const fieldsArbitrary: fc.Arbitrary<CccdQrFields> = fc.record({
  generation: fc.constantFrom(
    'cccd-2021' as const,
    'cccd-no-old-id' as const,
    'can-cuoc-2024' as const,
  ),
  personalId: fc.stringMatching(/^[0-9]{12}$/),
  oldIdNumber: fc.option(fc.stringMatching(/^[0-9]{9}$/), { nil: undefined }),
  fullName: fc.array(vietnameseWord, { minLength: 2, maxLength: 4 }).map((w) => w.join(' ')),
  dateOfBirth: isoDay('1930-01-01', '2012-12-31'),
  sex: fc.constantFrom('M' as const, 'F' as const),
  address: fc
    .array(vietnameseWord, { minLength: 1, maxLength: 6 })
    .map((w) => `Số 1, ${w.join(' ')}`),
  dateOfIssue: isoDay('2021-01-01', '2026-11-28'),
  extraFields: fc.array(
    fc.array(vietnameseWord, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
    { minLength: 1, maxLength: 4 },
  ),
});

describe('CCCD QR properties', { timeout: 60_000 }, () => {
  it('round-trips: format → parse gives the fields back', () => {
    fc.assert(
      fc.property(fieldsArbitrary, (fields) => {
        const parsed = parseCccdQr(formatCccdQr(fields), { today });
        expect(parsed.generation).toBe(fields.generation);
        expect(parsed.personalId).toBe(fields.personalId);
        expect(parsed.fullName).toBe(fields.fullName);
        expect(parsed.dateOfBirth).toBe(fields.dateOfBirth);
        expect(parsed.dateOfIssue).toBe(fields.dateOfIssue);
        expect(parsed.sex).toBe(fields.sex);
        if (fields.generation !== 'cccd-no-old-id')
          expect(parsed.oldIdNumber).toBe(fields.oldIdNumber);
        if (fields.generation === 'can-cuoc-2024')
          expect(parsed.extraFields).toEqual(fields.extraFields);
      }),
    );
  });

  it('anything else is a QrError, never a crash or a half-filled record', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(fc.string({ maxLength: 20 }), { maxLength: 12 }).map((a) => a.join('|')),
          fc.string({ unit: 'binary', maxLength: 200 }),
        ),
        (text) => {
          try {
            const parsed = parseCccdQr(text, { today });
            expect(parsed.personalId).toMatch(/^[0-9]{12}$/);
          } catch (error) {
            expect(error).toBeInstanceOf(QrError);
          }
        },
      ),
    );
  });

  it('dropping or adding a field in the middle is refused', () => {
    fc.assert(
      fc.property(fieldsArbitrary, fc.nat(), (fields, n) => {
        const parts = formatCccdQr({ ...fields, generation: 'cccd-2021' }).split('|');
        const i = 1 + (n % 5);
        const dropped = [
          ...parts.slice(0, i),
          ...parts.slice(i + 1),
          'x',
          'y',
          'z',
          'w',
          'v',
          'u',
          't',
          's',
          'r',
        ].join('|');
        expect(() => parseCccdQr(dropped, { today })).toThrow(QrError);
      }),
    );
  });
});
