import type { CitizenRecord, RelatedPerson } from '@kiosk/forms';
import { describe, expect, it } from 'vitest';
import { mergeCitizenSources } from '../core/identity/citizen-merge';
import { DEMO_CARDS, DEMO_MISMATCH_CARD } from '@kiosk/protocol';
import { chipPartOf, demoCitizens, demoRegistryCitizens, registryPartOf } from './demo-citizens';

/** DG13 carries the relatives' names only (no ID number, no year of birth). */
function asDg13(chip: Partial<CitizenRecord>): Partial<CitizenRecord> {
  const nameOnly = (p: RelatedPerson | undefined) => p && { fullName: p.fullName };
  return {
    ...chip,
    father: nameOnly(chip.father),
    mother: nameOnly(chip.mother),
    spouse: nameOnly(chip.spouse),
  };
}

function mismatchesOf(card: number) {
  const citizen = demoCitizens[card];
  if (!citizen) throw new RangeError(`no demo card ${card}`);
  const merged = mergeCitizenSources(
    { chip: asDg13(chipPartOf(citizen)), registry: registryPartOf(citizen) },
    'chip-verified',
  );
  if (!merged.ok) throw new Error(merged.message);
  return merged.citizen.mismatches.map((m) => m.field);
}

describe('the demo cards and the registry', () => {
  it('agree in every field for cards 1–3', () => {
    for (const card of DEMO_CARDS.filter((c) => c !== DEMO_MISMATCH_CARD)) {
      expect(mismatchesOf(card), `card ${card + 1}`).toEqual([]);
    }
  });

  it('disagree on purpose for card 4, in the permanent residence only', () => {
    expect(DEMO_MISMATCH_CARD).toBe(3);
    expect(mismatchesOf(DEMO_MISMATCH_CARD)).toEqual(['permanentResidence']);
  });

  it('give the registry simulator the same people, card 4 with its newer residence', () => {
    const served = demoRegistryCitizens(10);
    expect(served[0]).toEqual(demoCitizens[0]);
    expect(served[DEMO_MISMATCH_CARD]?.permanentResidence).toEqual(
      registryPartOf(demoCitizens[DEMO_MISMATCH_CARD] as CitizenRecord).permanentResidence,
    );
  });
});
