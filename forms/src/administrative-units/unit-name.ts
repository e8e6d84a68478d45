import { normaliseForSearch } from '../text';

/**
 * The type words an administrative unit's name may begin with, in the search form (no
 * diacritics, lower case), longest first so "thanh pho" wins over "t". Abbreviations are those
 * of addresses written by hand and printed on older cards ("TP.", "TX.", "P.", "Q.").
 */
const TYPE_PREFIXES = [
  'thanh pho truc thuoc trung uong',
  'thanh pho',
  'thi tran',
  'thi xa',
  'dac khu',
  'phuong',
  'huyen',
  'quan',
  'tinh',
  'xa',
  'tp.',
  'tp',
  'tx.',
  'tx',
  'tt.',
  'tt',
  'p.',
  'q.',
  'h.',
] as const;

/**
 * A unit's name as a comparison key: no diacritics, no case, no type word, no leading zeros in
 * numbers, no space around hyphens, so "Phường 01", "P. 1" and "phuong 1" are one key, and so
 * are "Tỉnh Bà Rịa - Vũng Tàu" and "Bà Rịa-Vũng Tàu".
 */
export function unitNameKey(name: string): string {
  let text = normaliseForSearch(name.replace(/\s*-\s*/g, ' '));
  for (const prefix of TYPE_PREFIXES) {
    if (text === prefix) break;
    if (text.startsWith(`${prefix} `) || (prefix.endsWith('.') && text.startsWith(prefix))) {
      text = text.slice(prefix.length).trim();
      break;
    }
  }
  return text
    .replace(/\.+/g, ' ')
    .replace(/\b0+(\d)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
