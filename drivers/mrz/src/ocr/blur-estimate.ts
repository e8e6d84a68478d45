import { scoreCell, type CellPatch } from './glyph-classifier';
import type { OcrbTemplates } from './ocrb-templates';
import { blurredTemplates } from './template-blur';

/**
 * Gaussian σ in template pixels (cap height 24): the search starts at `START`, walks in `STEP`s
 * within `[0, MAX]` while the fit improves, then refines by a parabola through the best level
 * and its neighbours, to a multiple of `RESOLUTION` (a bank is built per σ, then cached).
 */
const START = 1.5;
const STEP = 0.75;
const MAX = 4.5;
const RESOLUTION = 0.25;

/** Cells sampled across the band to estimate its blur. */
const SAMPLE_CELLS = 16;
/** Glyphs per sampled cell scored at every level. */
const SHORTLIST = 3;

export interface BandBlur {
  /** The σ whose templates fit the band best. */
  readonly sigma: number;
  /** The templates blurred by that σ. */
  readonly templates: OcrbTemplates;
  /** Mean best correlation of the sampled cells at each level, for reports and tests. */
  readonly fit: ReadonlyArray<{ readonly sigma: number; readonly meanBest: number }>;
}

/**
 * The blur of a band, as the template blur whose best-glyph correlation, averaged over cells
 * sampled across every line, is highest. Normalised correlation peaks when the template has
 * the image's own blur (the matched filter); a sharper template is penalised at every edge and
 * a blurrier one loses the strokes' contrast, so the mean best score is a one-parameter fit of
 * the photo's point spread (with a single peak on every corpus band we looked at). One blur
 * per band: it is a property of the photo, not of a glyph, and fitting it per cell would let
 * each look-alike pick the blur that suits it.
 */
export function estimateBandBlur(patches: readonly CellPatch[], base: OcrbTemplates): BandBlur {
  const step = Math.max(1, patches.length / SAMPLE_CELLS);
  const sample: CellPatch[] = [];
  for (let i = step / 2; i < patches.length; i += step) {
    const p = patches[Math.floor(i)];
    if (p) sample.push(p);
  }
  // The glyph a cell holds does not depend on the blur assumed, only its score does: the full
  // bank ranks the sampled cells once, at the starting σ, and other levels score only each
  // cell's three best glyphs (a twelfth of the work).
  const shortlists = sample.map((p) =>
    scoreCell(p, blurredTemplates(base, START))
      .slice(0, SHORTLIST)
      .map((c) => c.char),
  );
  const known = new Map<number, number>();
  const fitAt = (sigma: number): number => {
    const cached = known.get(sigma);
    if (cached !== undefined) return cached;
    const all = blurredTemplates(base, sigma);
    let total = 0;
    sample.forEach((p, i) => {
      const chars = shortlists[i] ?? [];
      const templates = { ...all, templates: all.templates.filter((t) => chars.includes(t.char)) };
      total += scoreCell(p, templates)[0]?.score ?? 0;
    });
    const meanBest = total / Math.max(1, sample.length);
    known.set(sigma, meanBest);
    return meanBest;
  };
  let best = START;
  for (;;) {
    const down = best - STEP >= 0 ? fitAt(best - STEP) : -Infinity;
    const up = best + STEP <= MAX ? fitAt(best + STEP) : -Infinity;
    const here = fitAt(best);
    if (down > here && down >= up) best -= STEP;
    else if (up > here) best += STEP;
    else break;
  }
  // Vertex of the parabola through the best level and its neighbours (when both were fitted).
  let sigma = best;
  const down = known.get(best - STEP);
  const up = known.get(best + STEP);
  const here = known.get(best) ?? 0;
  if (down !== undefined && up !== undefined) {
    const curvature = down - 2 * here + up;
    if (curvature < 0) sigma = best + ((STEP / 2) * (down - up)) / curvature;
  }
  sigma = Math.min(MAX, Math.max(0, Math.round(sigma / RESOLUTION) * RESOLUTION));
  const fit = [...known.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, meanBest]) => ({ sigma: s, meanBest }));
  return { sigma, templates: blurredTemplates(base, sigma), fit };
}
