import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personalIdFor, syntheticCitizens } from '@kiosk/test-fixtures';
import {
  PERSONAL_ID_PROVINCE_CODES,
  daysInMonth,
  isEmail,
  isIdNumber,
  isIsoDate,
  isOldIdNumber,
  isPersonalId,
  isVietnamesePhone,
  normaliseDate,
  normalisePhone,
  personalIdMatchesBirth,
  vietnamesePhoneKind,
} from './validators';

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((list) => list.join(''));
const provinceCode = fc.constantFrom(...PERSONAL_ID_PROVINCE_CODES);

/**
 * Mobile prefixes in use since the 2018 renumbering (03x, 05x, 07x, 08x, 09x) whose whole block
 * libphonenumber lists as allocated (052, 055, 089 and 099 are only partly allocated there).
 */
const MOBILE_PREFIXES = [
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '056',
  '058',
  '059',
  '070',
  '076',
  '077',
  '078',
  '079',
  '081',
  '082',
  '083',
  '084',
  '085',
  '086',
  '087',
  '088',
  '090',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
  '097',
  '098',
];
const mobile = fc
  .tuple(fc.constantFrom(...MOBILE_PREFIXES), digits(7))
  .map(([prefix, rest]) => prefix + rest);
/** Hà Nội (024) and Hồ Chí Minh City (028) have 8-digit subscriber numbers; 0236 Đà Nẵng 7. */
const landline = fc.oneof(
  fc
    .tuple(fc.constantFrom('024', '028'), fc.constantFrom('3', '6'), digits(7))
    .map((parts) => parts.join('')),
  fc
    .tuple(fc.constantFrom('0236', '0225', '0292'), fc.constantFrom('3', '6'), digits(6))
    .map((parts) => parts.join('')),
);

describe('personal ID (12 digits) and old ID (9 digits)', () => {
  it('accepts any 12 digits opening with a province code', () => {
    fc.assert(
      fc.property(provinceCode, digits(9), (code, rest) => {
        expect(isPersonalId(code + rest)).toBe(true);
        expect(isIdNumber(code + rest)).toBe(true);
      }),
    );
  });

  it('rejects other lengths, non-digits and unknown province codes', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        if (!/^\d{12}$/.test(text)) expect(isPersonalId(text)).toBe(false);
        if (!/^\d{9}$/.test(text)) expect(isOldIdNumber(text)).toBe(false);
      }),
    );
    expect(isPersonalId('000123456789')).toBe(false);
    expect(isPersonalId('003123456789')).toBe(false);
  });

  it('accepts exactly nine digits as an old ID', () => {
    fc.assert(fc.property(digits(9), (number) => void expect(isOldIdNumber(number)).toBe(true)));
  });

  it('agrees with the century/sex digit and birth year of synthetic citizens', () => {
    for (const citizen of syntheticCitizens(50)) {
      expect(personalIdMatchesBirth(citizen.personalId, citizen.dateOfBirth, citizen.sex)).toBe(
        true,
      );
    }
  });

  it('detects a personal ID that does not match the birth date or sex', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2099 }),
        fc.constantFrom<'M' | 'F'>('M', 'F'),
        fc.integer({ min: 0, max: 999_999 }),
        (year, sex, serial) => {
          const id = personalIdFor('001', sex, year, serial);
          const birth = `${year}-06-15`;
          // personalIdFor models the 20th/21st centuries only.
          expect(personalIdMatchesBirth(id, birth, sex)).toBe(true);
          expect(personalIdMatchesBirth(id, birth, sex === 'M' ? 'F' : 'M')).toBe(false);
          expect(personalIdMatchesBirth(id, `${year === 2099 ? 1999 : year + 1}-06-15`, sex)).toBe(
            false,
          );
        },
      ),
    );
  });
});

describe('Vietnamese phone numbers', () => {
  it('accepts 10-digit mobile numbers on the current ranges', () => {
    fc.assert(
      fc.property(mobile, (number) => void expect(vietnamesePhoneKind(number)).toBe('mobile')),
    );
  });

  it('accepts 11-digit landline numbers', () => {
    fc.assert(
      fc.property(landline, (number) => void expect(vietnamesePhoneKind(number)).toBe('landline')),
    );
  });

  it('rejects the retired 11-digit 01x mobile numbers and wrong lengths', () => {
    fc.assert(
      fc.property(digits(9), (rest) => void expect(isVietnamesePhone(`01${rest}`)).toBe(false)),
    );
    fc.assert(
      fc.property(mobile, fc.integer({ min: 1, max: 3 }), (number, cut) => {
        expect(isVietnamesePhone(number.slice(0, -cut))).toBe(false);
        expect(isVietnamesePhone(`${number}${'5'.repeat(cut + 1)}`)).toBe(false);
      }),
    );
  });

  it('rejects anything that is not a string of digits starting with 0', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        if (!/^0\d{9,10}$/.test(text)) expect(isVietnamesePhone(text)).toBe(false);
      }),
    );
  });

  it('normalises +84, spaces and dots to the national form', () => {
    fc.assert(
      fc.property(mobile, (number) => {
        const international = `+84 ${number.slice(1, 4)} ${number.slice(4, 7)}.${number.slice(7)}`;
        expect(normalisePhone(international)).toBe(number);
        expect(normalisePhone(`84${number.slice(1)}`)).toBe(number);
        expect(normalisePhone(number)).toBe(number);
      }),
    );
  });
});

describe('dates', () => {
  const anyDay = fc.date({
    min: new Date('1800-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  it('accepts every real calendar day in ISO form', () => {
    fc.assert(
      fc.property(
        anyDay,
        (day) => void expect(isIsoDate(day.toISOString().slice(0, 10))).toBe(true),
      ),
    );
  });

  it('rejects days past the end of their month (30 February, 31 April, 29 February 2023)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1800, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (year, month, extra) => {
          const day = daysInMonth(year, month) + extra;
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isIsoDate(iso)).toBe(false);
        },
      ),
    );
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('rejects text that is not YYYY-MM-DD', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) expect(isIsoDate(text)).toBe(false);
      }),
    );
  });

  it('reads typed day/month/year into ISO', () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom('/', '-', '.'), (day, separator) => {
        const iso = day.toISOString().slice(0, 10);
        const [year, month, date] = iso.split('-');
        expect(normaliseDate([date, month, year].join(separator))).toBe(iso);
        expect(normaliseDate([Number(date), Number(month), year].join(separator))).toBe(iso);
      }),
    );
  });
});

describe('email', () => {
  it('accepts ordinary addresses and rejects text without a domain', () => {
    expect(isEmail('nguyen.van.a@example.vn')).toBe(true);
    expect(isEmail('nguyen.van.a')).toBe(false);
    expect(isEmail('a@b')).toBe(false);
  });
});
