/**
 * A Vietnamese name as the provincial integrations expect it in queries: upper case, no
 * diacritics, single spaces ("Nguyễn Thị Ánh" → "NGUYEN THI ANH"). Unicode decomposition removes
 * the tone and vowel marks; đ/Đ is a separate letter, not a mark, so it is mapped explicitly.
 */
export function latinUpperName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}
