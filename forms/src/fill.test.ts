import { describe, expect, it } from 'vitest';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { loadCatalogue } from './catalogue';
import { editableFieldIds, factsFromRecord, fill } from './fill';
import { FormsError } from './forms-error';
import type { Procedure } from './procedure-types';
import { syntheticFacts } from '../test/support/synthetic-facts';

const { procedures, errors } = loadCatalogue();
const TODAY = '2026-11-28';

function procedure(code: string): Procedure {
  const found = procedures.find((entry) => entry.code === code);
  if (!found) throw new Error(`procedure ${code} not in the catalogue`);
  return found;
}

describe('fill: the seven procedures from a synthetic citizen (chip + registry)', () => {
  it('has a clean catalogue to start from', () => {
    expect(errors).toEqual([]);
  });

  // Citizen 0: a married woman born 1969; no phone, no e-mail, no place of birth on record.
  const woman = syntheticFacts(0);
  // Citizen 5: an unmarried man born 1982.
  const man = syntheticFacts(5);

  it('1.004222 permanent residence (CT01)', () => {
    const filled = fill(procedure('1.004222'), woman, { today: TODAY });
    expect(filled.missing).toEqual(['phone', 'newResidence', 'residenceBasis']);
    expect(filled.issues).toEqual([]);
    expect(filled.values.fullName).toBe(woman.record.fullName);
    expect(filled.values.householdHeadName).toBe(woman.record.householdHead?.fullName);
    expect(filled.values.relationToHead).toBe('Con');
    expect(filled.provenance).toMatchObject({
      fullName: 'chip',
      dateOfBirth: 'chip',
      sex: 'chip',
      personalId: 'chip',
      householdHeadName: 'registry',
    });
  });

  it('1.004194 temporary residence (CT01)', () => {
    const filled = fill(procedure('1.004194'), woman, { today: TODAY });
    expect(filled.missing).toEqual(['phone', 'temporaryResidence', 'residenceBasis', 'stayUntil']);
    expect(filled.values.householdHeadName).toBeUndefined();
  });

  it('1.001193 birth registration, citizen is the mother and her spouse the father', () => {
    const filled = fill(procedure('1.001193'), woman, { today: TODAY });
    expect(filled.missing).toEqual([
      'relationToChild',
      'phone',
      'childName',
      'childDateOfBirth',
      'childSex',
      'childEthnicity',
      'childNationality',
      'childPlaceOfBirth',
      'childHometown',
    ]);
    expect(filled.values).toMatchObject({
      motherName: woman.record.fullName,
      motherDateOfBirth: woman.record.dateOfBirth,
      motherId: woman.record.personalId,
      motherResidence: woman.record.currentResidence,
      fatherName: woman.record.spouse?.fullName,
    });
    expect(filled.values.fatherId).toBeUndefined();
    expect(filled.values.fatherDateOfBirth).toBeUndefined();
    expect(filled.provenance).toMatchObject({ motherName: 'chip', fatherName: 'registry' });
  });

  it('1.001193 birth registration, citizen is the father with no spouse on record', () => {
    const filled = fill(procedure('1.001193'), man, { today: TODAY });
    expect(filled.missing).toEqual([
      'relationToChild',
      'phone',
      'childName',
      'childDateOfBirth',
      'childSex',
      'childEthnicity',
      'childNationality',
      'childPlaceOfBirth',
      'childHometown',
    ]);
    expect(filled.values).toMatchObject({
      fatherName: man.record.fullName,
      fatherId: man.record.personalId,
      fatherEthnicity: man.record.ethnicity,
    });
    expect(filled.values.motherName).toBeUndefined();
  });

  it('3.000333 judicial record certificate, for herself', () => {
    const filled = fill(procedure('3.000333'), woman, {
      today: TODAY,
      entered: { requesterRelation: 'self' },
    });
    expect(filled.missing).toEqual([
      'placeOfBirth',
      'phone',
      'residenceHistory',
      'certificateType',
      'purpose',
      'copies',
    ]);
    expect(filled.values).toMatchObject({
      fatherName: woman.record.father?.fullName,
      motherName: woman.record.mother?.fullName,
      spouseName: woman.record.spouse?.fullName,
      idDateOfIssue: woman.record.dateOfIssue,
      permanentResidence: woman.record.permanentResidence,
    });
  });

  it('2.000815 certified copy', () => {
    const filled = fill(procedure('2.000815'), woman, { today: TODAY });
    expect(filled.missing).toEqual(['phone', 'documentsToCertify']);
  });

  it('1.001612 household business registration', () => {
    const filled = fill(procedure('1.001612'), man, { today: TODAY });
    expect(filled.missing).toEqual([
      'ownerIdType',
      'businessName',
      'businessAddress',
      'businessLines',
      'capital',
      'establishedBy',
    ]);
    expect(filled.values.ownerContactAddress).toEqual(man.record.currentResidence);
    expect(filled.values.ownerIdDateOfIssue).toBe(man.record.dateOfIssue);
  });

  it('1.001612 asks for the household members only when household members establish it', () => {
    const asIndividual = fill(procedure('1.001612'), man, {
      today: TODAY,
      entered: { establishedBy: 'individual' },
    });
    expect(asIndividual.missing).not.toContain('familyMembers');
    const asHousehold = fill(procedure('1.001612'), man, {
      today: TODAY,
      entered: { establishedBy: 'household' },
    });
    expect(asHousehold.missing).toContain('familyMembers');
  });

  it('2.000004 lucky-draw promotion registration', () => {
    const filled = fill(procedure('2.000004'), man, { today: TODAY });
    expect(filled.missing).toEqual([
      'traderName',
      'traderAddress',
      'traderPhone',
      'taxCode',
      'contactPhone',
      'programmeName',
      'startDate',
      'endDate',
      'promotedGoods',
      'prizeGoods',
      'area',
      'promotionForm',
      'customers',
      'totalPrizeValue',
    ]);
    expect(filled.values.contactName).toBe(man.record.fullName);
  });
});

