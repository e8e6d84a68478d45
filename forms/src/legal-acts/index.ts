export { ACT_NUMBER, actAppliesOn, legalActs, legalActListSchema } from './legal-act';
export type { LegalAct, LegalActList } from './legal-act';
export { actNumbersIn, citationProblems, procedureCitations } from './legal-citations';
export type { CitationProblem, CitationProblemCode, ProcedureCitation } from './legal-citations';
