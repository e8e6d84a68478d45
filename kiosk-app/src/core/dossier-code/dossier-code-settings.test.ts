import { describe, expect, it } from 'vitest';
import { thrownBy } from '../testing/thrown-by';
import { openDatabase, type KioskDatabase } from '../store/database';
import { DossierCodeAllocator, DossierCodeError, blockOfKiosk } from './dossier-code';
import { DOSSIER_CODE_MIGRATIONS } from './dossier-code-migrations';

const open = (): KioskDatabase => openDatabase(':memory:', DOSSIER_CODE_MIGRATIONS);
const noon = new Date('2026-03-10T12:00:00+07:00');

describe('dossier code settings', () => {
  it.each(['H29-1', 'H29 ', 'H29/12', '.H29', 'A'.repeat(31)])(
    'refuses the unit code %j, naming what is allowed',
    (unitCode) => {
      const error = thrownBy(
        DossierCodeError,
        () => new DossierCodeAllocator(open(), { unitCode, block: blockOfKiosk(1) }),
      );
      expect(error.name).toBe('DossierCodeError');
      expect(error.code).toBe('DOSSIER_CODE_CONFIG');
      expect(error.message).toContain('letters, digits and dots');
    },
  );

  it('accepts a unit code of letters, digits and dots up to 30 characters', () => {
    const unitCode = `H${'2.'.repeat(14)}9`;
    const alloc = new DossierCodeAllocator(open(), { unitCode, block: blockOfKiosk(1) });
    expect(alloc.allocate(noon)).toBe(`${unitCode}-260310-1000`);
  });

  it('refuses a block whose first number is after its last, and says so', () => {
    const error = thrownBy(
      DossierCodeError,
      () => new DossierCodeAllocator(open(), { unitCode: 'H29', block: { first: 12, last: 11 } }),
    );
    expect(error.code).toBe('DOSSIER_CODE_CONFIG');
    expect(error.message).toContain('block.first must not exceed block.last');
  });

  it('accepts a block of a single number: one code, then exhausted', () => {
    const alloc = new DossierCodeAllocator(open(), {
      unitCode: 'H29',
      block: { first: 7, last: 7 },
    });
    expect(alloc.allocate(noon)).toBe('H29-260310-0007');
    const error = thrownBy(DossierCodeError, () => alloc.allocate(noon));
    expect(error.code).toBe('DOSSIER_CODE_BLOCK_EXHAUSTED');
    expect(error.message).toContain('7–7');
    expect(error.message).toContain('260310');
  });

  it('checks live settings at start-up and at every allocation', () => {
    let unitCode = 'bad code';
    expect(
      thrownBy(
        DossierCodeError,
        () => new DossierCodeAllocator(open(), () => ({ unitCode, block: blockOfKiosk(2) })),
      ).code,
    ).toBe('DOSSIER_CODE_CONFIG');
    unitCode = 'H29';
    const alloc = new DossierCodeAllocator(open(), () => ({ unitCode, block: blockOfKiosk(2) }));
    expect(alloc.allocate(noon)).toBe('H29-260310-2000');
    unitCode = 'H30';
    expect(alloc.allocate(noon)).toBe('H30-260310-2000');
    unitCode = 'h30';
    expect(thrownBy(DossierCodeError, () => alloc.allocate(noon)).message).toMatch(
      /^dossier code settings are invalid: /,
    );
  });

  it('names the refused kiosk number', () => {
    expect(thrownBy(DossierCodeError, () => blockOfKiosk(0)).message).toBe(
      'kiosk number 0 must be 1–9',
    );
  });
});
