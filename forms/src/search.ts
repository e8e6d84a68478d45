/**
 * Catalogue browsing for the citizen: accent-insensitive search ("thuong tru" finds "thường
 * trú") and grouping by sector, most used first.
 */
import type { LocalizedText, Procedure } from './procedure-types';
import { normaliseForSearch } from './text';

function byRank(a: Procedure, b: Procedure): number {
  return a.rank - b.rank || a.code.localeCompare(b.code);
}

function searchTexts(procedure: Procedure): string[] {
  return [
    procedure.code,
    procedure.name.vi,
    procedure.name.en,
    procedure.sector.vi,
    procedure.sector.en,
    ...(procedure.keywords ?? []),
  ].map((text) => ` ${normaliseForSearch(text)}`);
}

/**
 * Procedures matching the query, ignoring accents and case, most used first. Where the words
 * appear together as typed (the last one may be unfinished) in the code, a name, the sector or
 * a keyword, only those procedures are returned: "thuong tru" is the phrase "thường trú", not
 * "thương mại ... trực thuộc". Otherwise every word must start a word somewhere, in any order.
 * An empty query lists everything.
 */
export function searchProcedures(procedures: readonly Procedure[], query: string): Procedure[] {
  const words = normaliseForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...procedures].sort(byRank);
  const phrase = ` ${words.join(' ')}`;
  const byPhrase = procedures.filter((procedure) =>
    searchTexts(procedure).some((text) => text.includes(phrase)),
  );
  if (byPhrase.length > 0) return byPhrase.sort(byRank);
  return procedures
    .filter((procedure) => {
      const text = searchTexts(procedure).join(' ');
      return words.every((word) => text.includes(` ${word}`));
    })
    .sort(byRank);
}

export interface SectorGroup {
  readonly sector: LocalizedText;
  readonly procedures: readonly Procedure[];
}

/** Procedures grouped by sector; sectors ordered by their most used procedure. */
export function proceduresBySector(procedures: readonly Procedure[]): SectorGroup[] {
  const groups = new Map<string, { sector: LocalizedText; procedures: Procedure[] }>();
  for (const procedure of [...procedures].sort(byRank)) {
    const key = normaliseForSearch(procedure.sector.vi);
    const group = groups.get(key) ?? { sector: procedure.sector, procedures: [] };
    group.procedures.push(procedure);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function findProcedure(
  procedures: readonly Procedure[],
  code: string,
): Procedure | undefined {
  return procedures.find((procedure) => procedure.code === code.trim());
}
