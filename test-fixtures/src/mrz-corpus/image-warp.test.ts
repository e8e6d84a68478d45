import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxBlur, homographyFrom, warp } from './image-warp';

const apply = (h: readonly number[], [x, y]: readonly [number, number]): [number, number] => {
  const w = (h[6] ?? 0) * x + (h[7] ?? 0) * y + (h[8] ?? 1);
  return [
    ((h[0] ?? 0) * x + (h[1] ?? 0) * y + (h[2] ?? 0)) / w,
    ((h[3] ?? 0) * x + (h[4] ?? 0) * y + (h[5] ?? 0)) / w,
  ];
};

describe('corpus image distortions', () => {
  it('the homography maps the four corners where asked (property)', () => {
    const jitter = fc.double({ min: -40, max: 40, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(jitter, jitter), { minLength: 4, maxLength: 4 }), (moves) => {
        const src: Array<[number, number]> = [
          [0, 0],
          [1000, 0],
          [1000, 600],
          [0, 600],
        ];
        const dst = src.map(([x, y], i): [number, number] => [
          x + 100 + (moves[i]?.[0] ?? 0),
          y + 100 + (moves[i]?.[1] ?? 0),
        ]);
        const h = homographyFrom(src, dst);
        src.forEach((p, i) => {
          const [u, v] = apply(h, p);
          expect(u).toBeCloseTo(dst[i]?.[0] ?? 0, 6);
          expect(v).toBeCloseTo(dst[i]?.[1] ?? 0, 6);
        });
      }),
    );
  });

  it('an identity warp and a zero blur keep the pixels', () => {
    const data = Uint8ClampedArray.from({ length: 4 * 4 * 4 }, (_, i) =>
      i % 4 === 3 ? 255 : (i * 37) % 256,
    );
    const img = { width: 4, height: 4, data };
    const corners: Array<[number, number]> = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
    ];
    const same = warp(img, homographyFrom(corners, corners), 4, 4, [0, 0, 0]);
    expect([...same.data.subarray(0, 12)]).toEqual([...data.subarray(0, 12)]);
    expect(boxBlur(img, 0)).toBe(img);
  });
});
