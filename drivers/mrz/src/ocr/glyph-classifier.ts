import type { GrayImage } from './gray-image';
import type { LineCells } from './glyph-cells';
import { ocrbTemplates, type OcrbTemplates } from './ocrb-templates';

/** One candidate glyph of a cell: normalised correlation (−1 … 1) at its best shift. */
export interface GlyphScore {
  readonly char: string;
  readonly score: number;
  /** Where in the search window the template fitted best (0 … 2·shift), when measured. */
  readonly dx?: number;
  readonly dy?: number;
}

/** One cell's candidates, best first. */
export type CellScores = ReadonlyArray<GlyphScore>;

/** Where a cell is sampled from: its ink centre and baseline in the image, and the scales. */
export interface CellSampling {
  readonly centre: number;
  readonly baseline: number;
  /** Template pixels per image pixel, across and down. */
  readonly scaleX: number;
  readonly scaleY: number;
}

/** A cell's neighbourhood at the templates' geometry plus the shift margin, ink 0 … 1. */
export interface CellPatch {
  readonly values: Float64Array;
  readonly width: number;
  readonly height: number;
  readonly sampling: CellSampling;
}

/** Search range around the cell's estimated position, in normalised pixels. */
const SHIFT_X = 3;
const SHIFT_Y = 3;

/** Bilinear sample, paper (255) outside the image. */
function sample(img: GrayImage, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= img.width || y0 + 1 >= img.height) return 255;
  const wx = x - x0;
  const wy = y - y0;
  const p = y0 * img.width + x0;
  const top = (img.data[p] as number) * (1 - wx) + (img.data[p + 1] as number) * wx;
  const bottom =
    (img.data[p + img.width] as number) * (1 - wx) + (img.data[p + img.width + 1] as number) * wx;
  return top * (1 - wy) + bottom * wy;
}

/**
 * Resamples the neighbourhood of one cell to the templates' geometry (plus the search margin),
 * as ink values 0 … 1. Each output pixel averages a 2×2 grid of source samples, which is
 * enough anti-aliasing for the ≤ 2× reduction from the band's scale.
 */
export function cellPatch(img: GrayImage, sampling: CellSampling, t: OcrbTemplates): CellPatch {
  const { centre, baseline, scaleX, scaleY } = sampling;
  const g = t.geometry;
  const width = g.width + 2 * SHIFT_X;
  const height = g.capHeight + 2 * g.pad + 2 * SHIFT_Y;
  const values = new Float64Array(width * height);
  // Output (u, v) ↔ source: u = width/2 at the cell's ink centre, v = pad + cap + shift at baseline.
  const baseV = g.pad + g.capHeight + SHIFT_Y;
  // The 2×2 sub-samples at ¼ and ¾ of the output pixel, unrolled: this runs for every pixel of
  // every cell of every frame.
  const x0 = centre - width / 2 / scaleX;
  const y0 = baseline - baseV / scaleY;
  for (let v = 0; v < height; v++) {
    const syA = y0 + (v + 0.25) / scaleY;
    const syB = y0 + (v + 0.75) / scaleY;
    for (let u = 0; u < width; u++) {
      const sxA = x0 + (u + 0.25) / scaleX;
      const sxB = x0 + (u + 0.75) / scaleX;
      const sum =
        sample(img, sxA, syA) +
        sample(img, sxB, syA) +
        sample(img, sxA, syB) +
        sample(img, sxB, syB);
      values[v * width + u] = 1 - sum / 4 / 255;
    }
  }
  return { values, width, height, sampling };
}

const banks = new WeakMap<OcrbTemplates, Float64Array>();

/** All templates in one flat array, for the correlation loop. */
function templateBank(t: OcrbTemplates): Float64Array {
  const known = banks.get(t);
  if (known) return known;
  const size = t.templates[0]?.values.length ?? 0;
  const bank = new Float64Array(size * t.templates.length);
  t.templates.forEach((tpl, k) => bank.set(tpl.values, k * size));
  banks.set(t, bank);
  return bank;
}

/**
 * Coarse shift grid: every other pixel from ±2 (3 × 3 positions; cells are centred on their
 * ink, so the glyph is rarely 3 px off), then each template climbs to its own local best, up
 * to the ±3 edge of the window.
 */
const COARSE_STEP = 2;
const COARSE_FROM = 1;

/**
 * The normalised (zero-mean, unit-norm) window of a patch at shift (dx, dy), written into `out`:
 * what a template of the bank, or the glyph model, is compared with.
 */
