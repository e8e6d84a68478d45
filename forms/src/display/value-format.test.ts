import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenFieldNames } from './citizen-labels';
import {
  formatAddress,
  formatDate,
  formatDateTime,
  formatFieldValue,
  formatSex,
  formatVnd,
} from './value-format';

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

  it('writes instants in Vietnam time with the weekday, as the receipt words them', () => {
    // 30/11/2026 17:05 UTC is 00:05 on Tuesday 1 December in Vietnam.
    expect(formatDateTime('2026-11-30T17:05:00Z')).toBe('00 giờ 05, Thứ Ba 01/12/2026');
    expect(formatDateTime('2026-12-06T08:30:00+07:00')).toBe('08 giờ 30, Chủ nhật 06/12/2026');
    expect(formatDateTime('not a time')).toBe('not a time');
  });

  it('agrees with the ICU calendar of Asia/Ho_Chi_Minh for any instant since 1976', () => {
    // Vietnam has kept UTC+7 since 13 June 1975; Intl's time-zone data is the independent source.
    const parts = (ms: number) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Ho_Chi_Minh',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'long',
        hourCycle: 'h23',
      }).formatToParts(new Date(ms));
    const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const get = (type: string) => parts(ms).find((p) => p.type === type)?.value ?? '';
        const [, hour, minute, weekday, day, month, year] =
          /^(\d\d) giờ (\d\d), (.+) (\d\d)\/(\d\d)\/(\d{4})$/.exec(
            formatDateTime(new Date(ms).toISOString()),
          ) ?? [];
        expect([hour, minute, day, month, year]).toEqual([
          get('hour'),
          get('minute'),
          get('day'),
          get('month'),
          get('year'),
        ]);
        expect(weekday).toBe(
          ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'][
            weekdays.indexOf(get('weekday'))
          ],
        );
      }),
    );
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

  it('writes a converted address in two levels, and one off the official lists as written', () => {
    const converted = {
      detail: 'Số 2',
      province: 'Thành phố Huế',
      commune: 'Phường Thuận Hóa',
      district: 'Thành phố Huế',
      former: 'Phường Phú Hội, Thành phố Huế, Tỉnh Thừa Thiên Huế',
    };
    expect(formatAddress(converted)).toBe('Số 2, Phường Thuận Hóa, Thành phố Huế');
    expect(
      formatAddress({
        province: 'Tỉnh Lào Cai',
        commune: 'Xã Không Có Thật',
        district: 'Huyện Thử',
        confirmation: 'unknown',
      }),
    ).toBe('Xã Không Có Thật, Huyện Thử, Tỉnh Lào Cai');
  });

  it('groups money by thousands as Vietnamese and English write it, whatever the ICU data', () => {
    expect(formatVnd(20000)).toBe('20.000 đ');
    expect(formatVnd(1234567, 'en')).toBe('VND 1,234,567');
    expect(formatVnd(500)).toBe('500 đ');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (amount) => {
        const [digits] = formatVnd(amount).split(' ');
        expect(Number(digits?.replaceAll('.', ''))).toBe(amount);
        expect(digits).toMatch(/^\d{1,3}(\.\d{3})*$/);
      }),
    );
  });

  it('names record fields in Vietnamese, never by their keys', () => {
    expect(citizenFieldNames(['father', 'mother'], 'vi')).toBe('Cha, Mẹ');
    expect(citizenFieldNames(['dateOfBirth', 'sex'], 'vi')).toBe(
      'Ngày, tháng, năm sinh, Giới tính',
    );
  });
});
