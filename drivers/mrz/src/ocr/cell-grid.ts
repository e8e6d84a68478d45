import { fitLine } from './line-fit';

/**
 * The grid of an MRZ line's character cells. The MRZ is fixed-pitch (ICAO 9303-3 §4.2.2), so
 * the glyphs' centres lie on evenly spaced cells, seen through the camera's perspective; the grid
 * is fitted to the centres of the glyph segments `glyph-cells.ts` finds.
 */

/** What the band's other lines say: MRZ lines share the pitch and the left margin. */
export interface GridPrior {
  readonly pitch: number;
  readonly firstCentre: number;
}

/**
 * Perspective along the line, as tried by the grid search: `g` is the relative change of scale
 * from the line's middle to one end (0.06 ≈ a 27 % pitch change end to end, a steep view). The
 * step keeps a guess within a few hundredths of a pitch of the true cells over half a line.
 */
const PERSPECTIVES = [
  0, -0.01, 0.01, -0.02, 0.02, -0.03, 0.03, -0.04, 0.04, -0.05, 0.05, -0.06, 0.06,
];

/**
 * A 1-D view of the line: `r = d / (1 + h·d)` with `d = x − middle` undoes a perspective `h`, so
 * the fixed-pitch cells (ICAO 9303-3 §4.2.2) are evenly spaced in `r` again.
 */
interface Rectifier {
  readonly middle: number;
  readonly h: number;
}
const rectify = ({ middle, h }: Rectifier, x: number): number =>
  (x - middle) / (1 + h * (x - middle));

/** The straight grid `r0 + i·pitch` in rectified coordinates, as an image-space {@link Grid}. */
function gridOf({ middle, h }: Rectifier, r0: number, pitch: number): Grid {
  const d = 1 - h * r0;
  return {
    x0: middle + r0 / d,
    pitch: (pitch * (1 - h * middle)) / d,
    perspective: (-h * pitch) / d,
  };
}

/**
 * Fits the line's `n` cells to the segment centres; undefined when too few fit. The search tries
 * each perspective in turn, a straight grid in its rectified coordinates: a card photographed at
 * an angle spreads its pitch by 10–20 % from one end of a line to the other, and a straight grid
 * fitted to part of such a line loses a whole cell by its far end.
 */
export function fitGrid(
  segmentCentres: readonly number[],
  pitchGuess: number,
  n: number,
  inkedAt: (x: number) => boolean,
  prior: GridPrior | undefined,
  extent: { readonly left: number; readonly right: number },
): Grid | undefined {
  let best: { rectifier: Rectifier; r0: number; pitch: number; score: number } | undefined;
  const middle = (extent.left + extent.right) / 2;
  const half = Math.max(1, (extent.right - extent.left) / 2);
  for (const g of PERSPECTIVES) {
    const rectifier = { middle, h: g / half };
    const centres = segmentCentres.map((x) => rectify(rectifier, x));
    const inkedAtR = (r: number): boolean => inkedAt(middle + r / (1 - rectifier.h * r));
    // Near the middle, a rectified unit is an image pixel: the pitch guess holds as it is.
    const rectifiedPrior = prior && {
      pitch: prior.pitch,
      firstCentre: rectify(rectifier, prior.firstCentre),
    };
    const found = searchStraight(centres, pitchGuess, n, inkedAtR, rectifiedPrior);
    // A perspective must earn its place: a straight grid wins near ties.
    if (found && (!best || found.score > best.score + 0.5)) best = { rectifier, ...found };
    // A grid scores n at most (a segment in every cell): none can beat this one any more.
    if (best && best.score + 0.5 >= n) break;
  }
  if (!best || best.score < n * 0.6) return undefined;
  const { rectifier, r0, pitch } = best;
  // Least squares on the segments that sit on the chosen grid.
  const points: Array<[number, number]> = [];
  for (const x of segmentCentres) {
    const r = rectify(rectifier, x);
    const i = Math.round((r - r0) / pitch);
    if (i >= 0 && i < n && Math.abs(r - r0 - i * pitch) < pitch * 0.2) points.push([i, x]);
  }
  return perspectiveGrid(points, n) ?? straightGrid(points) ?? gridOf(rectifier, r0, pitch);
}

