import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CitizenRecord } from '@kiosk/forms';
import { CitizenMergeError, mergeCitizenSources } from './citizen-merge';

const chip: Partial<CitizenRecord> = {
  personalId: '001090012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-01-15',
  sex: 'M',
  dateOfIssue: '2021-04-10',
  permanentResidence: { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình' },
};
const registry: Partial<CitizenRecord> = {
  personalId: '001090012345',
  fullName: 'Nguyễn Văn Ân',
  dateOfBirth: '1990-01-15',
  sex: 'M',
  ethnicity: 'Kinh',
  permanentResidence: { province: 'Thành phố Hà Nội', commune: 'Phường Hoàn Kiếm' },
};

describe('mergeCitizenSources', () => {
  it('takes identity fields from the chip and the rest from the registry, with provenance', () => {
    const facts = mergeCitizenSources({ chip, registry });
    expect(facts.record.fullName).toBe('Nguyễn Văn An');
    expect(facts.provenance.fullName).toBe('chip');
    expect(facts.record.permanentResidence?.commune).toBe('Phường Hoàn Kiếm');
    expect(facts.provenance.permanentResidence).toBe('registry');
    expect(facts.provenance.ethnicity).toBe('registry');
    expect(facts.assurance).toBe('chip');
  });
  it('surfaces chip/registry disagreements instead of hiding them', () => {
    const facts = mergeCitizenSources({ chip, registry });
    expect(facts.mismatches).toEqual([
      { field: 'fullName', values: { chip: 'Nguyễn Văn An', registry: 'Nguyễn Văn Ân' } },
      {
        field: 'permanentResidence',
        values: {
          chip: JSON.stringify(chip.permanentResidence),
          registry: JSON.stringify(registry.permanentResidence),
        },
      },
    ]);
  });
  it('does not flag an MRZ name for lacking diacritics', () => {
    const facts = mergeCitizenSources({
      mrz: { ...chip, fullName: 'NGUYEN VAN AN' },
      registry: { ...registry, fullName: 'Nguyễn Văn An' },
    });
    expect(facts.mismatches.map((m) => m.field)).not.toContain('fullName');
    expect(facts.assurance).toBe('document');
  });
  it("shows the registry's spelling of a name the MRZ gives without diacritics", () => {
    const facts = mergeCitizenSources({
      mrz: { ...chip, fullName: 'NGUYEN VAN AN' },
      registry: { ...registry, fullName: 'Nguyễn Văn An' },
    });
    expect(facts.record.fullName).toBe('Nguyễn Văn An');
    expect(facts.provenance.fullName).toBe('registry');
    expect(facts.provenance.personalId).toBe('mrz');
  });
  it('keeps the MRZ name when the registry spells a different one', () => {
    const facts = mergeCitizenSources({
      mrz: { ...chip, fullName: 'NGUYEN VAN AN' },
      registry: { ...registry, fullName: 'Nguyễn Văn Anh' },
    });
    expect(facts.record.fullName).toBe('NGUYEN VAN AN');
    expect(facts.provenance.fullName).toBe('mrz');
    expect(facts.mismatches.map((m) => m.field)).toContain('fullName');
  });
  it('drops a registry record of another person and reports it', () => {
    const facts = mergeCitizenSources({
      chip,
      registry: { ...registry, personalId: '079190000002' },
    });
    expect(facts.provenance.ethnicity).toBeUndefined();
    expect(facts.mismatches).toEqual([
      { field: 'personalId', values: { chip: chip.personalId, registry: '079190000002' } },
    ]);
  });
  it('refuses to invent an identity', () => {
    expect(() => mergeCitizenSources({ registry: { ethnicity: 'Kinh' } })).toThrow(
      CitizenMergeError,
    );
  });
  it('always takes every identity field from the chip when the chip has it', () => {
    const name = fc.string({ minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(name, name, (a, b) => {
        const facts = mergeCitizenSources({
          chip: { ...chip, fullName: a },
          qr: { ...chip, fullName: b },
          registry: { ...registry, fullName: b },
        });
        expect(facts.record.fullName).toBe(a);
        expect(facts.provenance.fullName).toBe('chip');
      }),
    );
  });
});
