import type { GrayImage } from './gray-image';
import { crop, downscale, inkMask, noiseSigma, resize, rotate, stretchContrast } from './image-ops';

/**
 * Finding the MRZ in a photo of a card: estimate the skew from the ink's row profile, straighten
 * the image, then pick the group of 2–3 long, evenly spaced text lines nearest the bottom, crop it
 * with a margin and scale it to the text height tesseract reads best.
 */
export interface MrzBand {
  /** The straightened, cropped, scaled band, ready for recognition. */
  readonly image: GrayImage;
  /** Each MRZ line's rows and ink extent in `image`, top to bottom. */
  readonly lines: ReadonlyArray<{ top: number; bottom: number; left: number; right: number }>;
  /** The skew that was removed, degrees. */
  readonly skewDegrees: number;
  readonly lineCount: number;
}

/** A run of inked rows in the analysis image: a text line, an edge, or noise. */
export interface Run {
  readonly top: number;
  readonly bottom: number;
  readonly ink: number;
  readonly left: number;
  readonly right: number;
  /** Mean number of ink runs per row between left and right: many for text, few for an edge. */
  readonly strokes: number;
  /**
   * Share of columns between left and right without ink: the gaps between glyphs make a text
   * line's share large; sensor noise on a dark table or a card edge leaves few blank columns.
   */
  readonly blankColumns: number;
}

const ANALYSIS_WIDTH = 700;
const MIN_STROKES_PER_ROW = 12;
/** Cap height of the MRZ text handed to tesseract, in pixels. */
const TARGET_LINE_HEIGHT = 44;

function inkPoints(mask: Uint8Array, width: number): Int32Array {
  let n = 0;
  for (const v of mask) n += v;
  const points = new Int32Array(n * 2);
  let k = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) {
      points[k++] = i % width;
      points[k++] = Math.floor(i / width);
    }
  }
  return points;
}

/** How sharp the row histogram of ink is when the ink is turned by `degrees`. */
function projectionSharpness(points: Int32Array, width: number, height: number) {
  const bins = new Float64Array(height * 2 + width);
  return (degrees: number): number => {
    const r = (degrees * Math.PI) / 180;
    const sin = Math.sin(r);
    const cos = Math.cos(r);
    bins.fill(0);
    for (let i = 0; i < points.length; i += 2) {
      const x = points[i] as number;
      const y = points[i + 1] as number;
      const b = Math.round(y * cos - x * sin + width / 2);
      if (b >= 0 && b < bins.length) bins[b] = (bins[b] as number) + 1;
    }
    let s = 0;
    for (const v of bins) s += v * v;
    return s;
  };
}

/**
 * Projection-profile skew hypotheses, best first: the angles (0.5° grid, refined to 0.05°)
 * where the row histogram of ink is locally sharpest. The sharpest is usually the MRZ's; but a
 * textured table or a tilted page can have its own, so the next local maxima are kept for a
 * second try.
 */
export function skewHypotheses(
  mask: Uint8Array,
  width: number,
  height: number,
  count = 3,
  maxDegrees = 7,
): number[] {
  const sharpness = projectionSharpness(inkPoints(mask, width), width, height);
  const coarse: Array<[number, number]> = [];
  for (let d = -maxDegrees; d <= maxDegrees; d += 0.5) coarse.push([d, sharpness(d)]);
  const peaks = coarse.filter(
    ([, s], i) => s >= (coarse[i - 1]?.[1] ?? -1) && s >= (coarse[i + 1]?.[1] ?? -1),
  );
  peaks.sort((a, b) => b[1] - a[1]);
  return peaks.slice(0, count).map(([centre, score]) => {
    let best = centre;
    let bestScore = score;
    for (let d = centre - 0.45; d <= centre + 0.45; d += 0.05) {
      const s = sharpness(d);
      if (s > bestScore) [best, bestScore] = [d, s];
    }
    return best;
  });
}

/** Projection-profile skew estimate: the angle whose row histogram of ink is sharpest. */
export function estimateSkew(
  mask: Uint8Array,
  width: number,
  height: number,
  maxDegrees = 7,
): number {
  return skewHypotheses(mask, width, height, 1, maxDegrees)[0] ?? 0;
}

