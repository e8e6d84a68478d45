import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue';
import { todayInVietnam } from '../vietnam-time';
import { legalActs } from './legal-act';
import { citationProblems } from './legal-citations';

/**
 * Every legal citation in the catalogue names an act of `legal-acts/acts.json`, and none names
 * an act that has stopped applying by the kiosk's clock: this test starts failing the day a
 * cited act lapses in the list, which is when the procedure file must be brought up to date.
 */
describe('the catalogue cites acts that apply', () => {
  const clock = (): Date => new Date();
  const { procedures, errors } = loadCatalogue();
  const { acts } = legalActs();

  it('loads every procedure', () => {
    expect(errors).toEqual([]);
  });

  it.each(procedures.map((p) => [p.code, p] as const))(
    '%s cites only listed acts in force today',
    (_code, procedure) => {
      expect(citationProblems(procedure, acts, todayInVietnam(clock()))).toEqual([]);
    },
  );

  it('lists no act it does not cite or name as a replacement, so the list stays the catalogue’s', () => {
    const named = new Set(
      procedures
        .flatMap((p) => [...p.legalBasis, p.fee.legalSource])
        .join(' ')
        .match(/\S+/gu),
    );
    const replacements = new Set(acts.flatMap((act) => [act.ended?.by, ...(act.amendedBy ?? [])]));
    const unused = acts
      .filter((act) => act.ended === undefined)
      .map((act) => act.number)
      .filter(
        (number) =>
          ![...named].some((word) => word.startsWith(number)) && !replacements.has(number),
      );
    expect(unused).toEqual([]);
  });
});
