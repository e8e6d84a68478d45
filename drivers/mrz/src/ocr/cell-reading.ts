import {
  fieldLayout,
  layoutForShape,
  type CharClass,
  type FieldSpan,
  type MrzLayout,
} from '../codec/layouts';
import type { MrzCorrection } from '../codec/correct-mrz';
import type { MrzDocument } from '../codec/mrz-document';
import { isMrzError, MrzError } from '../codec/mrz-error';
import { parseMrz, type ParseMrzOptions } from '../codec/parse-mrz';
import { positionClasses } from '../codec/position-classes';
import type { CellScores } from './glyph-classifier';
import { decideLetterOrDigit, letterDigitPair, type ShapeMargin } from './letter-or-digit';
import { isVietnameseNameShape } from './vietnamese-name-shape';

/**
 * From ranked glyph candidates per cell to a validated MRZ. Each cell takes its best candidate
 * among the characters its position allows (ICAO 9303-3 §4.3 field classes, narrowed by the CCCD
 * profile), so OCR-B's near-identical 0/O never needs guessing in a digit or letter field. Cells
 * a check digit covers (9303-3 §4.9) may, when the reading fails its check digits, take their
 * runner-up — fewest changes first, and only a unique valid reading is accepted. Cells no check
 * digit covers (names, sex, nationality, fillers) must be clear on their own, else: refused.
 * In an alphanumeric field a letter and its digit look-alike (O/0, I/1, …) are told apart by the
 * glyph's shape (`letter-or-digit.ts`), never by the check digits, and refused when unclear.
 */
export interface CellReading {
  readonly document: MrzDocument;
  /** Cells where the runner-up glyph was taken to satisfy the check digits. */
  readonly corrections: readonly MrzCorrection[];
  /** The best candidate of every cell, no position rules: what the glyphs look like. */
  readonly glyphLines: readonly string[];
}

/** Below this correlation a cell holds no recognisable OCR-B glyph. */
const MIN_SCORE = 0.45;
/** Best-vs-runner-up gap a cell without check-digit cover must clear. */
const MIN_UNCOVERED_GAP = 0.06;
/** Covered cells closer than this to their runner-up may be swapped to satisfy check digits. */
const DOUBTFUL_GAP = 0.12;
const MAX_DOUBTFUL = 8;
const MAX_SWAPS = 2;
/**
 * Two-way name cells settled by the syllable shape. Each doubt doubles the readings tried (256 at
 * most); the reading is kept only when exactly one of them is Vietnamese-shaped.
 */
const MAX_NAME_DOUBTFUL = 8;

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The glyphs each position class admits (9303-3 §4.3). */
export const ALLOWED: Readonly<Record<CharClass, string>> = {
  digit: DIGITS,
  digitOrFiller: `${DIGITS}<`,
  alpha: LETTERS,
  alphaOrFiller: `${LETTERS}<`,
  alnum: `${LETTERS}${DIGITS}<`,
  sex: 'MF<',
  filler: '<',
};

/** Cells whose misreading the parser would catch: check digits, code lists. */
function coveredCells(layout: MrzLayout, cccd: boolean): Set<string> {
  const spans: FieldSpan[] = [];
  for (const c of layout.checks) {
    spans.push(...c.covers);
    const check = layout.fields.find((f) => f.name === c.check);
    if (check) spans.push(check);
  }
  // The CCCD's personal ID and its check digit (line 1, columns 16–27 and 30).
  if (cccd) spans.push({ line: 0, start: 15, end: 27 }, { line: 0, start: 29, end: 30 });
  const cells = new Set<string>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) cells.add(`${s.line}:${i}`);
  // Document code and states are checked against ICAO's list of codes (9303-3 §5) and the
  // CCCD profile: a misread code is refused by the parser unless it is another valid code,
  // and then both readings pass and the reading is refused as ambiguous.
  for (const cell of listedCells(layout)) cells.add(cell);
  return cells;
}

/** The glyph model's logit of `a` minus that of `b` in one cell: > 0 when the shape says `a`. */
export type GlyphRank = (line: number, column: number, a: string, b: string) => number;

/** Cells of the codes checked only against lists: the document code and the two states. */
function listedCells(layout: MrzLayout): Set<string> {
  const cells = new Set<string>();
  for (const f of layout.fields)
    if (f.name === 'documentCode' || f.name === 'issuingState' || f.name === 'nationality')
      for (let i = f.start; i < f.end; i++) cells.add(`${f.line}:${i}`);
  return cells;
}

/**
 * Refuses a cell whose glyph the model scores higher as another glyph the position admits than
 * as the templates' choice.
 */
function assertShapeAgrees(
  shape: GlyphRank,
  line: number,
  column: number,
  chosen: string,
  allowed: string,
): void {
  const rival = [...allowed].find((c) => c !== chosen && shape(line, column, c, chosen) > 0);
  if (rival) {
    throw new MrzError(
      'MRZ_AMBIGUOUS',
      `line ${line + 1}, column ${column + 1}: the templates say ${chosen}, the glyph's shape says ${rival}, and no check digit decides`,
      { line, column },
    );
  }
}

