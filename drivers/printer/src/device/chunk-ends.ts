/**
 * Where to split a job into writes: at command boundaries when known (a chunk grows to the last
 * boundary that keeps it within `chunkBytes`, or to the next one if a single command is larger),
 * otherwise every `chunkBytes`.
 */
export function chunkEnds(
  length: number,
  chunkBytes: number,
  boundaries?: readonly number[],
): number[] {
  const ends: number[] = [];
  if (!boundaries || boundaries.length === 0) {
    for (let at = chunkBytes; at < length; at += chunkBytes) ends.push(at);
    if (length > 0) ends.push(length);
    return ends;
  }
  let start = 0;
  let candidate = 0;
  for (const b of [...boundaries.filter((x) => x > 0 && x < length), length]) {
    if (b - start > chunkBytes && candidate > start) {
      ends.push(candidate);
      start = candidate;
    }
    candidate = b;
  }
  if (candidate > start) ends.push(candidate);
  return ends;
}
