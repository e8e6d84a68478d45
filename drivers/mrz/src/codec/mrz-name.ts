/**
 * Transliteration of names into the MRZ alphabet (ICAO 9303-3 §6): Vietnamese letters lose their
 * diacritics (the CCCD prints `NGUYEN`, not `NGUYỄN`), Đ becomes D, spaces and hyphens become `<`.
 */
export function toMrzName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[Đđ]/g, 'D')
    .toUpperCase()
    .replace(/[\s\-']+/g, '<')
    .replace(/[^A-Z<]/g, '')
    .replace(/^<+|<+$/g, '');
}

/** ICAO 9303-3 §4.6.3: `SURNAME<<GIVEN<NAMES`, padded with `<`, truncated to the field length. */
export function mrzNameField(surname: string, givenNames: string, length: number): string {
  const given = toMrzName(givenNames);
  const joined = given ? `${toMrzName(surname)}<<${given}` : toMrzName(surname);
  return joined.slice(0, length).padEnd(length, '<');
}

/** Vietnamese order: family name first, then middle and given names. */
export function splitVietnameseName(fullName: string): { surname: string; givenNames: string } {
  const words = fullName.trim().split(/\s+/);
  return { surname: words[0] ?? '', givenNames: words.slice(1).join(' ') };
}
