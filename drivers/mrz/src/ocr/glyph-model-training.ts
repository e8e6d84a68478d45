import type { GlyphModel } from './glyph-model';
import { seededUniform, type GlyphSample } from './glyph-samples';
import { MRZ_ALPHABET } from './ocrb-templates';

export interface TrainingOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  /** L2 weight decay: keeps the weights small so margins mean something on unseen renderings. */
  readonly decay?: number;
  readonly seed?: number;
}

/**
 * Multinomial logistic regression by stochastic gradient descent, in plain typed arrays; the
 * sample order is shuffled with a seeded generator, so the same samples and seed give the same
 * model bit for bit.
 */
export function trainGlyphModel(
  samples: readonly GlyphSample[],
  width: number,
  height: number,
  options: TrainingOptions = {},
): GlyphModel {
  const epochs = options.epochs ?? 12;
  const rate0 = options.learningRate ?? 0.003;
  const decay = options.decay ?? 1e-5;
  const random = seededUniform(options.seed ?? 9303);
  const classes = MRZ_ALPHABET.length;
  const size = width * height;
  const scale = Math.sqrt(size);
  const w = new Float64Array(classes * size);
  const b = new Float64Array(classes);
  const order = samples.map((_, i) => i);
  const logits = new Float64Array(classes);
  const x = new Float64Array(size);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const rate = rate0 / (1 + epoch);
    for (const index of order) {
      const sample = samples[index];
      if (!sample) continue;
      for (let i = 0; i < size; i++) x[i] = (sample.window[i] as number) * scale;
      let max = -Infinity;
      for (let k = 0; k < classes; k++) {
        let s = b[k] as number;
        const row = k * size;
        for (let i = 0; i < size; i++) s += (w[row + i] as number) * (x[i] as number);
        logits[k] = s;
        if (s > max) max = s;
      }
      let total = 0;
      for (let k = 0; k < classes; k++) {
        const e = Math.exp((logits[k] as number) - max);
        logits[k] = e;
        total += e;
      }
      for (let k = 0; k < classes; k++) {
        const g = (logits[k] as number) / total - (k === sample.label ? 1 : 0);
        const row = k * size;
        for (let i = 0; i < size; i++)
          w[row + i] = (w[row + i] as number) * (1 - rate * decay) - rate * g * (x[i] as number);
        b[k] = (b[k] as number) - rate * g;
      }
    }
  }
  return {
    width,
    height,
    classes: MRZ_ALPHABET,
    weights: Float32Array.from(w),
    bias: Float32Array.from(b),
  };
}
