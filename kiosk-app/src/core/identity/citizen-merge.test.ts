import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AssuranceLevel, CitizenFacts, CitizenRecord } from '@kiosk/forms';
import { mergeCitizenSources, type CitizenSources } from './citizen-merge';

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

/** The facts of a merge the test expects to succeed. */
function mergedFacts(sources: CitizenSources, assurance: AssuranceLevel): CitizenFacts {
  const merged = mergeCitizenSources(sources, assurance);
  if (!merged.ok) throw new Error(merged.message);
  return merged.citizen;
}

/** The MRZ's `NGUYEN VAN AN` merged with a registry record that spells the name `fullName`. */
function mrzNameAgainstRegistry(fullName: string): CitizenFacts {
  return mergedFacts(
    { mrz: { ...chip, fullName: 'NGUYEN VAN AN' }, registry: { ...registry, fullName } },
    'document-only',
  );
}

describe('mergeCitizenSources', () => {
  it('takes identity fields from the chip and the rest from the registry, with provenance', () => {
    const facts = mergedFacts({ chip, registry }, 'chip-verified');
    expect(facts.record.fullName).toBe('Nguyễn Văn An');
    expect(facts.provenance.fullName).toBe('chip');
    expect(facts.record.permanentResidence?.commune).toBe('Phường Hoàn Kiếm');
    expect(facts.provenance.permanentResidence).toBe('registry');
    expect(facts.provenance.ethnicity).toBe('registry');
    expect(facts.assurance).toBe('chip-verified');
  });
  it('surfaces chip/registry disagreements instead of hiding them', () => {
    const facts = mergedFacts({ chip, registry }, 'chip-verified');
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
    const facts = mrzNameAgainstRegistry('Nguyễn Văn An');
    expect(facts.mismatches.map((m) => m.field)).not.toContain('fullName');
    expect(facts.assurance).toBe('document-only');
  });
  it("shows the registry's spelling of a name the MRZ gives without diacritics", () => {
    const facts = mrzNameAgainstRegistry('Nguyễn Văn An');
    expect(facts.record.fullName).toBe('Nguyễn Văn An');
    expect(facts.provenance.fullName).toBe('registry');
    expect(facts.provenance.personalId).toBe('mrz');
  });
  it('keeps the MRZ name when the registry spells a different one', () => {
    const facts = mrzNameAgainstRegistry('Nguyễn Văn Anh');
    expect(facts.record.fullName).toBe('NGUYEN VAN AN');
    expect(facts.provenance.fullName).toBe('mrz');
    expect(facts.mismatches.map((m) => m.field)).toContain('fullName');
  });
  it('drops a registry record of another person and reports it', () => {
    const facts = mergedFacts(
      {
        chip,
        registry: { ...registry, personalId: '079190000002' },
      },
      'chip-verified',
    );
    expect(facts.provenance.ethnicity).toBeUndefined();
    expect(facts.mismatches).toEqual([
      { field: 'personalId', values: { chip: chip.personalId, registry: '079190000002' } },
    ]);
  });
  it('refuses to invent an identity', () => {
    expect(mergeCitizenSources({ registry: { ethnicity: 'Kinh' } }, 'chip-verified')).toEqual({
      ok: false,
      code: 'CITIZEN_NO_IDENTITY',
      message: 'no source gave the personal ID, name, date of birth and sex',
    });
  });
  it('always takes every identity field from the chip when the chip has it', () => {
    const name = fc.string({ minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(name, name, (a, b) => {
        const facts = mergedFacts(
          {
            chip: { ...chip, fullName: a },
            qr: { ...chip, fullName: b },
            registry: { ...registry, fullName: b },
          },
          'chip-verified',
        );
        expect(facts.record.fullName).toBe(a);
        expect(facts.provenance.fullName).toBe('chip');
      }),
    );
  });

  describe.each(['chip-unverified', 'document-only'] as const)(
    'below chip-verified (%s)',
    (level) => {
      const presented: Partial<CitizenRecord> = {
        personalId: chip.personalId,
        // An MRZ's name has no diacritics; the chip's has.
        fullName: level === 'document-only' ? 'NGUYEN VAN AN' : 'Nguyễn Văn An',
        dateOfBirth: chip.dateOfBirth,
        sex: 'M',
      };
      const held: Partial<CitizenRecord> = {
        ...registry,
        fullName: 'Nguyễn Văn An',
        sex: 'F',
        father: { fullName: 'Nguyễn Văn Bố' },
        spouse: { fullName: 'Trần Thị Vợ' },
        currentResidence: { province: 'Thành phố Hà Nội', commune: 'Phường Hoàn Kiếm' },
      };
      const sources = level === 'document-only' ? { mrz: presented } : { chip: presented };

      it('adds no registry field the documents did not present, and names mismatches only', () => {
        const facts = mergedFacts({ ...sources, registry: held }, level);
        expect(facts.assurance).toBe(level);
        expect(Object.keys(facts.record).sort()).toEqual(Object.keys(presented).sort());
        const text = JSON.stringify(facts);
        for (const secret of ['Bố', 'Vợ', 'Hoàn Kiếm', 'Kinh', 'Ba Đình'])
          expect(text).not.toContain(secret);
        expect(facts.mismatches).toEqual([
          { field: 'sex', values: { [Object.keys(sources)[0] ?? '']: 'M' } },
        ]);
      });

      it('never lets the registry replace a presented value', () => {
        const withAddress = {
          ...presented,
          permanentResidence: { province: 'Tỉnh Nghệ An', commune: 'Xã Một' },
        };
        const facts = mergedFacts(
          level === 'document-only'
            ? { qr: withAddress, registry: held }
            : { chip: withAddress, registry: held },
          level,
        );
        expect(facts.record.permanentResidence?.commune).toBe('Xã Một');
        expect(JSON.stringify(facts)).not.toContain('Ba Đình');
      });
    },
  );
});
