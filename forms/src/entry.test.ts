import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEntry } from './entry';
import { isIsoDate, isVietnamesePhone } from './validators';

describe('normaliseEntry', () => {
  it('turns typed dates, phones, ID numbers and Vietnamese numbers into canonical values', () => {
    expect(normaliseEntry({ type: 'date' }, ' 5/9/2025 ')).toBe('2025-09-05');
    expect(normaliseEntry({ type: 'phone' }, '+84 912.345.678')).toBe('0912345678');
    expect(normaliseEntry({ type: 'idNumber' }, '001 090 123 456')).toBe('001090123456');
    expect(normaliseEntry({ type: 'number' }, '1.500.000')).toBe('1500000');
    expect(normaliseEntry({ type: 'number' }, '2,5')).toBe('2.5');
    expect(normaliseEntry({ type: 'email' }, ' An@Example.VN ')).toBe('an@example.vn');
    expect(normaliseEntry({ type: 'text' }, ' Trần   Văn  An ')).toBe('Trần Văn An');
    expect(normaliseEntry({ type: 'checkbox' }, true)).toBe(true);
  });

  it('keeps text NFC whatever the keyboard sent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const value = normaliseEntry({ type: 'text' }, text.normalize('NFD'));
        expect(value).toBe((value as string).normalize('NFC'));
      }),
    );
  });

  it('produces valid ISO dates from any typed d/m/yyyy of a real day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (day) => {
          const typed = `${day.getUTCDate()}/${day.getUTCMonth() + 1}/${day.getUTCFullYear()}`;
          expect(isIsoDate(normaliseEntry({ type: 'date' }, typed) as string)).toBe(true);
        },
      ),
    );
  });

  it('produces a valid phone number from any spacing of a valid one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('', ' ', '.', '-'), { minLength: 10, maxLength: 10 }),
        (gaps) => {
          const typed = [...'0912345678']
            .map((digit, index) => digit + (gaps[index] ?? ''))
            .join('');
          expect(isVietnamesePhone(normaliseEntry({ type: 'phone' }, typed) as string)).toBe(true);
        },
      ),
    );
  });
});

describe('normaliseEntry: groups', () => {
  it('normalises each row value by its sub-field type', () => {
    const group = {
      type: 'group' as const,
      fields: [
        {
          id: 'born',
          label: { vi: 'Ngày sinh', en: 'Born' },
          type: 'date' as const,
          required: true,
        },
        { id: 'name', label: { vi: 'Tên', en: 'Name' }, type: 'text' as const, required: true },
      ],
    };
    expect(normaliseEntry(group, [{ born: '1/2/2003', name: ' An  Bình ', ok: true }])).toEqual([
      { born: '2003-02-01', name: 'An Bình', ok: true },
    ]);
  });
});
