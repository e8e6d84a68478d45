import { MrzError } from './mrz-error';

/**
 * Splits MRZ text as it arrives from people and devices: real line breaks (LF, CRLF, CR) or the
 * two characters `\n` typed on a command line; surrounding spaces trimmed, blank lines dropped.
 * Nothing else is forgiven here: lower case or look-alike characters are reported, not fixed,
 * because silently upper-casing would hide a reader that is misconfigured.
 */
export function splitMrzText(text: string | readonly string[]): string[] {
  const raw = typeof text === 'string' ? text.replace(/\\n/g, '\n').split(/\r\n|\r|\n/) : [...text];
  return raw.map((line) => line.trim()).filter((line) => line.length > 0);
}

/** ICAO 9303-3 §4.3: the MRZ alphabet is A–Z, 0–9 and the filler `<`. */
export function assertMrzAlphabet(lines: readonly string[]): void {
  lines.forEach((line, lineIndex) => {
    for (let column = 0; column < line.length; column++) {
      const char = line.charAt(column);
      if (!/^[A-Z0-9<]$/.test(char)) {
        const code = char.codePointAt(0) ?? 0;
        const what = /^[a-z]$/.test(char)
          ? 'a lower-case letter'
          : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
        throw new MrzError(
          'MRZ_FORMAT',
          `line ${lineIndex + 1}, column ${column + 1}: ${what} is not allowed in an MRZ (only A-Z, 0-9 and <)`,
          { line: lineIndex, column },
        );
      }
    }
  });
}