export function textRuns(mask: Uint8Array, width: number, height: number): Run[] {
  const rows = new Float64Array(height);
  for (let y = 0; y < height; y++) {
    let c = 0;
    for (let x = 0; x < width; x++) c += mask[y * width + x] as number;
    rows[y] = c;
  }
  const peak = Math.max(...rows);
  const threshold = Math.max(2, peak * 0.12);
  const runs: Run[] = [];
  for (let y = 0; y < height;) {
    if ((rows[y] as number) < threshold) {
      y++;
      continue;
    }
    const top = y;
    let ink = 0;
    while (y < height && (rows[y] as number) >= threshold) ink += rows[y++] as number;
    const bottom = y;
    const columns = new Uint32Array(width);
    for (let yy = top; yy < bottom; yy++)
      for (let x = 0; x < width; x++)
        columns[x] = (columns[x] as number) + (mask[yy * width + x] as number);
    // The text is one cluster of inked columns with gaps narrower than a character; a card edge
    // or a photo frame beside it is a separate cluster, which must not stretch the extent.
    const gap = Math.max(2, Math.round((bottom - top) * 0.7));
    let left = 0;
    let right = -1;
    for (let x = 0; x < width;) {
      if (!columns[x]) {
        x++;
        continue;
      }
      const start = x;
      let end = x;
      let blank = 0;
      for (x++; x < width && blank <= gap; x++) {
        if (columns[x]) {
          end = x;
          blank = 0;
        } else {
          blank++;
        }
      }
      if (end - start > right - left) [left, right] = [start, end];
    }
    let starts = 0;
    for (let yy = top; yy < bottom; yy++)
      for (let x = Math.max(1, left); x <= right; x++)
        if (mask[yy * width + x] && !mask[yy * width + x - 1]) starts++;
    let blank = 0;
    for (let x = left; x <= right; x++) if (!columns[x]) blank++;
    runs.push({
      top,
      bottom,
      ink,
      left,
      right,
      strokes: starts / (bottom - top),
      blankColumns: blank / Math.max(1, right - left + 1),
    });
  }
  return runs;
}

/**
 * Groups of 2–3 similar, wide, evenly spaced text lines, most MRZ-like first: the bottom-most
 * group with the most lines (unless much fainter than one above it), then the other groups,
 * those with more lines and more blank columns between glyphs first. The reader tries them in
 * this order, so a noisy table that passes for a text line costs a retry, not the reading.
 */
export function rankMrzGroups(runs: readonly Run[]): Run[][] {
  // Text has gaps between letters; the shadow of a card edge against a dark table is solid ink.
  // Counted in ink runs per row, not ink density: blur on a small card fills the gaps' pixels
  // (density over 0.5) but not their number. An MRZ line of 30+ glyphs has well over 20.
  const tall = runs.filter((r) => {
    const area = (r.right - r.left + 1) * (r.bottom - r.top);
    return r.bottom - r.top >= 3 && r.strokes >= MIN_STROKES_PER_ROW && r.ink / area < 0.6;
  });
  if (tall.length === 0) return [];
  const groups: Run[][] = [];
  const widest = Math.max(...tall.map((r) => r.right - r.left));
  const wide = tall.filter((r) => r.right - r.left >= widest * 0.6);
  let best: Run[] = [];
  let bestInk = 0;
  for (let i = 0; i < wide.length; i++) {
    const group = [wide[i] as Run];
    for (let j = i + 1; j < wide.length && group.length < 3; j++) {
      const prev = group[group.length - 1] as Run;
      const cur = wide[j] as Run;
      const h = prev.bottom - prev.top;
      const hc = cur.bottom - cur.top;
      const w = prev.right - prev.left;
      const wc = cur.right - cur.left;
      // MRZ lines share a height, a spacing and (same character count) a width.
      if (cur.top - prev.bottom > 2 * Math.max(h, hc) || hc > 1.4 * h || h > 1.4 * hc) break;
      // Evenly spaced (9303-3 §4.2.2 fixes the line pitch): a card edge below is not a line.
      const before = group[group.length - 2];
      if (before && Math.abs(cur.top - prev.top - (prev.top - before.top)) > 0.5 * h) break;
      // The same character count: similar extents. A line whose ink runs on into a dark,
      // noisy table beside the card is wider, but still covers the other line's extent.
      const overlap = Math.min(prev.right, cur.right) - Math.max(prev.left, cur.left);
      if (Math.min(w, wc) < Math.max(w, wc) * 0.6 || overlap < Math.min(w, wc) * 0.85) break;
      group.push(cur);
    }
    const ink = group.reduce((s, r) => s + r.ink, 0);
    if (group.length >= 2) groups.push(group);
    // More lines first (an MRZ has 2 or 3), then the lower group unless it is much fainter.
    const better =
      group.length > best.length || (group.length === best.length && ink >= bestInk * 0.8);
    if (group.length >= 2 && better) {
      best = group;
      bestInk = ink;
    }
  }
  const gaps = (g: readonly Run[]): number => Math.min(...g.map((r) => r.blankColumns));
  const others = groups
    .filter((g) => g !== best)
    .sort((a, b) => b.length - a.length || gaps(b) - gaps(a));
  return best.length > 0 ? [best, ...others] : others;
}

/** The most MRZ-like group of lines (see `rankMrzGroups`), or none. */
export function pickMrzRuns(runs: readonly Run[]): Run[] {
  return rankMrzGroups(runs)[0] ?? [];
}

