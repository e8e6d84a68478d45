import { IdCardError } from '../errors';
import { parseMrzText } from '../lds/dg1';
import type { AccessKey } from './access-key';

/** The access key printed in an MRZ (TD1 or TD3 text, line breaks optional). */
export function accessKeyFromMrz(text: string): AccessKey {
  let mrz;
  try {
    mrz = parseMrzText(text.toUpperCase());
  } catch (cause) {
    throw new IdCardError('MRZ_INVALID', 'the MRZ text is not a TD1 or TD3 MRZ', { cause });
  }
  return {
    kind: 'mrz',
    documentNumber: mrz.documentNumber,
    dateOfBirth: mrz.dateOfBirth,
    dateOfExpiry: mrz.dateOfExpiry,
  };
}

export function accessKeyFromCan(can: string): AccessKey {
  if (!/^\d{6}$/.test(can)) throw new IdCardError('INVALID_ARGUMENT', 'a CAN is 6 digits');
  return { kind: 'can', can };
}

/** The fields of the CCCD QR that access keys can be derived from. */
export interface QrKeyFields {
  /** 12-digit personal ID. */
  readonly personalId: string;
  /** yyyy-mm-dd or ddmmyyyy (as the QR prints it). */
  readonly dateOfBirth: string;
  /** yyyy-mm-dd or ddmmyyyy. */
  readonly dateOfIssue: string;
}

function isoDate(text: string, what: string): { y: number; m: string; d: string } {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m?.[1] && m[2] && m[3]) return { y: Number(m[1]), m: m[2], d: m[3] };
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (m?.[1] && m[2] && m[3]) return { y: Number(m[3]), m: m[2], d: m[1] };
  throw new IdCardError('INVALID_ARGUMENT', `${what} "${text}" is neither yyyy-mm-dd nor ddmmyyyy`);
}

const yymmdd = (y: number, m: string, d: string): string =>
  `${String(y % 100).padStart(2, '0')}${m}${d}`;

/**
 * Ages at which a card expires. Luật Căn cước công dân 2014, Điều 21: the CCCD is renewed at 25,
 * 40 and 60. Luật Căn cước 2023 (in force 1 July 2024), Điều 21 khoản 1: the thẻ căn cước,
 * which may also be issued to a child under 14, is renewed at 14, 25, 40 and 60. Under both
 * (khoản 2), a card issued within two years before one of these ages stays valid until the next
 * one; a card issued at 58 or later does not expire.
 */
const MILESTONES_2014 = [25, 40, 60] as const;
const MILESTONES_2023 = [14, 25, 40, 60] as const;
/** Luật Căn cước 2023 takes effect: cards issued from this day follow its ages. */
const LAW_2023_FROM = '2024-07-01';

function milestonesFor(issue: { y: number; m: string; d: string }): readonly number[] {
  const iso = `${String(issue.y).padStart(4, '0')}-${issue.m}-${issue.d}`;
  return iso >= LAW_2023_FROM ? MILESTONES_2023 : MILESTONES_2014;
}

/**
 * What a card without expiry holds in the MRZ expiry field is not published. ICAO 9303 Part 3
 * §4.2 fills absent optional fields with `<`, which is what we try; the kiosk can still fall
 * back to a CAN or the MRZ read by the scanner if no candidate opens the chip.
 */
export const NO_EXPIRY = '<<<<<<';

/**
 * Candidate access keys from the QR alone: document number = last 9 digits of the ID, the
 * birth date, and each plausible expiry, most likely first (the milestone the issue age
 * points at, then its neighbours, then "no expiry"). The caller tries them in order and stops
 * at the first that opens the chip; BAC and PACE-with-MRZ have no retry counter, so wrong
 * candidates cost a few APDUs but never lock the card.
 */
export function accessKeysFromQrFields(fields: QrKeyFields): AccessKey[] {
  if (!/^\d{12}$/.test(fields.personalId))
    throw new IdCardError('INVALID_ARGUMENT', 'the personal ID must be 12 digits');
  const birth = isoDate(fields.dateOfBirth, 'date of birth');
  const issue = isoDate(fields.dateOfIssue, 'date of issue');
  const ageAtIssue = issue.y - birth.y;
  const documentNumber = fields.personalId.slice(3);
  const dateOfBirth = yymmdd(birth.y, birth.m, birth.d);
  const MILESTONES = milestonesFor(issue);
  const primary = MILESTONES.findIndex((age) => ageAtIssue < age - 2);
  const ordered: (number | undefined)[] = [];
  if (primary === -1) ordered.push(undefined, 60, 40);
  else {
    ordered.push(MILESTONES[primary]);
    const next = MILESTONES[primary + 1];
    const previous = MILESTONES[primary - 1];
    if (next !== undefined) ordered.push(next);
    if (previous !== undefined) ordered.push(previous);
    if (primary === MILESTONES.length - 1) ordered.push(undefined);
  }
  return ordered.map((age) => ({
    kind: 'mrz' as const,
    documentNumber,
    dateOfBirth,
    dateOfExpiry: age === undefined ? NO_EXPIRY : yymmdd(birth.y + age, birth.m, birth.d),
  }));
}
