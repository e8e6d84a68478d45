import type { GrayImage } from './gray-image';
import { otsuThreshold } from './otsu';

/**
 * Character cells of one MRZ line, found from the gaps between glyphs. The MRZ is fixed-pitch
 * (ICAO 9303-3 §4.2.2), so the glyphs' ink centres lie on a grid `x0 + i·pitch`; the grid is fitted
 * to the segments of the line's column ink profile (runs of inked columns between blank ones),
 * per line, which follows a keystoned photo's per-line pitch and ignores blobs that are not
 * glyphs (a card edge, a speck). A cell whose glyph was found keeps the glyph's own centre.
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
}

/** What the band's other lines say: MRZ lines share the pitch and the left margin. */
export interface GridPrior {
  readonly pitch: number;
  readonly firstCentre: number;
}

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

/** Fits `x0 + i·pitch` (i = 0 … n−1) to the segment centres; undefined when too few fit. */
function fitGrid(
  segments: readonly Segment[],
  pitchGuess: number,
  n: number,
  inkedAt: (x: number) => boolean,
  prior: GridPrior | undefined,
): Grid | undefined {
  let best: { x0: number; pitch: number; score: number } | undefined;
  // Blur fattens the glyphs, so the cap height overestimates the pitch: a wide search, unless
  // the band's other lines already tell the pitch (they share it within a few per cent).
  const [lo, hi] = prior ? [0.97, 1.03] : [0.75, 1.15];
  const guess = prior ? prior.pitch : pitchGuess;
  for (let f = lo; f <= hi; f += 0.005) {
    const pitch = guess * f;
    for (const anchor of segments) {
      // Take this segment as some cell; count the segments that land on the grid.
      const indexOf = (s: Segment): number => Math.round((s.centre - anchor.centre) / pitch);
      const counts = new Map<number, number>();
      for (const s of segments) {
        const i = indexOf(s);
        const residual = Math.abs(s.centre - anchor.centre - i * pitch);
        if (residual < pitch * 0.2) counts.set(i, 1);
      }
      const indices = [...counts.keys()].sort((a, b) => a - b);
      const lo = indices[0] ?? 0;
      const hi = indices[indices.length - 1] ?? 0;
      // The window of n consecutive cells holding the most segments; glyphs that touch (no
      // segment of their own) still have ink, cells past the line's ends have none.
      for (let first = hi - n + 1; first <= lo; first++) {
        let score = indices.filter((i) => i >= first && i < first + n).length;
        for (let i = first; i < first + n; i++)
          if (!counts.has(i) && inkedAt(anchor.centre + i * pitch)) score += 0.5;
        const x0 = anchor.centre + first * pitch;
        if (prior && Math.abs(x0 - prior.firstCentre) > pitch * 0.6) continue;
        if (!best || score > best.score) best = { x0, pitch, score };
      }
    }
  }
  if (!best || best.score < n * 0.6) return undefined;
  // Least squares on the segments that sit on the chosen grid.
  const points: Array<[number, number]> = [];
  for (const s of segments) {
    const i = Math.round((s.centre - best.x0) / best.pitch);
    if (i >= 0 && i < n && Math.abs(s.centre - best.x0 - i * best.pitch) < best.pitch * 0.2)
      points.push([i, s.centre]);
  }
  return (
    curvedGrid(points, n) ?? straightGrid(points) ?? { x0: best.x0, pitch: best.pitch, curve: 0 }
  );
}

/** A grid: cell `i`'s centre is `x0 + i·pitch + i²·curve`. */
export interface Grid {
  readonly x0: number;
  readonly pitch: number;
  readonly curve: number;
}

export const gridCentre = (g: Grid, i: number): number => g.x0 + i * g.pitch + i * i * g.curve;

