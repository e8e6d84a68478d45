import { unitNameKey } from './unit-name';

interface Named {
  readonly name: string;
}

/**
 * The units whose name matches what the citizen typed, accent-insensitive and without the type
 * word ("ba dinh" finds "Phường Ba Đình", "hue" finds "Thành phố Huế"): names that begin with it
 * first, then names with a word that begins with it, then names that contain it; each group in
 * the list's own order. An empty query gives the whole list.
 */
export function searchUnits<T extends Named>(units: readonly T[], query: string): T[] {
  const wanted = unitNameKey(query);
  if (wanted === '') return [...units];
  const starts: T[] = [];
  const wordStarts: T[] = [];
  const contains: T[] = [];
  for (const unit of units) {
    const key = unitNameKey(unit.name);
    if (key.startsWith(wanted)) starts.push(unit);
    else if (key.includes(` ${wanted}`)) wordStarts.push(unit);
    else if (key.includes(wanted)) contains.push(unit);
  }
  return [...starts, ...wordStarts, ...contains];
}
