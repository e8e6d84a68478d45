/**
 * Vietnamese text handling. Everything the package stores or returns is NFC: the same word typed
 * on an on-screen keyboard (often NFD) or read from the chip (NFC) must compare equal.
 */

export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/** A deep copy of a JSON-like value with every string (keys included) in NFC. */
export function deepNfc<T>(value: T): T {
  return mapStrings(value) as T;
}

function mapStrings(value: unknown): unknown {
  if (typeof value === 'string') return toNfc(value);
  if (Array.isArray(value)) return value.map(mapStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [toNfc(key), mapStrings(inner)]),
    );
  }
  return value;
}

/**
 * The search form of a text: diacritics removed, `đ` → `d`, lower case, spaces collapsed, so
 * "thuong tru" finds "Đăng ký thường trú". `đ`/`Đ` is a letter of its own, not a base letter
 * with a combining mark, so NFD alone does not reduce it.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}