function straightGrid(points: ReadonlyArray<[number, number]>): Grid | undefined {
  const m = points.length;
  const sx = points.reduce((a, [i]) => a + i, 0);
  const sy = points.reduce((a, [, c]) => a + c, 0);
  const sxx = points.reduce((a, [i]) => a + i * i, 0);
  const sxy = points.reduce((a, [i, c]) => a + i * c, 0);
  const den = m * sxx - sx * sx;
  if (den === 0) return undefined;
  const pitch = (m * sxy - sx * sy) / den;
  return { x0: (sy - pitch * sx) / m, pitch, curve: 0 };
}

/**
 * Perspective: a card photographed at an angle is larger at its nearer edge, so the pitch
 * changes steadily along a line (a few per cent end to end), and a straight grid fitted to the
 * middle misses the end cells by a quarter of a pitch — exactly the cells with no segment of
 * their own (touching glyphs at the line's start) that the grid must place. A quadratic
 * `x0 + i·p + i²·c` follows it; only with segments spread over most of the line, and with a
 * pitch change under 15 % end to end, otherwise the straight grid stands.
 */
export function curvedGrid(points: ReadonlyArray<[number, number]>, n: number): Grid | undefined {
  const indices = points.map(([i]) => i);
  if (points.length < 8 || Math.max(...indices) - Math.min(...indices) < n * 0.6) return undefined;
  // Normal equations of the least-squares parabola, solved by Cramer's rule.
  const S = [0, 0, 0, 0, 0];
  const T = [0, 0, 0];
  for (const [i, c] of points) {
    let p = 1;
    for (let k = 0; k < 5; k++) {
      S[k] = (S[k] as number) + p;
      if (k < 3) T[k] = (T[k] as number) + p * c;
      p *= i;
    }
  }
  const [s0, s1, s2, s3, s4] = S as [number, number, number, number, number];
  const [t0, t1, t2] = T as [number, number, number];
  const det3 = (a: number[], b: number[], c: number[]): number =>
    (a[0] as number) * ((b[1] as number) * (c[2] as number) - (b[2] as number) * (c[1] as number)) -
    (a[1] as number) * ((b[0] as number) * (c[2] as number) - (b[2] as number) * (c[0] as number)) +
    (a[2] as number) * ((b[0] as number) * (c[1] as number) - (b[1] as number) * (c[0] as number));
  const d = det3([s0, s1, s2], [s1, s2, s3], [s2, s3, s4]);
  if (Math.abs(d) < 1e-9) return undefined;
  const x0 = det3([t0, s1, s2], [t1, s2, s3], [t2, s3, s4]) / d;
  const pitch = det3([s0, t0, s2], [s1, t1, s3], [s2, t2, s4]) / d;
  const curve = det3([s0, s1, t0], [s1, s2, t1], [s2, s3, t2]) / d;
  // The pitch at the line's two ends: p and p + 2c(n−1).
  if (pitch <= 0 || Math.abs(2 * curve * (n - 1)) > pitch * 0.15) return undefined;
  return { x0, pitch, curve };
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
  const { top, baseline } = textRows(glyphPixel, x0, x1, y0, y1, guess);
  const capHeight = baseline - top;
  if (capHeight < 4) return undefined;
  const columns: number[] = [];
  for (let x = x0; x < x1; x++) {
    let c = 0;
    for (let y = top; y < baseline; y++) if (ink(x, y)) c++;
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
  const inkedAt = (x: number): boolean => {
    for (let c = Math.round(x - pitchGuess * 0.2); c <= Math.round(x + pitchGuess * 0.2); c++)
      if (glyphInk[c - x0]) return true;
    return false;
  };
  const grid = fitGrid(segments, pitchGuess, n, inkedAt, prior);
  if (!grid) return undefined;
  const centres: number[] = [];
  const segmented: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const expected = gridCentre(grid, i);
    const own = segments.find((s) => Math.abs(s.centre - expected) < grid.pitch * 0.2);
    centres.push(own ? own.centre : expected);
    segmented.push(own !== undefined);
  }
  return {
    centres,
    // The mean pitch: a curved grid's changes along the line.
    pitch: grid.pitch + grid.curve * (n - 1),
    top,
    baseline,
    segmented,
  };
}
