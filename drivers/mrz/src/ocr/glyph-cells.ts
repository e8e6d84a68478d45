import type { GrayImage } from './gray-image';
import { fitGrid, gridCentre, type GridPrior } from './cell-grid';
import { fitLine } from './line-fit';
import { fitLineRows, glyphRows } from './line-rows';
import { otsuThreshold } from './otsu';

/**
 * Character cells of one MRZ line, found from the gaps between glyphs. The MRZ is fixed-pitch
 * (ICAO 9303-3 §4.2.2), so the glyphs' ink centres lie on evenly spaced cells seen in
 * perspective (`cell-grid.ts`); the grid is fitted to the segments of the line's column ink
 * profile (runs of inked columns between blank ones), per line, which follows a keystoned
 * photo's per-line pitch and ignores blobs that are not glyphs (a card edge, a speck). A cell
 * whose glyph was found keeps the glyph's own centre.
 */
export interface LineBox {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export interface LineCells {
  /** Ink centre of each of the N cells, in image x. */
  readonly centres: readonly number[];
  readonly pitch: number;
  /** Cap line and baseline rows (exclusive bottom), from the row ink profile. */
  readonly top: number;
  readonly baseline: number;
  /** Cells that had a glyph segment of their own (the rest were placed by the grid). */
  readonly segmented: readonly boolean[];
  /**
   * Baseline under each cell and the cap height, fitted through the glyphs' own rows (a line
   * seen at an angle slopes); the level `baseline` and `baseline − top` when they cannot be.
   */
  readonly baselines: readonly number[];
  readonly capHeight: number;
}

export type { GridPrior } from './cell-grid';

interface Segment {
  readonly left: number;
  readonly right: number;
  readonly centre: number;
  /** Cut from a run of joined glyphs: its centre is an estimate. */
  readonly split?: boolean;
}

/** Rows of the line's text: the run of rows around the box whose ink is ≥ 30 % of the peak row. */
function textRows(
  ink: (x: number, y: number) => boolean,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  guess: LineBox,
): { top: number; baseline: number } {
  const rows: number[] = [];
  for (let y = y0; y < y1; y++) {
    let n = 0;
    for (let x = x0; x < x1; x++) if (ink(x, y)) n++;
    rows.push(n);
  }
  const peak = Math.max(...rows);
  const middle = Math.round((guess.top + guess.bottom) / 2) - y0;
  let best = middle;
  for (let i = 0; i < rows.length; i++)
    if (Math.abs(i - middle) < (guess.bottom - guess.top) / 3 && (rows[i] ?? 0) > (rows[best] ?? 0))
      best = i;
  let top = best;
  let bottom = best;
  while (top > 0 && (rows[top - 1] ?? 0) >= peak * 0.3) top--;
  while (bottom < rows.length && (rows[bottom] ?? 0) >= peak * 0.3) bottom++;
  return { top: y0 + top, baseline: y0 + bottom };
}

/**
 * The slope of a line's text (rows per column) from the text rows of its four quarters; 0 when
 * fewer than three quarters show text of the line's full height, when the line drifts by less
 * than a tenth of its cap height end to end, or when the fit is steeper than any photographed
 * card line (6 %).
 */
function quarterSlope(
  ink: (x: number, y: number) => boolean,
  guess: LineBox,
  y0: number,
  y1: number,
): number {
  const level = textRows(ink, Math.round(guess.left), Math.round(guess.right), y0, y1, guess);
  const cap = level.baseline - level.top;
  const points: Array<[number, number]> = [];
  for (let k = 0; k < 4; k++) {
    const a = Math.round(guess.left + ((guess.right - guess.left) * k) / 4);
    const b = Math.round(guess.left + ((guess.right - guess.left) * (k + 1)) / 4);
    const rows = textRows(ink, a, b, y0, y1, guess);
    const height = rows.baseline - rows.top;
    if (height >= cap * 0.8 && height <= cap * 1.1)
      points.push([(a + b) / 2, (rows.top + rows.baseline) / 2]);
  }
  if (points.length < 3) return 0;
  const slope = fitLine(points)?.[1] ?? 0;
  // A drift under a tenth of the cap height over the line is no slope worth following: such a
  // line keeps its level rows exactly.
  const drift = Math.abs(slope) * (guess.right - guess.left);
  return Math.abs(slope) <= 0.06 && drift >= cap * 0.1 ? slope : 0;
}

/** The `n` cells of the line near `guess`, or undefined when its glyphs do not form a grid. */
export function lineCells(
  img: GrayImage,
  guess: LineBox,
  n: number,
  pitchPerCapHeight: number,
  prior?: GridPrior,
): LineCells | undefined {
  const h = guess.bottom - guess.top;
  const y0 = Math.max(0, Math.round(guess.top - h * 0.4));
  const y1 = Math.min(img.height, Math.round(guess.bottom + h * 0.4));
  const x0 = Math.max(0, Math.round(guess.left - h));
  const x1 = Math.min(img.width, Math.round(guess.right + h));
  // Threshold and text rows from the middle half of the line, which is always text on the card:
  // the line's ends may run onto a dark table beside the card.
  const quarter = (guess.right - guess.left) / 4;
  const midLeft = Math.max(0, Math.round(guess.left + quarter));
  const midRight = Math.min(img.width, Math.round(guess.right - quarter));
  const values: number[] = [];
  for (let y = y0; y < y1; y++)
    for (let x = midLeft; x < midRight; x++) values.push(img.data[y * img.width + x] as number);
  const threshold = otsuThreshold(values);
  const ink = (x: number, y: number): boolean =>
    (img.data[y * img.width + x] as number) <= threshold;
  // Columns inked over the whole window (margins included) are background, not glyphs.
  const solid = new Uint8Array(x1 - x0);
  for (let x = x0; x < x1; x++) {
    let c = 0;
    for (let y = y0; y < y1; y++) if (ink(x, y)) c++;
    solid[x - x0] = c >= (y1 - y0) * 0.9 ? 1 : 0;
  }
  const glyphPixel = (x: number, y: number): boolean => !solid[x - x0] && ink(x, y);
  // A line seen at an angle slopes after the band's deskew (its lines converge): its rows are
  // taken along that slope, else its text rows span the slope as well as the glyphs, and the
  // cap height (hence the pitch guessed from it) comes out too large.
  const slope = quarterSlope(glyphPixel, guess, y0, y1);
  const xMiddle = (guess.left + guess.right) / 2;
  const rowAt = (x: number, y: number): number => y + Math.round(slope * (x - xMiddle));
  const along =
    (pixel: (x: number, y: number) => boolean) =>
    (x: number, y: number): boolean => {
      const ys = rowAt(x, y);
      return ys >= 0 && ys < img.height && pixel(x, ys);
    };
  const { top, baseline } = textRows(along(glyphPixel), x0, x1, y0, y1, guess);
  const capHeight = baseline - top;
  if (capHeight < 4) return undefined;
  const inkAlong = along(ink);
  const columns: number[] = [];
  for (let x = x0; x < x1; x++) {
    let c = 0;
    for (let y = top; y < baseline; y++) if (inkAlong(x, y)) c++;
    columns.push(c);
  }
  const pitchGuess = capHeight * pitchPerCapHeight;
  const segments: Segment[] = [];
  const glyphInk = new Uint8Array(columns.length);
  for (let i = 0; i < columns.length;) {
    if ((columns[i] ?? 0) === 0) {
      i++;
      continue;
    }
    const start = i;
    let mass = 0;
    while (i < columns.length && (columns[i] ?? 0) > 0) mass += columns[i++] ?? 0;
    const width = i - start;
    // Up to a few glyphs that touch; wider runs are a card edge or a dark table beside the card.
    if (width <= pitchGuess * 4) for (let c = start; c < i; c++) glyphInk[c] = 1;
    // A glyph is narrower than the pitch and has some ink; wider runs are merged glyphs or edges.
    if (width <= pitchGuess * 1.05 && mass >= capHeight * 0.8) {
      segments.push({ left: x0 + start, right: x0 + i, centre: x0 + (start + i - 1) / 2 });
    } else if (width <= pitchGuess * 4) {
      // Glyphs that blur and JPEG joined: k glyphs side by side, k from the run's width.
      const k = Math.round((width + pitchGuess * 0.3) / pitchGuess);
      const step = (width + pitchGuess * 0.3) / k;
      for (let j = 0; j < k && k >= 2; j++) {
        const centre = x0 + start - pitchGuess * 0.15 + (j + 0.5) * step;
        segments.push({ left: centre - step / 2, right: centre + step / 2, centre, split: true });
      }
    }
  }
  // Inked columns counted up to each column: "is there glyph ink near x" in constant time, as
  // the grid search asks it for every cell of every candidate grid.
  const inkBefore = new Int32Array(columns.length + 1);
  for (let c = 0; c < columns.length; c++)
    inkBefore[c + 1] = (inkBefore[c] ?? 0) + (glyphInk[c] ?? 0);
  const inkedAt = (x: number): boolean => {
    const from = Math.min(columns.length, Math.max(0, Math.round(x - pitchGuess * 0.2) - x0));
    const to = Math.min(columns.length, Math.max(0, Math.round(x + pitchGuess * 0.2) - x0 + 1));
    return (inkBefore[to] ?? 0) > (inkBefore[from] ?? 0);
  };
  const grid = fitGrid(
    segments.map((s) => s.centre),
    pitchGuess,
    n,
    inkedAt,
    prior,
    guess,
  );
  if (!grid) return undefined;
  const centres: number[] = [];
  const segmented: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const expected = gridCentre(grid, i);
    const own = segments.find((s) => Math.abs(s.centre - expected) < grid.pitch * 0.2);
    centres.push(own ? own.centre : expected);
    segmented.push(own !== undefined);
  }
  // The mean pitch: a perspective grid's changes along the line.
  const pitch = (gridCentre(grid, n - 1) - gridCentre(grid, 0)) / (n - 1);
  // A line seen at an angle slopes: a glyph at its far end stands rows off the line's mean
  // baseline, so there the glyphs' own rows set it. A level line keeps the row profile's, which
  // the glyph-by-glyph fit (whole rows, blurred edges) only makes noisier.
  const glyphs = centres.map((c) =>
    glyphRows(
      glyphPixel,
      Math.round(c - pitch * 0.3),
      Math.round(c + pitch * 0.3),
      y0,
      y1,
      rowAt(c, (top + baseline) / 2),
    ),
  );
  const fitted = fitLineRows(glyphs, centres);
  const span = (centres[n - 1] ?? 0) - (centres[0] ?? 0);
  const sloped = fitted && Math.abs(fitted.slope) * span >= capHeight * 0.12 ? fitted : undefined;
  return {
    centres,
    pitch,
    top,
    baseline,
    segmented,
    baselines: sloped?.baselines ?? centres.map((x) => baseline + slope * (x - xMiddle)),
    capHeight: sloped?.capHeight ?? capHeight,
  };
}
