import type { Procedure } from '../procedure-types';
import type { LocalDate } from '../vietnam-time';
import { ACT_NUMBER, actAppliesOn, type LegalAct } from './legal-act';

/** A form number is not an act: `Mẫu số 03/2024/LLTP`, `mẫu 03/2013/TT-LLTP`. */
const FORM_NUMBER_PREFIX = /mẫu(?:\s+số)?\s*$/iu;

/** The act numbers a citation names, in order, leaving out form numbers. */
export function actNumbersIn(citation: string): string[] {
  const numbers: string[] = [];
  const anywhere = new RegExp(`(?<![\\d/])${ACT_NUMBER.source}`, 'gu');
  for (const match of citation.matchAll(anywhere)) {
    if (FORM_NUMBER_PREFIX.test(citation.slice(0, match.index))) continue;
    numbers.push(match[0]);
  }
  return numbers;
}

export interface ProcedureCitation {
  /** Where in the procedure file: `legalBasis[2]`, `fee.legalSource`. */
  readonly path: string;
  readonly text: string;
}

/** Every legal citation of a procedure: its legal bases and the source of its fee. */
export function procedureCitations(procedure: Procedure): ProcedureCitation[] {
  return [
    ...procedure.legalBasis.map((text, i) => ({ path: `legalBasis[${i}]`, text })),
    { path: 'fee.legalSource', text: procedure.fee.legalSource },
  ];
}

export type CitationProblemCode = 'NO_ACT_NAMED' | 'UNKNOWN_ACT' | 'ACT_NOT_APPLYING';

export interface CitationProblem {
  readonly procedureCode: string;
  readonly path: string;
  readonly code: CitationProblemCode;
  readonly act?: string;
  readonly message: string;
}

/**
 * What is wrong with a procedure's citations on `today` (Vietnam date): a citation that names
 * no act by number, names one missing from the list, or names one that does not apply that day.
 */
export function citationProblems(
  procedure: Procedure,
  acts: readonly LegalAct[],
  today: LocalDate,
): CitationProblem[] {
  const byNumber = new Map(acts.map((act) => [act.number, act]));
  return procedureCitations(procedure).flatMap(({ path, text }): CitationProblem[] => {
    const at = { procedureCode: procedure.code, path };
    const numbers = actNumbersIn(text);
    if (numbers.length === 0)
      return [{ ...at, code: 'NO_ACT_NAMED', message: `"${text}" names no act by its number` }];
    return numbers.flatMap((number): CitationProblem[] => {
      const act = byNumber.get(number);
      if (!act)
        return [
          {
            ...at,
            code: 'UNKNOWN_ACT',
            act: number,
            message: `${number} is not in the list of acts`,
          },
        ];
      if (actAppliesOn(act, today)) return [];
      const replaced = act.ended?.by ? `; replaced by ${act.ended.by}` : '';
      return [
        {
          ...at,
          code: 'ACT_NOT_APPLYING',
          act: number,
          message: `${number} does not apply on ${today}${replaced}`,
        },
      ];
    });
  });
}
