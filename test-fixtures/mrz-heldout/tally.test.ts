import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { classify, median, summarize, type ImageResult } from './tally';
import type { TruthEntry } from './truth-file';

const mrzLine = (n: number) =>
  fc
    .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'), {
      minLength: n,
      maxLength: n,
    })
    .map((c) => c.join(''));
const td3 = fc.tuple(mrzLine(44), mrzLine(44)).map((l) => l as string[]);

const truth = (lines: string[]): TruthEntry => ({ file: 'a.jpg', layout: 'TD3', lines });

describe('classify', () => {
  it('calls a reading exact only when every line is the printed one', () => {
    fc.assert(
      fc.property(td3, td3, (printed, read) => {
        const outcome = classify(truth(printed), { kind: 'read', lines: read, ms: 1 });
        const same = printed.join('\n') === read.join('\n');
        expect(outcome).toBe(same ? 'exact' : 'wrong-but-accepted');
      }),
    );
  });

  it('counts the letter O read for the digit 0 as a wrong reading, not an exact one', () => {
    const printed = [
      'IRFRAK682T8YLO0<1105040043<<<<',
      '7906123F1401073SEN<<<<<<<<<<<6',
      'X'.repeat(30),
    ];
    const read = [printed[0]!.replace('YLO0', 'YL00'), printed[1]!, printed[2]!];
    expect(classify(truth(printed), { kind: 'read', lines: read, ms: 1 })).toBe(
      'wrong-but-accepted',
    );
  });

  it('keeps refusals and silent crashes apart from readings', () => {
    const t = truth(['P'.repeat(44), '0'.repeat(44)]);
    expect(classify(t, { kind: 'refused', code: 'MRZ_CHECK_DIGIT', ms: 5 })).toBe('refused');
    expect(classify(t, { kind: 'no-answer', detail: 'timeout' })).toBe('no-answer');
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('lies between the smallest and the largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1 }), (values) => {
        const m = median(values)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});

describe('summarize', () => {
  const result = (
    outcome: ImageResult['outcome'],
    extra: Partial<ImageResult> = {},
  ): ImageResult => ({
    file: `${outcome}.jpg`,
    layout: 'TD1',
    outcome,
    ms: 100,
    wallMs: 150,
    expected: ['A'],
    ...extra,
  });

  it('adds up every outcome and names the wrong readings and the refusals', () => {
    const s = summarize('t', [
      result('exact'),
      result('exact', { meta: { font: 'ocrb' } }),
      result('refused', { refusal: 'MRZ_AMBIGUOUS' }),
      result('wrong-but-accepted', { got: ['B'] }),
      result('no-answer', { ms: undefined }),
    ]);
    expect(s).toMatchObject({
      images: 5,
      exact: 2,
      refused: 1,
      wrongButAccepted: 1,
      noAnswer: 1,
      exactPct: 40,
      medianMsPerImage: 100,
      refusals: { MRZ_AMBIGUOUS: 1 },
      byFont: { ocrb: { images: 1, exact: 1 } },
    });
    expect(s.wrongReadings).toEqual([
      { file: 'wrong-but-accepted.jpg', expected: ['A'], got: ['B'] },
    ]);
    expect(s.refusedImages.map((r) => r.code)).toEqual(['MRZ_AMBIGUOUS', 'no-answer']);
  });
});
