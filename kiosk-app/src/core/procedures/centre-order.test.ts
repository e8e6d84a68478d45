import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '@kiosk/forms';
import { centreOrdered } from './centre-order';

const catalogue = loadCatalogue().procedures;
const byRank = [...catalogue].sort((a, b) => a.rank - b.rank).map((p) => p.code);

describe('centreOrdered', () => {
  it('puts the centre’s procedures first in its order, the rest in published rank', () => {
    const first = ['2.000815', '1.001193'];
    const { procedures, unknownCodes } = centreOrdered(catalogue, first);
    expect(procedures.map((p) => p.code)).toEqual([
      ...first,
      ...byRank.filter((c) => !first.includes(c)),
    ]);
    expect(procedures.map((p) => p.rank)).toEqual(procedures.map((_, i) => i + 1));
    expect(unknownCodes).toEqual([]);
  });

  it('keeps the published order when the centre names nothing', () => {
    expect(centreOrdered(catalogue, []).procedures.map((p) => p.code)).toEqual(byRank);
  });

  it('reports codes the catalogue does not hold and ignores repeats', () => {
    const { procedures, unknownCodes } = centreOrdered(catalogue, [
      '9.999999',
      '1.001193',
      '1.001193',
    ]);
    expect(unknownCodes).toEqual(['9.999999']);
    expect(procedures).toHaveLength(catalogue.length);
    expect(procedures[0]?.code).toBe('1.001193');
  });
});
