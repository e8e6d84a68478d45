import { describe, expect, it } from 'vitest';
import { isMrzError } from '../codec/mrz-error';
import { glyphLogits, glyphMargin, glyphModel } from './glyph-model';
import { trainGlyphModel } from './glyph-model-training';
import { glyphSamples, TRAINING_FONTS } from './glyph-samples';
import { decideLetterOrDigit, SHAPE_MARGIN } from './letter-or-digit';
import { MRZ_ALPHABET, ocrbTemplates } from './ocrb-templates';

const model = glyphModel();
const margin = (window: Float64Array): number =>
  glyphMargin(model, glyphLogits(model, window), 'O', '0');
const decide = (window: Float64Array, templatePrefers?: string): string =>
  decideLetterOrDigit(0, 0, { letter: 'O', digit: '0' }, () => margin(window), templatePrefers);
/** The decision, or `refused`. */
const read = (cell: Float64Array, prefers: string): string => {
  try {
    return decide(cell, prefers);
  } catch (error) {
    if (isMrzError(error, 'MRZ_AMBIGUOUS')) return 'refused';
    throw error;
  }
};
const ocrB = TRAINING_FONTS.filter((f) => f.path.endsWith('/OCRB.otf'));

/** OCR-B cells of the given glyph, rendered, blurred, noised and cut as the reader cuts them. */
function cellsOf(char: string, blur: number): Float64Array[] {
  return glyphSamples({ fonts: ocrB, capHeights: [16, 22], blurs: [blur], draws: 2, seed: 77 })
    .filter((s) => MRZ_ALPHABET[s.label] === char)
    .map((s) => s.window);
}

/** The normalised mix `(1 − t)·a + t·b`: a glyph part way between two shapes. */
function mix(a: Float64Array, b: Float64Array, t: number): Float64Array {
  const out = a.map((v, i) => (1 - t) * v + t * (b[i] as number));
  const mean = out.reduce((s, v) => s + v, 0) / out.length;
  const norm = Math.sqrt(out.reduce((s, v) => s + (v - mean) ** 2, 0)) || 1;
  return out.map((v) => (v - mean) / norm);
}

describe('glyph model: letter or digit by shape', () => {
  it('fits the templates geometry and the MRZ alphabet (weights not stale)', () => {
    const { geometry } = ocrbTemplates();
    expect(model.classes).toBe(MRZ_ALPHABET);
    expect(model.width).toBe(geometry.width);
    expect(model.height).toBe(geometry.capHeight + 2 * geometry.pad);
  });

  it('reads most large, sharp O and 0 cells as printed, and none as the other', () => {
    const large = (char: string): Float64Array[] =>
      glyphSamples({ fonts: ocrB, capHeights: [28], blurs: [0.4], draws: 3, seed: 78 })
        .filter((s) => MRZ_ALPHABET[s.label] === char)
        .map((s) => s.window);
    for (const char of ['O', '0']) {
      const reads = large(char).map((cell) => read(cell, char));
      expect(reads.filter((r) => r !== char && r !== 'refused')).toEqual([]);
      expect(reads.filter((r) => r === char).length).toBeGreaterThanOrEqual(reads.length / 2);
    }
  });

  it.each([0.4, 1])(
    'never takes O for 0 or 0 for O: read right or refused (blur %s px)',
    (blur) => {
      const read = (cell: Float64Array, prefers: string): string => {
        try {
          return decide(cell, prefers);
        } catch (error) {
          if (isMrzError(error, 'MRZ_AMBIGUOUS')) return 'refused';
          throw error;
        }
      };
      // Whichever way the templates lean, the shape must not let the wrong glyph through.
      for (const prefers of ['O', '0']) {
        for (const cell of cellsOf('O', blur))
          expect(['O', 'refused']).toContain(read(cell, prefers));
        for (const cell of cellsOf('0', blur))
          expect(['0', 'refused']).toContain(read(cell, prefers));
      }
    },
  );

  it('refuses a cell whose shape lies between O and 0', () => {
    const [o] = cellsOf('O', 0.4);
    const [zero] = cellsOf('0', 0.4);
    if (!o || !zero) throw new Error('no cells rendered');
    // Bisection to the shape where the model's margin changes sign.
    let [lo, hi] = [0, 1];
    for (let i = 0; i < 30; i++) {
      const t = (lo + hi) / 2;
      if (margin(mix(o, zero, t)) > 0) lo = t;
      else hi = t;
    }
    const between = mix(o, zero, (lo + hi) / 2);
    expect(Math.abs(margin(between))).toBeLessThan(SHAPE_MARGIN);
    for (const prefers of ['O', '0', undefined]) {
      let refused = false;
      try {
        decide(between, prefers);
      } catch (error) {
        refused = isMrzError(error, 'MRZ_AMBIGUOUS');
      }
      expect(refused).toBe(true);
    }
  });

  it('trains deterministically: same samples and seed, same weights', () => {
    const samples = glyphSamples({
      fonts: TRAINING_FONTS.slice(0, 1),
      capHeights: [18],
      blurs: [0.5],
      draws: 1,
      seed: 5,
    });
    const { width, height } = model;
    const a = trainGlyphModel(samples, width, height, { epochs: 2, seed: 3 });
    const b = trainGlyphModel(samples, width, height, { epochs: 2, seed: 3 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
  });
});
