import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { blockOfKiosk, DossierCodeAllocator, DossierCodeError } from './dossier-code';
import { DOSSIER_CODE_MIGRATIONS } from './dossier-code-migrations';

describe('DossierCodeAllocator with live settings', () => {
  const noon = new Date('2026-03-10T12:00:00+07:00');

  it('reads the unit code and block at each allocation', () => {
    const settings = { unitCode: 'H01', kioskNumber: 1 };
    const alloc = new DossierCodeAllocator(
      openDatabase(':memory:', DOSSIER_CODE_MIGRATIONS),
      () => ({
        unitCode: settings.unitCode,
        block: blockOfKiosk(settings.kioskNumber),
      }),
    );
    expect(alloc.allocate(noon)).toBe('H01-260310-1000');
    settings.kioskNumber = 4;
    expect(alloc.allocate(noon)).toBe('H01-260310-4000');
    expect(alloc.allocate(noon)).toBe('H01-260310-4001');
    settings.unitCode = 'H29.12';
    expect(alloc.allocate(noon)).toBe('H29.12-260310-4000');
  });

  it('refuses a bad start-up setting at construction, not at the first dossier', () => {
    const db = openDatabase(':memory:', DOSSIER_CODE_MIGRATIONS);
    expect(
      () => new DossierCodeAllocator(db, () => ({ unitCode: 'bad code', block: blockOfKiosk(1) })),
    ).toThrow(DossierCodeError);
  });
});
