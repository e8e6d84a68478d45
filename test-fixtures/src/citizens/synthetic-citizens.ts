import type { Address, CitizenRecord, Sex } from '@kiosk/forms';
import { pick, seededRandom } from './seeded-random';
import {
  ETHNICITIES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
  PROVINCES,
  RELIGIONS,
  STREETS,
  SURNAMES,
} from './vietnamese-names';

/**
 * Deterministic synthetic citizens: the same seed and index always give the same person. Every
 * test, simulator and the demo draw from here, so the chip, the QR, the MRZ and the registry of
 * one synthetic person agree with each other.
 */

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function randomAddress(random: () => number, province?: (typeof PROVINCES)[number]): Address {
  const p = province ?? pick(random, PROVINCES);
  return {
    province: p.name,
    commune: pick(random, p.communes),
    detail: `Số ${1 + Math.floor(random() * 200)} đường ${pick(random, STREETS)}`,
  };
}

function personName(random: () => number, sex: Sex, surname?: string): string {
  const male = sex === 'M';
  return [
    surname ?? pick(random, SURNAMES),
    pick(random, male ? MIDDLE_NAMES_MALE : MIDDLE_NAMES_FEMALE),
    pick(random, male ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE),
  ].join(' ');
}

/**
 * The CCCD expiry rule: a card issued before the holder turns 25 expires at 25, before 40 at 40,
 * before 60 at 60; issued at 58 or later it does not expire (modelled as undefined).
 */
export function cccdExpiry(dateOfBirth: string, dateOfIssue: string): string | undefined {
  const birthYear = Number(dateOfBirth.slice(0, 4));
  const ageAtIssue = Number(dateOfIssue.slice(0, 4)) - birthYear;
  for (const milestone of [25, 40, 60]) {
    if (ageAtIssue < milestone - 2)
      return `${pad(birthYear + milestone, 4)}${dateOfBirth.slice(4)}`;
  }
  return undefined;
}

/** The 12-digit personal ID: province code, century/sex digit, birth year (2 digits), 6 digits. */
export function personalIdFor(
  provinceCode: string,
  sex: Sex,
  birthYear: number,
  serial: number,
): string {
  const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (sex === 'F' ? 1 : 0);
  return `${provinceCode}${centuryDigit}${pad(birthYear % 100, 2)}${pad(serial % 1_000_000, 6)}`;
}

export function syntheticCitizen(index: number, seed = 20261128): CitizenRecord {
  const random = seededRandom(seed + index * 7919);
  const sex: Sex = random() < 0.5 ? 'M' : 'F';
  const surname = pick(random, SURNAMES);
  const birthYear = 1950 + Math.floor(random() * 56);
  const dateOfBirth = isoDate(
    birthYear,
    1 + Math.floor(random() * 12),
    1 + Math.floor(random() * 28),
  );
  const issueYear = Math.max(2021, birthYear + 14) + Math.floor(random() * 4);
  const dateOfIssue = isoDate(
    Math.min(issueYear, 2026),
    1 + Math.floor(random() * 12),
    1 + Math.floor(random() * 28),
  );
  const origin = pick(random, PROVINCES);
  const residenceProvince = random() < 0.7 ? origin : pick(random, PROVINCES);
  const permanentResidence = randomAddress(random, residenceProvince);
  const fatherName = personName(random, 'M', surname);
  const motherName = personName(random, 'F');
  const married = birthYear < 1998 && random() < 0.7;
  const serial = Math.floor(random() * 1_000_000);
  const personalId = personalIdFor(origin.code, sex, birthYear, serial + index);
  return {
    personalId,
    oldIdNumber: birthYear < 1990 ? pad(Math.floor(random() * 1e9), 9) : undefined,
    fullName: personName(random, sex, surname),
    dateOfBirth,
    sex,
    nationality: 'Việt Nam',
    ethnicity: pick(random, ETHNICITIES),
    religion: pick(random, RELIGIONS),
    placeOfOrigin: { province: origin.name, commune: pick(random, origin.communes) },
    permanentResidence,
    currentResidence: random() < 0.8 ? permanentResidence : randomAddress(random),
    personalIdentification: `Nốt ruồi C:${1 + Math.floor(random() * 3)}cm ${random() < 0.5 ? 'trên' : 'dưới'} đuôi mắt ${random() < 0.5 ? 'trái' : 'phải'}`,
    dateOfIssue,
    dateOfExpiry: cccdExpiry(dateOfBirth, dateOfIssue),
    father: { fullName: fatherName, birthYear: birthYear - 20 - Math.floor(random() * 15) },
    mother: { fullName: motherName, birthYear: birthYear - 18 - Math.floor(random() * 15) },
    spouse: married ? { fullName: personName(random, sex === 'M' ? 'F' : 'M') } : undefined,
    householdHead: { fullName: fatherName, relation: 'Con' },
  };
}

/** The first `count` synthetic citizens for one seed. */
export function syntheticCitizens(count: number, seed?: number): CitizenRecord[] {
  return Array.from({ length: count }, (_, i) => syntheticCitizen(i, seed));
}