export function patchWindow(
  patch: CellPatch,
  tw: number,
  th: number,
  dx: number,
  dy: number,
  out: Float64Array = new Float64Array(tw * th),
  at = 0,
): Float64Array {
  const size = tw * th;
  let mean = 0;
  for (let y = 0; y < th; y++) {
    const row = (y + dy) * patch.width + dx;
    for (let x = 0; x < tw; x++) {
      const v = patch.values[row + x] as number;
      out[at + y * tw + x] = v;
      mean += v;
    }
  }
  mean /= size;
  let norm = 0;
  for (let i = at; i < at + size; i++) {
    const d = (out[i] as number) - mean;
    out[i] = d;
    norm += d * d;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = at; i < at + size; i++) out[i] = (out[i] as number) * scale;
  return out;
}

/**
 * Scratch space for the shifted windows of one cell, reused from cell to cell and frame to frame
 * (the camera worker reads several frames a second; allocating 49 windows per cell was a
 * measurable share of the time). Safe: `scoreCell` is synchronous.
 */
let scratch = new Float64Array(0);
let scratchReady = new Uint8Array(0);
const seenScratch = new Uint8Array((2 * SHIFT_X + 1) * (2 * SHIFT_Y + 1));

/**
 * Scores of every template at its best shift within the search window. The correlation of a
 * glyph with a shifted cell varies smoothly over a pixel or two (strokes are 3+ px wide at the
 * template scale, wider when blurred), so a coarse grid followed by a hill climb finds each
 * template's best shift in about half the evaluations of the full grid.
 */
export function scoreCell(patch: CellPatch, t: OcrbTemplates): CellScores {
  const tw = t.geometry.width;
  const th = t.geometry.capHeight + 2 * t.geometry.pad;
  const count = t.templates.length;
  const size = tw * th;
  const bank = templateBank(t);
  const spanX = 2 * SHIFT_X + 1;
  const spanY = 2 * SHIFT_Y + 1;
  if (scratch.length < size * spanX * spanY) scratch = new Float64Array(size * spanX * spanY);
  if (scratchReady.length < spanX * spanY) scratchReady = new Uint8Array(spanX * spanY);
  const windows = scratch;
  const ready = scratchReady;
  ready.fill(0);
  const correlation = (k: number, dx: number, dy: number): number => {
    const slot = dy * spanX + dx;
    const w = slot * size;
    if (!ready[slot]) {
      patchWindow(patch, tw, th, dx, dy, windows, w);
      ready[slot] = 1;
    }
    const offset = k * size;
    // Plain loop over flat arrays: this is the pipeline's hot spot.
    let s = 0;
    for (let i = 0; i < size; i++) s += (windows[w + i] as number) * (bank[offset + i] as number);
    return s;
  };
  const scores: GlyphScore[] = [];
  const seen = seenScratch;
  for (let k = 0; k < count; k++) {
    seen.fill(0);
    let best = -2;
    let bx = 0;
    let by = 0;
    for (let dy = COARSE_FROM; dy < spanY; dy += COARSE_STEP)
      for (let dx = COARSE_FROM; dx < spanX; dx += COARSE_STEP) {
        seen[dy * spanX + dx] = 1;
        const s = correlation(k, dx, dy);
        if (s > best) [best, bx, by] = [s, dx, dy];
      }
    for (let moved = true; moved;) {
      moved = false;
      const [cx, cy] = [bx, by];
      for (let dy = Math.max(0, cy - 1); dy <= Math.min(spanY - 1, cy + 1); dy++)
        for (let dx = Math.max(0, cx - 1); dx <= Math.min(spanX - 1, cx + 1); dx++) {
          if (seen[dy * spanX + dx]) continue;
          seen[dy * spanX + dx] = 1;
          const s = correlation(k, dx, dy);
          if (s > best) [best, bx, by, moved] = [s, dx, dy, true];
        }
    }
    scores.push({ char: t.templates[k]?.char ?? '<', score: best, dx: bx, dy: by });
  }
  return scores.sort((a, b) => b.score - a.score);
}

/** Every cell of one line resampled to the templates' geometry. */
export function linePatches(img: GrayImage, cells: LineCells): CellPatch[] {
  const t = ocrbTemplates();
  const scaleX = t.geometry.width / cells.pitch;
  // The cap height measured on the line sets the vertical scale; bounded, since a line of
  // fillers or a stray mark can make it off.
  const expectedCap = cells.pitch / t.geometry.pitchPerCapHeight;
  const ratio = Math.min(1.12, Math.max(0.88, cells.capHeight / expectedCap));
  const scaleY = t.geometry.capHeight / (expectedCap * ratio);
  return cells.centres.map((centre, i) =>
    cellPatch(img, { centre, baseline: cells.baselines[i] ?? cells.baseline, scaleX, scaleY }, t),
  );
}

/** Ranked OCR-B candidates for every cell of one line (`templates`: a blurred bank, say). */
export function classifyLine(
  img: GrayImage,
  cells: LineCells,
  templates: OcrbTemplates = ocrbTemplates(),
): CellScores[] {
  return linePatches(img, cells).map((patch) => scoreCell(patch, templates));
}
