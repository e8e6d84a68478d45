/**
 * ICAO 9303-3 §4.9: characters are valued 0-9 for digits, 10-35 for A-Z and 0 for the filler `<`,
 * multiplied by the repeating weights 7, 3, 1, summed, modulo 10.
 */
const WEIGHTS = [7, 3, 1] as const;

export function mrzCharValue(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (char === '<') return 0;
  throw new RangeError(`not an MRZ character: ${JSON.stringify(char)}`);
}

export function mrzCheckDigit(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    sum += mrzCharValue(text.charAt(i)) * (WEIGHTS[i % 3] ?? 1);
  }
  return String(sum % 10);
}
