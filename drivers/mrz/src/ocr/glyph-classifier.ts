import type { GrayImage } from './gray-image';
import type { LineCells } from './glyph-cells';
import { normalisePatch, ocrbTemplates, type OcrbTemplates } from './ocrb-templates';

/** One cell's candidates, best first: normalised correlation with each OCR-B glyph (−1 … 1). */
export type CellScores = ReadonlyArray<{ readonly char: string; readonly score: number }>;

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
function cellPatch(
  img: GrayImage,
  centre: number,
  baseline: number,
  scaleX: number,
  scaleY: number,
  t: OcrbTemplates,
): { values: Float64Array; width: number; height: number } {
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
  return { values, width, height };
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

/** Scores of every template at its best shift within the search window. */
function scoreCell(
  patch: { values: Float64Array; width: number; height: number },
  t: OcrbTemplates,
): CellScores {
  const tw = t.geometry.width;
  const th = t.geometry.capHeight + 2 * t.geometry.pad;
  const count = t.templates.length;
  const size = tw * th;
  const best = new Float64Array(count).fill(-1);
  const window = new Float64Array(size);
  const bank = templateBank(t);
  for (let dy = 0; dy <= 2 * SHIFT_Y; dy++) {
    for (let dx = 0; dx <= 2 * SHIFT_X; dx++) {
      for (let y = 0; y < th; y++)
        for (let x = 0; x < tw; x++)
          window[y * tw + x] = patch.values[(y + dy) * patch.width + x + dx] as number;
      const normalised = normalisePatch(window);
      // Plain loops over one flat array: this is the pipeline's hot spot (37 × 49 per cell).
      for (let k = 0, offset = 0; k < count; k++, offset += size) {
        let s = 0;
        for (let i = 0; i < size; i++)
          s += (normalised[i] as number) * (bank[offset + i] as number);
        if (s > (best[k] as number)) best[k] = s;
      }
    }
  }
  return t.templates
    .map((tpl, k) => ({ char: tpl.char, score: best[k] as number }))
    .sort((a, b) => b.score - a.score);
}

/** Ranked OCR-B candidates for every cell of one line. */
export function classifyLine(img: GrayImage, cells: LineCells): CellScores[] {
  const t = ocrbTemplates();
  const scaleX = t.geometry.width / cells.pitch;
  // The cap height measured on the line sets the vertical scale; bounded, since a line of
  // fillers or a stray mark can make it off.
  const expectedCap = cells.pitch / t.geometry.pitchPerCapHeight;
  const ratio = Math.min(1.12, Math.max(0.88, (cells.baseline - cells.top) / expectedCap));
  const scaleY = t.geometry.capHeight / (expectedCap * ratio);
  return cells.centres.map((centre) =>
    scoreCell(cellPatch(img, centre, cells.baseline, scaleX, scaleY, t), t),
  );
}
