import { fitLine } from './line-fit';

/**
 * Where each cell's glyph stands vertically. One cap line and baseline for a whole MRZ line
 * holds head-on; a card photographed at an angle makes its lines converge, so after the band is
 * deskewed to its middle line the outer lines still slope by a degree or two, and a glyph at the
 * far end of such a line sits several rows off the line's mean baseline. The baseline and cap
 * line are followed along the line, at the slope the glyphs' own rows show.
 */

/** A glyph's own ink rows: first inked row and the row after the last. */
export interface GlyphRows {
  readonly centre: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * The run of inked rows through `middle` in the columns `left … right`: rows with ink counted
 * there, extended while a row holds at least a sixth of the run's fullest row, so a stray speck
 * above or below the glyph is not taken for it.
 */
export function glyphRows(
  ink: (x: number, y: number) => boolean,
  left: number,
  right: number,
  y0: number,
  y1: number,
  middle: number,
): GlyphRows | undefined {
  const counts: number[] = [];
  for (let y = y0; y < y1; y++) {
    let n = 0;
    for (let x = left; x <= right; x++) if (ink(x, y)) n++;
    counts.push(n);
  }
  // The fullest row near the middle (a glyph's strokes, not a neighbouring line's).
  const reach = Math.max(1, Math.round((y1 - y0) / 4));
  const m = Math.round(middle) - y0;
  let best = -1;
  for (let i = Math.max(0, m - reach); i < Math.min(counts.length, m + reach); i++)
    if (best < 0 || (counts[i] ?? 0) > (counts[best] ?? 0)) best = i;
  const peak = counts[best] ?? 0;
  if (best < 0 || peak === 0) return undefined;
  const floor = Math.max(1, peak / 6);
  let top = best;
  let bottom = best + 1;
  while (top > 0 && (counts[top - 1] ?? 0) >= floor) top--;
  while (bottom < counts.length && (counts[bottom] ?? 0) >= floor) bottom++;
  return { centre: (left + right) / 2, top: y0 + top, bottom: y0 + bottom };
}

/** Fits, drops the points off by more than `tolerance`, and fits again. */
function robustLine(
  points: ReadonlyArray<readonly [number, number]>,
  tolerance: number,
): [number, number] | undefined {
  const first = fitLine(points);
  if (!first) return undefined;
  const [a, b] = first;
  const kept = points.filter(([x, y]) => Math.abs(y - a - b * x) <= tolerance);
  return kept.length >= Math.max(5, points.length / 2) ? fitLine(kept) : undefined;
}

const median = (xs: readonly number[]): number =>
  [...xs].sort((p, q) => p - q)[Math.floor((xs.length - 1) / 2)] ?? 0;

export interface LineRows {
  /** Baseline row (exclusive bottom) under each cell's centre. */
  readonly baselines: readonly number[];
  readonly capHeight: number;
  /** Rows per column. */
  readonly slope: number;
}

/**
 * Baseline and cap line along the line, fitted through the glyphs that reach full height: every
 * MRZ glyph is a capital or a digit standing on the baseline (ICAO 9303-3 §4.2), except the
 * filler `<`, which is shorter and left out. The cap line and the baseline are fitted separately
 * and must run alike; a line slopes by a few per cent at most. Too few full-height glyphs, a
 * steeper fit or two lines that disagree: undefined, and the caller keeps the line level.
 */
export function fitLineRows(
  glyphs: ReadonlyArray<GlyphRows | undefined>,
  centres: readonly number[],
): LineRows | undefined {
  const found = glyphs.filter((g): g is GlyphRows => g !== undefined);
  const heights = found.map((g) => g.bottom - g.top);
  const tallest = median(heights.filter((h) => h >= Math.max(...heights) * 0.7));
  const tall = found.filter((g) => g.bottom - g.top >= tallest * 0.8);
  if (tall.length < 6) return undefined;
  const tolerance = Math.max(1.5, tallest * 0.12);
  const base = robustLine(
    tall.map((g) => [g.centre, g.bottom]),
    tolerance,
  );
  const cap = robustLine(
    tall.map((g) => [g.centre, g.top]),
    tolerance,
  );
  if (!base || !cap) return undefined;
  const [b0, b1] = base;
  const [c0, c1] = cap;
  const xs = tall.map((g) => g.centre);
  const span = Math.max(...xs) - Math.min(...xs);
  // Over the glyphs' span the two lines may part by a sixth of the cap height at most.
  if (Math.abs(b1 - c1) * span > tallest / 6 || Math.max(Math.abs(b1), Math.abs(c1)) > 0.06)
    return undefined;
  const middle = median(centres);
  return {
    baselines: centres.map((x) => b0 + b1 * x),
    capHeight: b0 + b1 * middle - (c0 + c1 * middle),
    slope: (b1 + c1) / 2,
  };
}
