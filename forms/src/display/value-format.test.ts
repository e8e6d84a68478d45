import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenFieldNames } from './citizen-labels';
import { formatDate, formatDateTime, formatFieldValue, formatSex } from './value-format';

describe('the one formatter of citizen values', () => {
  it('writes dates as dd/mm/yyyy, partial dates as mm/yyyy and yyyy', () => {
    expect(formatDate('1969-02-25')).toBe('25/02/1969');
    expect(formatDate('1969-02')).toBe('02/1969');
    expect(formatDate('1969')).toBe('1969');
  });

  it('gives back every ISO date it is given, digit for digit', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [day, month, year] = formatDate(iso).split('/');
          expect(`${year}-${month}-${day}`).toBe(iso);
        },
      ),
    );
  });

  it('writes instants in Vietnam time', () => {
    expect(formatDateTime('2026-11-30T17:05:00Z')).toBe('00:05 01/12/2026');
  });

  it('writes sex as Nam/Nữ', () => {
    expect([formatSex('M'), formatSex('F'), formatSex('X')]).toEqual([
      'Nam',
      'Nữ',
      'Chưa có thông tin',
    ]);
  });

  it('shows a choice by its label and a date field as dd/mm/yyyy', () => {
    const select = {
      type: 'select' as const,
      options: [{ value: 'M', label: { vi: 'Nam', en: 'Male' } }],
    };
    expect(formatFieldValue(select, 'M')).toBe('Nam');
    expect(formatFieldValue({ type: 'date' }, '2001-12-31')).toBe('31/12/2001');
    expect(formatFieldValue({ type: 'checkbox' }, true)).toBe('Có');
    expect(
      formatFieldValue(
        { type: 'address' },
        { province: 'Thành phố Huế', commune: 'Phường Thuận Hóa', detail: 'Số 2' },
      ),
    ).toBe('Số 2, Phường Thuận Hóa, Thành phố Huế');
  });

  it('names record fields in Vietnamese, never by their keys', () => {
    expect(citizenFieldNames(['father', 'mother'], 'vi')).toBe('Cha, Mẹ');
    expect(citizenFieldNames(['dateOfBirth', 'sex'], 'vi')).toBe(
      'Ngày, tháng, năm sinh, Giới tính',
    );
  });
});
