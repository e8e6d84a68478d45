import { describe, expect, it } from 'vitest';
import { rankMrzGroups, type Run } from './mrz-band';

/** A text-like run: one MRZ line of 30 glyphs in a 700 px analysis image. */
function line(top: number, extra: Partial<Run> = {}): Run {
  return {
    top,
    bottom: top + 20,
    ink: 20 * 600 * 0.3,
    left: 50,
    right: 650,
    strokes: 40,
    blankColumns: 0.3,
    ...extra,
  };
}

describe('rankMrzGroups', () => {
  it('offers the real MRZ as a second candidate when a noisy table below passes for a line', () => {
    const mrz = [line(400), line(446), line(492)];
    // Sensor noise on a dark table under the card: text-like stroke count, few blank columns,
    // lots of ink, evenly spaced with the MRZ lines above it.
    const table = line(538, { ink: 20 * 600 * 0.5, blankColumns: 0.02 });
    const groups = rankMrzGroups([line(100), ...mrz, table]);
    expect(groups[0]).toEqual([mrz[1], mrz[2], table]);
    expect(groups[1]).toEqual(mrz);
  });

  it('ranks more lines and more blank columns first among the other groups', () => {
    const top = [line(100, { blankColumns: 0.1 }), line(146, { blankColumns: 0.1 })];
    const mrz = [line(400), line(446), line(492)];
    const groups = rankMrzGroups([...top, ...mrz]);
    expect(groups[0]).toEqual(mrz);
    expect(groups).toHaveLength(3);
    expect(groups[1]).toEqual([mrz[1], mrz[2]]);
    expect(groups[2]).toEqual(top);
  });

  it('finds nothing without two similar lines', () => {
    expect(rankMrzGroups([line(100)])).toEqual([]);
  });
});
