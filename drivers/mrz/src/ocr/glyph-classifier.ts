import type { GrayImage } from './gray-image';
import type { LineCells } from './glyph-cells';
import { normalisePatch, ocrbTemplates, type OcrbTemplates } from './ocrb-templates';

/** One cell's candidates, best first: normalised correlation with each OCR-B glyph (−1 … 1). */
export type CellScores = ReadonlyArray<{ readonly char: string; readonly score: number }>;

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
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      let sum = 0;
      for (const [du, dv] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const) {
        const sx = centre + (u + du - width / 2) / scaleX;
        const sy = baseline + (v + dv - baseV) / scaleY;
        sum += sample(img, sx, sy);
      }
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

/** Coarse shift grid: every other pixel; each template then climbs to its own local best. */
const COARSE_STEP = 2;

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
  const windows: Array<Float64Array | undefined> = new Array(spanX * spanY);
  const windowAt = (dx: number, dy: number): Float64Array => {
    const known = windows[dy * spanX + dx];
    if (known) return known;
    const window = new Float64Array(size);
    for (let y = 0; y < th; y++)
      for (let x = 0; x < tw; x++)
        window[y * tw + x] = patch.values[(y + dy) * patch.width + x + dx] as number;
    const normalised = normalisePatch(window);
    windows[dy * spanX + dx] = normalised;
    return normalised;
  };
  const correlation = (k: number, dx: number, dy: number): number => {
    const w = windowAt(dx, dy);
    const offset = k * size;
    // Plain loop over one flat array: this is the pipeline's hot spot.
    let s = 0;
    for (let i = 0; i < size; i++) s += (w[i] as number) * (bank[offset + i] as number);
    return s;
  };
  const scores = new Float64Array(count);
  const seen = new Uint8Array(spanX * spanY);
  for (let k = 0; k < count; k++) {
    seen.fill(0);
    let best = -2;
    let bx = 0;
    let by = 0;
    for (let dy = 0; dy < spanY; dy += COARSE_STEP)
      for (let dx = 0; dx < spanX; dx += COARSE_STEP) {
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
    scores[k] = best;
  }
  return t.templates
    .map((tpl, k) => ({ char: tpl.char, score: scores[k] as number }))
    .sort((a, b) => b.score - a.score);
}

/** Every cell of one line resampled to the templates' geometry. */
export function linePatches(img: GrayImage, cells: LineCells): CellPatch[] {
  const t = ocrbTemplates();
  const scaleX = t.geometry.width / cells.pitch;
  // The cap height measured on the line sets the vertical scale; bounded, since a line of
  // fillers or a stray mark can make it off.
  const expectedCap = cells.pitch / t.geometry.pitchPerCapHeight;
  const ratio = Math.min(1.12, Math.max(0.88, (cells.baseline - cells.top) / expectedCap));
  const scaleY = t.geometry.capHeight / (expectedCap * ratio);
  return cells.centres.map((centre) =>
    cellPatch(img, { centre, baseline: cells.baseline, scaleX, scaleY }, t),
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
