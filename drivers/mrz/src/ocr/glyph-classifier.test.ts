import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreCell, type CellPatch } from './glyph-classifier';
import { MRZ_ALPHABET, ocrbTemplates } from './ocrb-templates';
import { blurredTemplates } from './template-blur';

/** A cell patch holding one template's glyph at shift (dx, dy) of the ±3 px search window. */
function patchWith(char: string, dx: number, dy: number, sigma: number): CellPatch {
  const t = blurredTemplates(ocrbTemplates(), sigma);
  const { width: tw, capHeight, pad } = t.geometry;
  const th = capHeight + 2 * pad;
  const glyph = t.templates.find((g) => g.char === char);
  if (!glyph) throw new Error(`no template for ${char}`);
  const width = tw + 6;
  const height = th + 6;
  const values = new Float64Array(width * height);
  for (let y = 0; y < th; y++)
    for (let x = 0; x < tw; x++) values[(y + dy) * width + x + dx] = glyph.ink[y * tw + x] ?? 0;
  return { values, width, height, sampling: { centre: 0, baseline: 0, scaleX: 1, scaleY: 1 } };
}

describe('scoreCell (coarse grid, then hill climb)', () => {
  it('finds every glyph at every shift of the search window', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MRZ_ALPHABET),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(0, 1.5, 3),
        (char, dx, dy, sigma) => {
          const scores = scoreCell(
            patchWith(char, dx, dy, sigma),
            blurredTemplates(ocrbTemplates(), sigma),
          );
          const mine = scores.find((s) => s.char === char);
          expect(mine?.score).toBeCloseTo(1, 6);
          // Nothing beats the glyph's own template (0/O may tie with it; others stay below).
          expect(scores[0]?.score).toBeCloseTo(1, 6);
        },
      ),
      { numRuns: 60 },
    );
  });
});
