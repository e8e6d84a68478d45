import { describe, expect, expectTypeOf, it } from 'vitest';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import type { CITIZEN_PATHS } from './citizen-paths';
import {
  isCitizenPath,
  readCitizenPath,
  suggestCitizenPaths,
  topLevelField,
} from './citizen-paths';
import type { CitizenPath } from './citizen-paths';

describe('citizen paths', () => {
  it('are exactly the typed paths of CitizenRecord', () => {
    expectTypeOf<keyof typeof CITIZEN_PATHS>().toEqualTypeOf<CitizenPath>();
  });

  it('include the examples forms bind to', () => {
    for (const path of [
      'citizen.fullName',
      'citizen.father.fullName',
      'citizen.permanentResidence',
      'citizen.householdHead.relation',
    ])
      expect(isCitizenPath(path)).toBe(true);
    expect(isCitizenPath('citizen.father')).toBe(false);
    expect(isCitizenPath('citizen.toString')).toBe(false);
    expect(isCitizenPath('fullName')).toBe(false);
  });

  it('read values, nested ones and absent ones', () => {
    const record = syntheticCitizen(0);
    expect(readCitizenPath(record, 'citizen.fullName')).toBe(record.fullName);
    expect(readCitizenPath(record, 'citizen.father.fullName')).toBe(record.father?.fullName);
    expect(readCitizenPath(record, 'citizen.permanentResidence.province')).toBe(
      record.permanentResidence?.province,
    );
    expect(readCitizenPath(record, 'citizen.placeOfBirth.commune')).toBeUndefined();
    expect(readCitizenPath(record, 'citizen.phone')).toBeUndefined();
  });

  it('know the top-level field whose provenance applies', () => {
    expect(topLevelField('citizen.father.fullName')).toBe('father');
    expect(topLevelField('citizen.personalId')).toBe('personalId');
  });

  it('suggest near misses', () => {
    expect(suggestCitizenPaths('citizen.fullname')[0]).toBe('citizen.fullName');
    expect(suggestCitizenPaths('citizen.permanentResidense')[0]).toBe('citizen.permanentResidence');
  });
});
