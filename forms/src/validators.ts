/**
 * Validators for what citizens type at the kiosk. Each takes the canonical form the review
 * screen stores (see the `normalise*` functions for turning typed text into it).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/**
 * Province codes that open a 12-digit personal ID: the 63 province-level units before the 2025
 * merger (Thông tư 59/2021/TT-BCA, Phụ lục I). Cards keep their number after the merger, so the
 * old codes stay valid.
 */
export const PERSONAL_ID_PROVINCE_CODES: ReadonlySet<string> = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

/**
 * The 12-digit personal identification number (số định danh cá nhân, Nghị định 137/2015/NĐ-CP
 * Điều 7): 3 digits province of birth registration, 1 digit century and sex (0/1 = 20th century
 * male/female, 2/3 = 21st, ...), 2 digits year of birth, 6 random digits.
 */
export function isPersonalId(value: string): boolean {
  return /^\d{12}$/.test(value) && PERSONAL_ID_PROVINCE_CODES.has(value.slice(0, 3));
}

/** The century and sex digit and the two year digits agree with a date of birth and sex. */
export function personalIdMatchesBirth(
  personalId: string,
  dateOfBirth: string,
  sex: 'M' | 'F' | 'X',
): boolean {
  if (!isPersonalId(personalId) || !isIsoDate(dateOfBirth)) return false;
  const year = Number(dateOfBirth.slice(0, 4));
  const centuryIndex = Math.floor(year / 100) - 19;
  if (centuryIndex < 0 || centuryIndex > 4) return false;
  const digit = Number(personalId[3]);
  const expectedSexBit = sex === 'F' ? 1 : 0;
  if (sex !== 'X' && digit !== centuryIndex * 2 + expectedSexBit) return false;
  if (sex === 'X' && Math.floor(digit / 2) !== centuryIndex) return false;
  return personalId.slice(4, 6) === dateOfBirth.slice(2, 4);
}

/** The 9-digit identity card number of the old CMND. */
export function isOldIdNumber(value: string): boolean {
  return /^\d{9}$/.test(value);
}

/** What an `idNumber` field accepts: a personal ID or an old 9-digit CMND number. */
export function isIdNumber(value: string): boolean {
  return isPersonalId(value) || isOldIdNumber(value);
}

/** Removes the spaces, dots and dashes people type inside numbers. */
export function normaliseDigits(value: string): string {
  return value.replace(/[\s.\-()]/g, '');
}

export type PhoneKind = 'mobile' | 'landline';

/**
 * A Vietnamese phone number in national form: mobile `0` + 9 digits on the 03/05/07/08/09
 * ranges, landline `02` + area code + subscriber number (11 digits). Number plans change, so
 * the ranges come from libphonenumber's metadata rather than a table of our own.
 */
export function vietnamesePhoneKind(value: string): PhoneKind | undefined {
  if (!/^0\d{9,10}$/.test(value)) return undefined;
  const parsed = parsePhoneNumberFromString(value, 'VN');
  if (!parsed || parsed.country !== 'VN' || !parsed.isValid()) return undefined;
  const type = parsed.getType();
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') return 'landline';
  return undefined;
}

export function isVietnamesePhone(value: string): boolean {
  return vietnamesePhoneKind(value) !== undefined;
}

/** Typed phone text → national form: spaces and dots dropped, `+84`/`84` → `0`. */
export function normalisePhone(value: string): string {
  const digits = normaliseDigits(value);
  if (digits.startsWith('+84')) return `0${digits.slice(3)}`;
  if (/^84\d{9,10}$/.test(digits)) return `0${digits.slice(2)}`;
  return digits;
}

/** An ISO `YYYY-MM-DD` date that exists in the calendar (no 30 February). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Typed `dd/mm/yyyy` (or `d-m-yyyy`, `d.m.yyyy`) → ISO; other text is returned unchanged. */
export function normaliseDate(value: string): string {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value);
  if (!match) return value.trim();
  const [day, month, year] = [match[1], match[2], match[3]];
  return `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
}

const emailSchema = z.email();

export function isEmail(value: string): boolean {
  return emailSchema.safeParse(value).success;
}

/** A decimal number as typed (`1500000`, `2.5`); thousands separators must be removed first. */
export function parseDecimal(value: string): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  return Number(value);
}
