import type { CitizenRecord } from '@kiosk/forms';
import { mrzCheckDigit } from '@kiosk/mrz';

/** MRZ names: Latin capitals only (ICAO 9303 Part 3 §6: Vietnamese diacritics dropped, Đ → D). */
export function mrzName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z ]/g, '')
    .trim()
    .replace(/\s+/g, '<');
}

export const yymmdd = (iso: string): string => iso.slice(2).replace(/-/g, '');

/** Document number on a CCCD: the last 9 digits of the 12-digit personal ID. */
export const documentNumberOf = (personalId: string): string => personalId.slice(3);

/** The TD1 MRZ of a synthetic CCCD (ICAO 9303 Part 5 §4.2.2), no expiry written as `<<<<<<`. */
export function cccdMrz(c: CitizenRecord): [string, string, string] {
  const doc = documentNumberOf(c.personalId);
  const line1 = `IDVNM${doc}${mrzCheckDigit(doc)}${c.personalId}<<<`;
  const dob = yymmdd(c.dateOfBirth);
  const doe = c.dateOfExpiry ? yymmdd(c.dateOfExpiry) : '<<<<<<';
  const sex = c.sex === 'X' ? '<' : c.sex;
  const head = `${dob}${mrzCheckDigit(dob)}${sex}${doe}${mrzCheckDigit(doe)}VNM<<<<<<<<<<<`;
  const composite = mrzCheckDigit(
    line1.slice(5, 30) + head.slice(0, 7) + head.slice(8, 15) + head.slice(18, 29),
  );
  const parts = mrzName(c.fullName).split('<');
  const name = `${parts[0] ?? ''}<<${parts.slice(1).join('<')}`.padEnd(30, '<').slice(0, 30);
  return [line1, `${head}${composite}`, name];
}
