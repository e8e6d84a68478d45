import { describe, expect, it } from 'vitest';
import { gridCentre, perspectiveGrid } from './cell-grid';

describe('perspectiveGrid', () => {
  // A card photographed at an angle: evenly spaced cells seen in perspective, the pitch growing
  // about 18 % from the line's first cell to its last.
  const truth = { x0: 100, pitch: 30, perspective: -0.003 };
  const centre = (i: number): number => gridCentre(truth, i);

  it('places the cells no glyph segment marked, at both ends of a perspective line', () => {
    // Segments found for cells 3 … 26 only (touching glyphs at both ends).
    const points: Array<[number, number]> = [];
    for (let i = 3; i <= 26; i++) points.push([i, centre(i) + (i % 2 ? 0.4 : -0.4)]);
    const grid = perspectiveGrid(points, 30);
    expect(grid).toBeDefined();
    if (!grid) return;
    for (const i of [0, 1, 2, 27, 28, 29])
      expect(Math.abs(gridCentre(grid, i) - centre(i))).toBeLessThan(truth.pitch * 0.05);
  });

  it('leaves a straight grid to the caller when the segments are too few or too bunched', () => {
    expect(
      perspectiveGrid(
        [
          [0, 100],
          [1, 130],
          [2, 160],
        ],
        30,
      ),
    ).toBeUndefined();
    const bunched: Array<[number, number]> = [];
    for (let i = 0; i < 12; i++) bunched.push([i, centre(i)]);
    expect(perspectiveGrid(bunched, 30)).toBeUndefined();
  });

  it('refuses a view no photo of a card makes (end pitches more than 40 % apart)', () => {
    const steep: Array<[number, number]> = [];
    for (let i = 0; i < 30; i++) steep.push([i, gridCentre({ ...truth, perspective: -0.01 }, i)]);
    expect(perspectiveGrid(steep, 30)).toBeUndefined();
  });
});
