import type { CitizenRecord } from '@kiosk/forms';

/**
 * The simulated registry's answer rule, as the national API's: a record is returned only when
 * the asked ID, full name and full date of birth are all the citizen's. Written apart from the
 * kiosk's own check, so the two implementations check each other.
 *
 * Name: both sides NFC, upper case, single spaces. An asked name with no diacritic at all (an
 * MRZ's, A–Z by ICAO 9303-3) is compared with the held name stripped of its marks (đ → D); an
 * asked name with diacritics must have the same ones.
 * Date of birth: `yyyyMMdd`; a held date with an unknown month or day (`00`) matches any.
 */
export interface RegistryAsk {
  readonly SoDinhDanh: string;
  readonly HoVaTen: string;
  readonly NgayThangNamSinh: string;
}

function canonical(name: string): string {
  return name.normalize('NFC').toLocaleUpperCase('vi').split(/\s+/).filter(Boolean).join(' ');
}

function withoutMarks(name: string): string {
  return canonical(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

function nameMatches(asked: string, held: string): boolean {
  const a = canonical(asked);
  if (a === '') return false;
  return /^[A-Z ]+$/.test(a) ? a === withoutMarks(held) : a === canonical(held);
}

function dateMatches(asked: string, heldIso: string): boolean {
  const [year, month = '00', day = '00'] = heldIso.split('-');
  return (
    /^\d{8}$/.test(asked) &&
    asked.slice(0, 4) === year &&
    (month === '00' || asked.slice(4, 6) === month) &&
    (day === '00' || asked.slice(6, 8) === day)
  );
}

export function registryAskMatches(ask: RegistryAsk, citizen: CitizenRecord): boolean {
  return (
    ask.SoDinhDanh === citizen.personalId &&
    nameMatches(ask.HoVaTen, citizen.fullName) &&
    dateMatches(ask.NgayThangNamSinh, citizen.dateOfBirth)
  );
}
