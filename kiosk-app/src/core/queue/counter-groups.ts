import type { CounterGroup } from './queue-config';

/**
 * The counter group that receives a field (lĩnh vực). A field no group lists goes to the first
 * group, the centre's general intake: the citizen always leaves with a number. The core logs
 * such fields at start (`queue.sector.unmapped`).
 */
export function groupOfSector(groups: readonly CounterGroup[], sector: string): CounterGroup {
  const first = groups[0];
  if (!first) throw new Error('no counter group is configured');
  return groups.find((g) => g.sectors.includes(sector)) ?? first;
}

/** The fields of the catalogue no counter group lists. */
export function unmappedSectors(
  groups: readonly CounterGroup[],
  sectors: Iterable<string>,
): string[] {
  const listed = new Set(groups.flatMap((g) => g.sectors));
  return [...new Set(sectors)].filter((s) => !listed.has(s));
}

/**
 * "Hộ tịch - Quầy 1, 2", as the phiếu names the counter. A plain hyphen: the en dash is in no
 * TCVN-3 code page and would print as "?".
 */
export function counterLabel(name: string, counters: string | undefined): string {
  return counters ? `${name} - ${counters}` : name;
}
