/**
 * The 12-digit personal identification number (số định danh cá nhân) as Thông tư
 * 07/2016/TT-BCA Điều 7 lays it out: 3 digits province (or country) of birth registration,
 * 1 digit century and sex, 2 digits year of birth, 6 random digits. The century/sex digit is
 * 0/1 for a man/woman born 1900–1999, 2/3 for 2000–2099, 4/5 for 2100–2199, 6/7 and 8/9 for the
 * two centuries after (century = 1900 + 100 × ⌊digit / 2⌋).
 *
 * An MRZ writes the birth date as YYMMDD (ICAO 9303-3 §4.6.1) and the parser guesses the century
 * from today; a CCCD's MRZ also carries the 12-digit ID, whose digits settle it.
 */
const PERSONAL_ID = /^\d{12}$/;

/** The first year of the century the ID's 4th digit names (1900, 2000, …). */
export function birthCenturyOf(personalId: string): number | undefined {
  if (!PERSONAL_ID.test(personalId)) return undefined;
  return 1900 + 100 * Math.floor(Number(personalId[3]) / 2);
}

/**
 * The birth date an MRZ gives (ISO, century guessed), with the century the personal ID names.
 * Undefined when the two-digit year of the MRZ is not the ID's (not one person's card) or when
 * the day does not exist in that century (29 February 1900).
 */
export function birthDateWithIdCentury(personalId: string, mrzDate: string): string | undefined {
  const century = birthCenturyOf(personalId);
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(mrzDate);
  if (century === undefined || !match) return undefined;
  const [, yy = '', mm = '', dd = ''] = match;
  if (yy !== personalId.slice(4, 6)) return undefined;
  const iso = `${century + Number(yy)}-${mm}-${dd}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}
