import { mrzCheckDigit } from './check-digit';
import { fieldLayout, layoutForShape, readSpan, type FieldSpan, type MrzLayout } from './layouts';
import type { MrzDocument } from './mrz-document';
import { MrzError } from './mrz-error';
import { splitMrzText } from './mrz-text';
import { candidatesFor, isCheckInvisible, trailingFillerPositions } from './ocr-confusions';
import { parseMrz, type ParseMrzOptions } from './parse-mrz';
import { positionClasses } from './position-classes';
import { isCccdTd1 } from './vietnam-cccd';

export interface MrzCorrection {
  readonly line: number;
  readonly column: number;
  readonly from: string;
  readonly to: string;
}

export interface CorrectedMrz {
  readonly document: MrzDocument;
  readonly corrections: readonly MrzCorrection[];
}

/** Readings with more changed characters than this are not tried: too far from what was seen. */
const MAX_CHANGES = 4;

interface Constraint {
  readonly covers: readonly FieldSpan[];
  readonly check: FieldSpan;
}

function constraintsOf(layout: MrzLayout, cccd: boolean): Constraint[] {
  const constraints: Constraint[] = layout.checks.map((c) => ({
    covers: c.covers,
    check: fieldLayout(layout, c.check),
  }));
  // The CCCD's second check digit, over the 12-digit personal ID in the optional data.
  if (cccd)
    constraints.push({
      covers: [{ line: 0, start: 15, end: 27 }],
      check: { line: 0, start: 29, end: 30 },
    });
  return constraints;
}

/** The check digit of text that may still hold unreadable characters (then: no digit). */
function checkDigitOrNone(text: string): string | undefined {
  return /^[A-Z0-9<]*$/.test(text) ? mrzCheckDigit(text) : undefined;
}

function satisfied(lines: readonly string[], c: Constraint): boolean {
  const got = readSpan(lines, c.check);
  const covered = c.covers.map((s) => readSpan(lines, s)).join('');
  // A `<` check digit is judged by the parser (long TD1 numbers, no expiry).
  return got === '<' || got === checkDigitOrNone(covered);
}

/**
 * Check-digit-guided correction of OCR output, then full validation. Positions whose class
 * settles the reading are fixed directly (a letter in a date is a digit). Alphanumeric positions
 * holding a confusable character (0/O, 1/I, 2/Z, 5/S, 8/B) are undecided: readings are tried with
 * 0, 1, 2, ... alternatives, and the first level where a reading passes every check digit (and,
 * on a CCCD, the personal-ID check) must hold exactly one such reading; a corrected reading must
 * also be the only one that passes with up to {@link MAX_CHANGES} alternatives. Characters no
 * check digit can confirm (G/6, a K among fillers) in alphanumeric positions are refused outright.
 *
 * Throws `MRZ_AMBIGUOUS` when several readings pass, `MRZ_CHECK_DIGIT` when none does, and the
 * parser's errors for anything else.
 */