interface Doubt {
  readonly line: number;
  readonly column: number;
  readonly alt: string;
  readonly gap: number;
}

/**
 * Name cells whose glyph is one of two letters: no check digit covers the name, so a CCCD name
 * is settled only when exactly one choice reads as Vietnamese syllables (`NGO`, not `MGO`);
 * two plausible names (`MINH`/`NINH`) are refused.
 */
function settleName(
  document: MrzDocument,
  doubts: readonly Doubt[],
  options: ParseMrzOptions,
): { document: MrzDocument; corrections: MrzCorrection[] } {
  if (doubts.length === 0) return { document, corrections: [] };
  const plausible: Array<{ lines: string[]; corrections: MrzCorrection[] }> = [];
  for (let mask = 0; mask < 1 << doubts.length; mask++) {
    const grid = document.lines.map((l) => [...l]);
    const corrections: MrzCorrection[] = [];
    doubts.forEach((d, i) => {
      const row = grid[d.line];
      if (!(mask & (1 << i)) || !row) return;
      corrections.push({ line: d.line, column: d.column, from: row[d.column] ?? '', to: d.alt });
      row[d.column] = d.alt;
    });
    const lines = grid.map((r) => r.join(''));
    const field = lines[doubts[0]?.line ?? 0] ?? '';
    const [surname = '', given = ''] = field.split('<<');
    if (isVietnameseNameShape(`${surname} ${given}`.replace(/</g, ' ')))
      plausible.push({ lines, corrections });
  }
  const only = plausible[0];
  if (plausible.length !== 1 || !only) {
    throw new MrzError('MRZ_AMBIGUOUS', 'the name line reads as more than one name (or none)', {
      line: doubts[0]?.line,
      field: 'name',
    });
  }
  return { document: parseMrz(only.lines, options), corrections: only.corrections };
}

function* combinations(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= n - k; i++)
    for (const rest of combinations(n, k - 1, i + 1)) yield [i, ...rest];
}

/** A TD1 whose first line reads `IDVNM` give or take a D/0/O: the CCCD profile applies. */
export function looksLikeCccd(layout: MrzLayout, firstLine: string): boolean {
  return layout.format === 'TD1' && /^I[D0O]VNM/.test(firstLine);
}

/** The CCCD's first five cells: document code `ID`, issuing state `VNM`. */
const CCCD_HEAD = 'IDVNM';

/**
 * Whether a TD1's first line starts with the CCCD's fixed `IDVNM`, each of the five cells
 * showing its letter: as the templates' best glyph or, where the templates choose another, as
 * the glyph model's preference over that choice. Then the five cells are the profile's, whatever
 * one font's templates made of a glyph (`IDVRM`): no other document starts so. A cell that both
 * readers see as another glyph rules the profile out.
 */
export function showsCccdHead(
  layout: MrzLayout,
  lines: ReadonlyArray<readonly CellScores[]>,
  rank?: GlyphRank,
): boolean {
  const first = lines[0];
  if (layout.format !== 'TD1' || !first) return false;
  return [...CCCD_HEAD].every((expected, column) => {
    const scores = first[column] ?? [];
    const top = scores[0]?.char;
    const own = scores.find((s) => s.char === expected)?.score ?? -1;
    if (top === undefined || own < MIN_SCORE) return false;
    return top === expected || (rank !== undefined && rank(0, column, expected, top) > 0);
  });
}

/**
 * The class of every cell, from the layout and the first line's glyphs (only its first five
 * matter: they say whether the CCCD profile applies).
 */
export function bandClasses(layout: MrzLayout, firstLine: string): CharClass[][] {
  return positionClasses(layout, looksLikeCccd(layout, firstLine) ? ['IDVNM', '', ''] : []);
}

const kindOf = (c: string): 'digit' | 'letter' | 'filler' =>
  c >= '0' && c <= '9' ? 'digit' : c === '<' ? 'filler' : 'letter';

/**
 * `shape`: the glyph model's letter-vs-digit margin per cell; without it, a letter/digit
 * look-alike in an alphanumeric field is refused. `rank`: the model's margin between any two
 * glyphs, which must not prefer another glyph in a cell no check digit covers.
 */