/**
 * How much darker than its surroundings a pixel must be to count as ink: 12 grey levels, or
 * three times the photo's noise when that is larger, so that a noisy table (a sensor's grain on a
 * plain surface passes a fixed 12 at every few pixels) does not join the MRZ lines into one
 * wide run. Print is tens of levels darker than the card around it, far above either.
 */
function inkOffset(img: GrayImage): number {
  return Math.max(12, 3 * noiseSigma(img));
}

/** Candidate bands tried at most at the sharpest skew, best first (the MRZ is nearly always the first). */
const MAX_CANDIDATES = 4;

/** Candidate bands tried at each further skew hypothesis. */
const MAX_CANDIDATES_PER_OTHER_SKEW = 2;
/** Skew hypotheses closer than this to one already tried give the same lines. */
const SAME_SKEW_DEGREES = 0.75;

/**
 * Candidate MRZ bands of a photo, most MRZ-like first, produced lazily (a reading that
 * validates on the first costs nothing more): the groups of lines (see `rankMrzGroups`) found at
 * the sharpest skew, then those at the next skew hypotheses. At a wrong skew the MRZ's lines
 * run into each other and no group is found, so the photo's other straight structures (a
 * table's weave, a tilted page's text) must not decide alone. Each group is cropped from the
 * straightened image and scaled to a common text height.
 */
export function* mrzBandCandidates(img: GrayImage, limit = MAX_CANDIDATES): Generator<MrzBand> {
  const factor = Math.max(1, Math.floor(img.width / ANALYSIS_WIDTH));
  const small = downscale(img, factor);
  const window = Math.max(15, Math.round(small.width / 25));
  const offset = inkOffset(small);
  const skews = skewHypotheses(inkMask(small, window, offset), small.width, small.height);
  const tried: number[] = [];
  for (const skew of skews) {
    if (tried.some((t) => Math.abs(t - skew) < SAME_SKEW_DEGREES)) continue;
    const straightSmall = rotate(small, skew, 255);
    const groups = rankMrzGroups(
      textRuns(inkMask(straightSmall, window, offset), small.width, small.height),
    ).slice(0, tried.length === 0 ? limit : MAX_CANDIDATES_PER_OTHER_SKEW);
    tried.push(skew);
    if (groups.length === 0) continue;
    const straight = rotate(img, skew, 255);
    for (const runs of groups) yield bandFromRuns(straight, runs, factor, skew);
  }
}

/** The candidate bands at the sharpest skew only (see `mrzBandCandidates`). */
export function locateMrzBands(img: GrayImage, limit = MAX_CANDIDATES): MrzBand[] {
  const bands: MrzBand[] = [];
  for (const band of mrzBandCandidates(img, limit)) {
    if (bands.length > 0 && band.skewDegrees !== bands[0]?.skewDegrees) break;
    bands.push(band);
  }
  return bands;
}

/** The most MRZ-like band of a photo, or undefined when no group of text lines is found. */
export function locateMrzBand(img: GrayImage): MrzBand | undefined {
  return locateMrzBands(img, 1)[0];
}

function bandFromRuns(
  straight: GrayImage,
  runs: readonly Run[],
  factor: number,
  skew: number,
): MrzBand {
  const first = runs[0] as Run;
  const last = runs[runs.length - 1] as Run;
  const lineHeight = (last.bottom - first.top) / runs.length;
  const left = Math.min(...runs.map((r) => r.left)) - lineHeight;
  const right = Math.max(...runs.map((r) => r.right)) + lineHeight;
  const band = crop(
    straight,
    left * factor,
    (first.top - lineHeight * 0.5) * factor,
    (right - left) * factor,
    (last.bottom - first.top + lineHeight) * factor,
  );
  const textHeight = Math.max(1, ((last.bottom - first.top) / runs.length) * 0.75 * factor);
  const scale = TARGET_LINE_HEIGHT / textHeight;
  const scaled = resize(
    band,
    Math.max(1, Math.round(band.width * scale)),
    Math.max(1, Math.round(band.height * scale)),
  );
  const image = stretchContrast(scaled);
  // The lines found in the analysis image, mapped into the band's pixels.
  const originX = Math.max(0, Math.floor(left * factor));
  const originY = Math.max(0, Math.floor((first.top - lineHeight * 0.5) * factor));
  const toBandX = (x: number): number => Math.round((x * factor - originX) * scale);
  const toBandY = (y: number): number => Math.round((y * factor - originY) * scale);
  const lines = runs.map((r) => ({
    top: Math.max(0, toBandY(r.top)),
    bottom: Math.min(image.height - 1, toBandY(r.bottom)),
    left: Math.max(0, toBandX(r.left)),
    right: Math.min(image.width - 1, toBandX(r.right + 1)),
  }));
  return { image, lines, skewDegrees: skew, lineCount: lines.length };
}