export function correctMrz(
  text: string | readonly string[],
  options: ParseMrzOptions = {},
): CorrectedMrz {
  const original = splitMrzText(text);
  const width = original[0]?.length ?? 0;
  const layout = original.every((l) => l.length === width)
    ? layoutForShape(original.length, width)
    : undefined;
  if (!layout) return { document: parseMrz(original, options), corrections: [] };

  // The document code and state decide the profile, so settle them first.
  const head = [...(original[0] ?? '').slice(0, 5)]
    .map((c) => candidatesFor(c, 'alphaOrFiller')[0] ?? c)
    .join('');
  const probe = [`${head}${(original[0] ?? '').slice(5)}`, ...original.slice(1)];
  const classes = positionClasses(layout, probe);
  const cccd = layout.format === 'TD1' && isCccdTd1(probe);

  const grid: string[][] = original.map((l) => [...l]);
  const undecided: Array<{ line: number; column: number; options: string[] }> = [];
  original.forEach((line, li) => {
    for (let col = 0; col < line.length; col++) {
      const charClass = classes[li]?.[col] ?? 'alnum';
      const char = line.charAt(col);
      const field = layout.fields.find((f) => f.line === li && col >= f.start && col < f.end);
      if (isCheckInvisible(char, charClass, line.slice(col + 1, field?.end ?? col + 1))) {
        throw new MrzError(
          'MRZ_AMBIGUOUS',
          `line ${li + 1}, column ${col + 1}: ${char} cannot be confirmed by any check digit`,
          { line: li, column: col, field: field?.name },
        );
      }
      const options = candidatesFor(char, charClass);
      const row = grid[li];
      if (options.length === 0 || !row) continue; // left as is: the parser will name it
      row[col] = options[0] ?? char;
      if (options.length > 1) undecided.push({ line: li, column: col, options });
    }
  });
  const name = fieldLayout(layout, 'name');
  const nameRow = grid[name.line];
  if (nameRow) {
    for (const p of trailingFillerPositions(nameRow.slice(name.start, name.end).join(''))) {
      nameRow[name.start + p] = '<';
    }
  }

  // The reading as seen is the most likely; then every reading with one alternative, two, ...
  // The first level with exactly one valid reading wins; two at the same level is a refusal.
  const constraints = constraintsOf(layout, cccd);
  const readingWith = (changed: readonly number[]): string[] => {
    const copy = grid.map((r) => [...r]);
    changed.forEach((i) => {
      const u = undecided[i];
      const row = u ? copy[u.line] : undefined;
      if (u && row) row[u.column] = u.options[1] ?? row[u.column] ?? '<';
    });
    return copy.map((r) => r.join(''));
  };
  const valid: string[][] = [];
  const maxLevel = Math.min(MAX_CHANGES, undecided.length);
  let level = 0;
  for (; level <= maxLevel && valid.length === 0; level++) {
    for (const changed of combinations(undecided.length, level)) {
      const lines = readingWith(changed);
      if (constraints.every((c) => satisfied(lines, c))) valid.push(lines);
    }
  }
  // A reading as seen that passes stands. A corrected one is a guess, and it stands only if no
  // reading with more corrections passes too: in an alphanumeric field "B010O" is one change
  // from "B0I0O" and two from "80100", and both pass the same check digit.
  if (valid.length === 1 && level > 1) {
    for (let k = level; k <= maxLevel && valid.length === 1; k++) {
      for (const changed of combinations(undecided.length, k)) {
        const lines = readingWith(changed);
        if (constraints.every((c) => satisfied(lines, c))) {
          valid.push(lines);
          break;
        }
      }
    }
  }
  if (valid.length === 0) {
    const repaired = repairUnreadCheckDigit(readingWith([]), original, constraints);
    if (repaired) valid.push(repaired);
  }
  if (valid.length > 1) {
    throw new MrzError(
      'MRZ_AMBIGUOUS',
      'more than one reading of the MRZ passes every check digit',
    );
  }
  const chosen = valid[0] ?? grid.map((r) => r.join(''));
  const document = parseMrz(chosen, options);
  const corrections: MrzCorrection[] = [];
  chosen.forEach((line, li) => {
    for (let col = 0; col < line.length; col++) {
      const from = original[li]?.charAt(col) ?? '';
      const to = line.charAt(col);
      if (from !== to) corrections.push({ line: li, column: col, from, to });
    }
  });
  return { document, corrections };
}

/** All k-element subsets of 0..n-1, in lexicographic order. */
function* combinations(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= n - k; i++) {
    for (const rest of combinations(n, k - 1, i + 1)) yield [i, ...rest];
  }
}

/**
 * A check digit that OCR could not read as a digit at all (a letter where only a digit may
 * stand) carries no information; when it is the only check that fails, its value is the one
 * computed from the field it guards. Only ever one check, and only an unreadable one.
 */
function repairUnreadCheckDigit(
  lines: readonly string[],
  original: readonly string[],
  constraints: readonly Constraint[],
): string[] | undefined {
  const failing = constraints.filter((c) => !satisfied(lines, c));
  const only = failing[0];
  if (failing.length !== 1 || !only) return undefined;
  const seen = readSpan(original, only.check);
  if (/^[0-9<]$/.test(seen)) return undefined;
  const computed = checkDigitOrNone(only.covers.map((s) => readSpan(lines, s)).join(''));
  if (computed === undefined) return undefined;
  const row = [...(lines[only.check.line] ?? '')];
  row[only.check.start] = computed;
  const repaired = lines.map((l, i) => (i === only.check.line ? row.join('') : l));
  return constraints.every((c) => satisfied(repaired, c)) ? repaired : undefined;
}