export function readCells(
  lines: ReadonlyArray<readonly CellScores[]>,
  options: ParseMrzOptions = {},
  shape?: ShapeMargin,
  rank?: GlyphRank,
): CellReading {
  const glyphLines = lines.map((cells) => cells.map((c) => c[0]?.char ?? '<').join(''));
  const layout = layoutForShape(lines.length, lines[0]?.length ?? 0);
  if (!layout) throw new MrzError('MRZ_LENGTH', 'the band does not have an MRZ shape');
  const head = showsCccdHead(layout, lines, rank);
  const cccd = head || looksLikeCccd(layout, glyphLines[0] ?? '');
  const classes = bandClasses(layout, head ? CCCD_HEAD : (glyphLines[0] ?? ''));
  const covered = coveredCells(layout, cccd);
  const listed = listedCells(layout);

  const grid: string[][] = [];
  const doubtful: Doubt[] = [];
  const nameDoubtful: Doubt[] = [];
  const name = fieldLayout(layout, 'name');
  lines.forEach((cells, li) => {
    const row: string[] = [];
    cells.forEach((scores, col) => {
      const fixed = head && li === 0 ? CCCD_HEAD[col] : undefined;
      if (fixed) {
        row.push(fixed);
        return;
      }
      const charClass = classes[li]?.[col] ?? 'alnum';
      const allowed = ALLOWED[charClass];
      let ranked = scores.filter((s) => allowed.includes(s.char));
      const top = ranked[0];
      if (!top || top.score < MIN_SCORE) {
        throw new MrzError('MRZ_FORMAT', `line ${li + 1}, column ${col + 1}: no glyph fits`, {
          line: li,
          column: col,
        });
      }
      const pair = charClass === 'alnum' ? letterDigitPair(top.char) : undefined;
      if (pair) {
        // The shape settles letter or digit; the check digits may still swap within that kind.
        const letterScore = ranked.find((r) => r.char === pair.letter)?.score ?? -1;
        const digitScore = ranked.find((r) => r.char === pair.digit)?.score ?? -1;
        const templatePrefers = letterScore >= digitScore ? pair.letter : pair.digit;
        const chosen = decideLetterOrDigit(li, col, pair, shape, templatePrefers);
        const kind = kindOf(chosen);
        const mine = ranked.find((s) => s.char === chosen) ?? { char: chosen, score: top.score };
        ranked = [mine, ...ranked.filter((s) => s.char !== chosen && kindOf(s.char) === kind)];
      }
      const best = ranked[0] ?? top;
      const second = ranked[1];
      const gap = second ? best.score - second.score : 1;
      let byName = false;
      if (covered.has(`${li}:${col}`)) {
        if (second && gap < DOUBTFUL_GAP)
          doubtful.push({ line: li, column: col, alt: second.char, gap });
      } else if (
        gap < MIN_UNCOVERED_GAP &&
        cccd &&
        li === name.line &&
        second &&
        best.score - (ranked[2]?.score ?? -1) >= MIN_UNCOVERED_GAP &&
        nameDoubtful.length < MAX_NAME_DOUBTFUL
      ) {
        nameDoubtful.push({ line: li, column: col, alt: second.char, gap });
        byName = true;
      } else if (gap < MIN_UNCOVERED_GAP) {
        throw new MrzError(
          'MRZ_AMBIGUOUS',
          `line ${li + 1}, column ${col + 1}: ${best.char} or ${second?.char ?? '?'}, and no check digit decides`,
          { line: li, column: col },
        );
      }
      // No check digit catches a wrong glyph in an uncovered cell, nor one that turns a code
      // into another valid code (`IO` for `ID`), so there the templates (one font) and the
      // glyph model (trained on several) must agree. (A two-way name cell is settled by the
      // syllables instead.)
      const unchecked = !covered.has(`${li}:${col}`) || listed.has(`${li}:${col}`);
      if (rank && !pair && !byName && unchecked)
        assertShapeAgrees(rank, li, col, best.char, allowed);
      row.push(best.char);
    });
    grid.push(row);
  });
  doubtful.sort((a, b) => a.gap - b.gap);
  const tried = doubtful.slice(0, MAX_DOUBTFUL);

  const readingWith = (swaps: readonly number[]): string[] => {
    const copy = grid.map((r) => [...r]);
    for (const i of swaps) {
      const d = tried[i];
      const row = d ? copy[d.line] : undefined;
      if (d && row) row[d.column] = d.alt;
    }
    return copy.map((r) => r.join(''));
  };
  let lastError: MrzError | undefined;
  for (let k = 0; k <= Math.min(MAX_SWAPS, tried.length); k++) {
    const valid: Array<{ document: MrzDocument; swaps: number[] }> = [];
    for (const swaps of combinations(tried.length, k)) {
      try {
        valid.push({ document: parseMrz(readingWith(swaps), options), swaps });
      } catch (error) {
        if (!isMrzError(error)) throw error;
        lastError ??= error;
      }
    }
    if (valid.length > 1) {
      throw new MrzError('MRZ_AMBIGUOUS', 'more than one reading of the glyphs passes every check');
    }
    const only = valid[0];
    if (only) {
      const corrections = only.swaps.flatMap((i) => {
        const d = tried[i];
        const from = d ? grid[d.line]?.[d.column] : undefined;
        return d && from ? [{ line: d.line, column: d.column, from, to: d.alt }] : [];
      });
      const named = settleName(only.document, nameDoubtful, options);
      return {
        document: named.document,
        corrections: [...corrections, ...named.corrections],
        glyphLines,
      };
    }
  }
  throw lastError ?? new MrzError('MRZ_CHECK_DIGIT', 'no reading of the glyphs passes the checks');
}
