import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '@kiosk/forms';
import { documentsOfDossier, effectiveIntake, papersToBring } from './receipt-papers';

const catalogue = loadCatalogue();
const procedureOf = (code: string) => {
  const procedure = catalogue.procedures.find((p) => p.code === code);
  if (!procedure) throw new Error(`${code} missing from the catalogue`);
  return procedure;
};
/** Đăng ký thường trú: the CT01 declaration, then three papers "chỉ khi" / "nếu". */
const thuongTru = procedureOf('1.004222');
/** Đăng ký tạm trú: electronic unless the citizen brings the proof of residence. */
const tamTru = procedureOf('1.004194');

describe('the papers of a dossier', () => {
  it('lists every required paper and no optional one the citizen did not tick', () => {
    const names = documentsOfDossier(thuongTru, {}).map((d) => d.name.vi);
    expect(names).toEqual(thuongTru.documents.filter((d) => !d.optional).map((d) => d.name.vi));
  });

  it('lists an optional paper the citizen has, with the count recorded, and not one set to 0', () => {
    const docs = documentsOfDossier(thuongTru, { 2: 1, 3: 0 });
    expect(docs.map((d) => d.name.vi)).toEqual([
      thuongTru.documents[0]?.name.vi,
      thuongTru.documents[2]?.name.vi,
    ]);
    expect(documentsOfDossier(thuongTru, { 2: 3 })[1]?.copies).toBe(3);
  });

  it('asks the citizen to bring only the papers they have; the declaration is the kiosk’s', () => {
    expect(papersToBring(thuongTru, {})).toEqual([]);
    expect(papersToBring(thuongTru, { 1: 1 })).toEqual([
      { name: thuongTru.documents[1]?.name.vi, originals: 1, copies: 0 },
    ]);
  });

  it('turns an electronic intake into a counter one only when a paper is brought', () => {
    expect(effectiveIntake(tamTru, {})).toBe('electronic');
    expect(effectiveIntake(tamTru, { 1: 1 })).toBe('counter');
  });
});
