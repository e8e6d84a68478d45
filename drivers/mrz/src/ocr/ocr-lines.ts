/**
 * From tesseract's text to candidate MRZ lines: drop spaces (the engine splits long filler runs
 * into words), keep the MRZ alphabet, and fit each line to the layout's length by growing or
 * shrinking its longest run of fillers, which is where OCR loses or invents chevrons.
 */
const LENGTHS = [30, 36, 44] as const;

export function cleanOcrLine(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[«‹]/g, '<')
    .replace(/[^A-Z0-9<]/g, '');
}

export function fitLength(line: string, length: number): string {
  if (line.length === length) return line;
  const runs = [...line.matchAll(/<+/g)];
  const longest = runs.reduce<RegExpMatchArray | undefined>(
    (best, m) => (!best || m[0].length > best[0].length ? m : best),
    undefined,
  );
  const at = longest?.index ?? line.length;
  const size = longest?.[0].length ?? 0;
  const delta = length - line.length;
  if (delta > 0) return `${line.slice(0, at)}${'<'.repeat(size + delta)}${line.slice(at + size)}`;
  if (size + delta >= 1)
    return `${line.slice(0, at)}${'<'.repeat(size + delta)}${line.slice(at + size)}`;
  return line;
}

/**
 * The MRZ lines in OCR text: the last 3 (or 2) lines long enough to be MRZ lines, fitted to the
 * length most of them are closest to.
 */
export function mrzLinesFromOcrText(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map(cleanOcrLine)
    .filter((l) => l.length >= 24);
  if (lines.length < 2) return lines;
  const median =
    [...lines].sort((a, b) => a.length - b.length)[Math.floor(lines.length / 2)]?.length ?? 30;
  const length = LENGTHS.reduce(
    (best, l) => (Math.abs(l - median) < Math.abs(best - median) ? l : best),
    30,
  );
  const count = length === 30 ? 3 : 2;
  return lines.slice(-count).map((l) => fitLength(l, length));
}