describe('fill: what the citizen types', () => {
  const thuongTru = procedure('1.004222');
  const facts = syntheticFacts(0);

  it('takes typed values as the citizen’s and clears them from the missing list', () => {
    const filled = fill(thuongTru, facts, {
      today: TODAY,
      entered: {
        phone: '0912345678',
        newResidence: { province: 'Thành phố Huế', commune: 'Phường Thuận Hóa', detail: 'Số 5' },
        residenceBasis: 'owned',
      },
    });
    expect(filled.missing).toEqual([]);
    expect(filled.issues).toEqual([]);
    expect(filled.provenance.phone).toBe('citizen');
  });

  it('lets the citizen correct a registry value but never a chip value', () => {
    const filled = fill(thuongTru, facts, {
      today: TODAY,
      entered: { householdHeadName: 'Trần Văn An', fullName: 'Someone Else' },
    });
    expect(filled.values.householdHeadName).toBe('Trần Văn An');
    expect(filled.provenance.householdHeadName).toBe('citizen');
    expect(filled.values.fullName).toBe(facts.record.fullName);
    expect(filled.provenance.fullName).toBe('chip');
    expect(editableFieldIds(thuongTru, filled)).not.toContain('fullName');
    expect(editableFieldIds(thuongTru, filled)).toContain('householdHeadName');
  });

  it('reports typed values that do not validate, in Vietnamese and English', () => {
    const filled = fill(thuongTru, facts, { today: TODAY, entered: { phone: '0123' } });
    expect(filled.missing).not.toContain('phone');
    expect(filled.issues).toEqual([
      {
        fieldId: 'phone',
        code: 'format',
        message: {
          vi: expect.stringContaining('Số điện thoại liên hệ: không phải số điện thoại') as string,
          en: expect.stringContaining('Contact phone number: is not a valid') as string,
        },
      },
    ]);
  });

  it('keeps typed text in NFC', () => {
    const nfd = 'Trần Văn An'.normalize('NFD');
    const filled = fill(thuongTru, facts, { today: TODAY, entered: { householdHeadName: nfd } });
    expect(filled.values.householdHeadName).toBe('Trần Văn An'.normalize('NFC'));
  });

  it('refuses values for fields the form does not have', () => {
    expect(() => fill(thuongTru, facts, { entered: { shoeSize: '42' } })).toThrow(FormsError);
  });

  it('falls back to registry provenance when the facts do not say', () => {
    const record = syntheticCitizen(1);
    const filled = fill(thuongTru, { ...factsFromRecord(record), provenance: {} });
    expect(filled.provenance.fullName).toBe('registry');
  });
});

describe('fill: values a select does not offer', () => {
  it('leaves the select for the citizen instead of locking in a value it cannot show', () => {
    const record = { ...syntheticCitizen(2), sex: 'X' as const };
    const filled = fill(
      procedure('1.004222'),
      factsFromRecord(record, () => 'chip'),
      {
        today: TODAY,
      },
    );
    expect(filled.values.sex).toBeUndefined();
    expect(filled.missing).toContain('sex');
    expect(editableFieldIds(procedure('1.004222'), filled)).toContain('sex');
  });
});
