import { describe, expect, it } from 'vitest';
import { fitLineRows, glyphRows, type GlyphRows } from './line-rows';

/** A bitmap from rows of `#` (ink) and `.`. */
function bitmap(rows: string[]) {
  return (x: number, y: number): boolean => rows[y]?.[x] === '#';
}

describe('glyphRows', () => {
  it('takes the glyph through the middle row and leaves a speck above it out', () => {
    const ink = bitmap([
      '..#...', // a speck, two blank rows above the glyph
      '......',
      '......',
      '.####.',
      '.#..#.',
      '.####.',
      '.#..#.',
      '.####.',
      '......',
    ]);
    expect(glyphRows(ink, 0, 5, 0, 9, 5)).toEqual({ centre: 2.5, top: 3, bottom: 8 });
  });

  it('finds nothing in blank columns', () => {
    expect(glyphRows(bitmap(['....', '....']), 0, 3, 0, 2, 1)).toBeUndefined();
  });
});

describe('fitLineRows', () => {
  /** Glyphs 30 px tall every 40 px on a baseline sloping `slope`; every third one a filler. */
  const line = (slope: number, count = 30): GlyphRows[] =>
    Array.from({ length: count }, (_, i) => {
      const centre = 100 + 40 * i;
      const bottom = Math.round(200 + slope * centre);
      return { centre, bottom, top: bottom - (i % 3 === 2 ? 12 : 30) };
    });
  const centres = (glyphs: GlyphRows[]) => glyphs.map((g) => g.centre);

  it('follows a baseline sloping 2 % and measures the cap height', () => {
    const glyphs = line(0.02);
    const rows = fitLineRows(glyphs, centres(glyphs));
    expect(rows).toBeDefined();
    if (!rows) return;
    expect(rows.slope).toBeCloseTo(0.02, 3);
    expect(rows.capHeight).toBeCloseTo(30, 0);
    rows.baselines.forEach((b, i) => {
      expect(Math.abs(b - (200 + 0.02 * (100 + 40 * i)))).toBeLessThan(0.6);
    });
  });

  it('ignores a glyph that stands off the line (a mark on the card)', () => {
    const glyphs = line(0.01).map((g, i) =>
      i === 10 ? { ...g, top: g.top - 9, bottom: g.bottom - 9 } : g,
    );
    const rows = fitLineRows(glyphs, centres(glyphs));
    expect(rows?.slope).toBeCloseTo(0.01, 3);
  });

  it('leaves the line level when too few glyphs reach full height', () => {
    const glyphs = line(0.02, 7); // five full-height glyphs, two fillers
    expect(fitLineRows(glyphs, centres(glyphs))).toBeUndefined();
  });

  it('refuses a slope no photographed line has, and a cap line that parts from the baseline', () => {
    const steep = line(0.1);
    expect(fitLineRows(steep, centres(steep))).toBeUndefined();
    const parting = line(0).map((g) => ({ ...g, top: Math.round(g.top - 0.02 * g.centre) }));
    expect(fitLineRows(parting, centres(parting))).toBeUndefined();
  });
});