/** The best straight grid `r0 + i·pitch` over the (rectified) segment centres. */
function searchStraight(
  centres: readonly number[],
  pitchGuess: number,
  n: number,
  inkedAt: (r: number) => boolean,
  prior: GridPrior | undefined,
): { r0: number; pitch: number; score: number } | undefined {
  let best: { r0: number; pitch: number; score: number } | undefined;
  // Blur fattens the glyphs, so the cap height overestimates the pitch: a wide search, unless
  // the band's other lines already tell the pitch (they share it within a few per cent).
  const [lo, hi] = prior ? [0.97, 1.03] : [0.75, 1.15];
  const guess = prior ? prior.pitch : pitchGuess;
  for (let f = lo; f <= hi; f += 0.005) {
    const pitch = guess * f;
    for (const anchor of centres) {
      // Take this segment as some cell; count the segments that land on the grid.
      const counts = new Set<number>();
      for (const c of centres) {
        const i = Math.round((c - anchor) / pitch);
        if (Math.abs(c - anchor - i * pitch) < pitch * 0.2) counts.add(i);
      }
      let lowest = Infinity;
      let highest = -Infinity;
      for (const i of counts) {
        lowest = Math.min(lowest, i);
        highest = Math.max(highest, i);
      }
      // The window of n consecutive cells holding the most segments; glyphs that touch (no
      // segment of their own) still have ink, cells past the line's ends have none. Each cell
      // of the span is weighed once, then the windows slide over it.
      const start = highest - n + 1;
      const weights: number[] = [];
      for (let i = start; i < lowest + n; i++)
        weights.push(counts.has(i) ? 1 : inkedAt(anchor + i * pitch) ? 0.5 : 0);
      let score = 0;
      for (let k = 0; k < n; k++) score += weights[k] ?? 0;
      for (let first = start; first <= lowest; first++) {
        if (first > start)
          score += (weights[first - start + n - 1] ?? 0) - (weights[first - start - 1] ?? 0);
        const r0 = anchor + first * pitch;
        if (prior && Math.abs(r0 - prior.firstCentre) > pitch * 0.6) continue;
        if (!best || score > best.score) best = { r0, pitch, score };
      }
    }
  }
  return best;
}

/**
 * A grid: cell `i`'s centre is `(x0 + i·pitch) / (1 + i·perspective)`, evenly spaced cells seen
 * in perspective (a 1-D projective map, exact for a flat card); `perspective` is 0 head-on.
 */
export interface Grid {
  readonly x0: number;
  readonly pitch: number;
  readonly perspective: number;
}

export const gridCentre = (g: Grid, i: number): number =>
  (g.x0 + i * g.pitch) / (1 + i * g.perspective);

function straightGrid(points: ReadonlyArray<[number, number]>): Grid | undefined {
  const line = fitLine(points);
  return line && { x0: line[0], pitch: line[1], perspective: 0 };
}

type Row3 = readonly [number, number, number];
const det3 = ([a0, a1, a2]: Row3, [b0, b1, b2]: Row3, [c0, c1, c2]: Row3): number =>
  a0 * (b1 * c2 - b2 * c1) - a1 * (b0 * c2 - b2 * c0) + a2 * (b0 * c1 - b1 * c0);

/**
 * Perspective: a card photographed at an angle is larger at its nearer edge, so the pitch
 * changes steadily along a line, and a straight grid fitted to the middle misses the end cells
 * by a quarter of a pitch or more — exactly the cells with no segment of their own (touching
 * glyphs at the line's start) that the grid must place. Evenly spaced cells seen in perspective
 * sit at `(x0 + i·p) / (1 + i·q)`; multiplied out, `x = x0 + i·p − q·(i·x)` is linear in the
 * three unknowns, solved by least squares. Only with segments spread over most of the line, and
 * with the end pitches within 40 % of each other (a steeper view is not a card on the counter);
 * otherwise the caller keeps a straight grid.
 */
export function perspectiveGrid(
  points: ReadonlyArray<[number, number]>,
  n: number,
): Grid | undefined {
  const indices = points.map(([i]) => i);
  if (points.length < 8 || Math.max(...indices) - Math.min(...indices) < n * 0.6) return undefined;
  // Normal equations of x = a·1 + b·i + c·(−i·x).
  let [s1, si, sii, sw, siw, sww, sx, six, swx] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (const [i, x] of points) {
    const w = -i * x;
    s1 += 1;
    si += i;
    sii += i * i;
    sw += w;
    siw += i * w;
    sww += w * w;
    sx += x;
    six += i * x;
    swx += w * x;
  }
  const m0: Row3 = [s1, si, sw];
  const m1: Row3 = [si, sii, siw];
  const m2: Row3 = [sw, siw, sww];
  const v: Row3 = [sx, six, swx];
  const d = det3(m0, m1, m2);
  if (Math.abs(d) < 1e-9) return undefined;
  // Cramer's rule: column k replaced by the right-hand side.
  const swap = (row: Row3, k: number, value: number): Row3 => [
    k === 0 ? value : row[0],
    k === 1 ? value : row[1],
    k === 2 ? value : row[2],
  ];
  const solve = (k: number): number =>
    det3(swap(m0, k, v[0]), swap(m1, k, v[1]), swap(m2, k, v[2])) / d;
  const grid: Grid = { x0: solve(0), pitch: solve(1), perspective: solve(2) };
  // Local pitch is (p − q·x0) / (1 + i·q)²: positive, and alike at the two ends.
  const localPitch = (i: number): number =>
    (grid.pitch - grid.perspective * grid.x0) / (1 + i * grid.perspective) ** 2;
  const first = localPitch(0);
  const last = localPitch(n - 1);
  if (first <= 0 || last <= 0 || Math.max(first, last) / Math.min(first, last) > 1.4)
    return undefined;
  return grid;
}
