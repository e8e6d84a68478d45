import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseCliAnswer } from './reader-cli';

describe('parseCliAnswer', () => {
  it('matches each answer to its image by path, whatever order the CLI answers in', () => {
    const stdout = JSON.stringify([
      { ok: false, image: 'b.jpg', error: { code: 'MRZ_CHECK_DIGIT' }, ms: 7 },
      { ok: true, image: './a.jpg', document: { lines: ['L1', 'L2'] }, ms: 3 },
    ]);
    expect(parseCliAnswer(stdout, ['a.jpg', 'b.jpg', 'c.jpg'])).toEqual([
      { kind: 'read', lines: ['L1', 'L2'], ms: 3 },
      { kind: 'refused', code: 'MRZ_CHECK_DIGIT', ms: 7 },
      { kind: 'no-answer', detail: 'image missing from the answer' },
    ]);
  });

  it('accepts the single-object answer of a one-image run', () => {
    const stdout = JSON.stringify({ ok: true, image: 'a.jpg', document: { lines: ['X'] } });
    expect(parseCliAnswer(stdout, ['a.jpg'])).toEqual([
      { kind: 'read', lines: ['X'], ms: undefined },
    ]);
  });

  it('never throws on whatever the CLI prints, and answers once per image', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.json()),
        fc.array(fc.string({ minLength: 1 }), { maxLength: 5 }),
        (out, images) => {
          const readings = parseCliAnswer(out, images);
          expect(readings).toHaveLength(images.length);
        },
      ),
    );
  });
});
