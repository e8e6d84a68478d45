import { describe, expect, it } from 'vitest';
import { parseDossierCode } from './dossier-code';

describe('parseDossierCode: what a citizen types or a receipt QR holds', () => {
  it('ignores surrounding spaces and letter case', () => {
    expect(parseDossierCode('  h29.12-260310-0042\n')).toEqual({
      unitCode: 'H29.12',
      day: '260310',
      number: 42,
    });
  });

  it.each([
    'xH29-260310-3001 tail',
    'H29-260310-30012',
    '-H29-260310-3001',
    'H29-2603101-3001',
    'H29-260310-301',
    'H29-260310',
  ])('refuses %j', (text) => {
    expect(parseDossierCode(text)).toBeUndefined();
  });
});
