/**
 * Puts OCR text onto the fixed-pitch cells of an MRZ line. The text has the right letters and
 * digits but a wrong number of characters where fillers were (each `<` read as K, L, C, KL...);
 * the chevron map says which cells are fillers. A small edit-distance alignment matches text to
 * cells: filler cells absorb filler-like characters for free, other cells take one character.
 */
const FILLER_LIKE = new Set(['<', 'K', 'L', 'C']);

/**
 * What dropping a character costs: chevron debris is cheap, K and L (the usual misreadings of
 * `<`) a little more, C more again (it is also a common real letter), anything else dear.
 */
const DROP_COST: Readonly<Record<string, number>> = {
  '<': 0.1,
  K: 0.2,
  L: 0.25,
  C: 0.45,
  O: 0.6,
  Q: 0.6,
};

/** What the layout expects in a cell, when known: a digit-only cell makes a stray letter costly. */
export type CellExpectation = 'digit' | 'letter' | 'any';

const DIGIT_LIKE = new Set(['O', 'Q', 'D', 'I', 'L', 'Z', 'S', 'B', 'G']);

function placementCost(ch: string, filler: boolean, expect: CellExpectation): number {
  if (filler) return FILLER_LIKE.has(ch) ? 0 : 1.5;
  if (ch === '<') return 1.2;
  const isDigit = ch >= '0' && ch <= '9';
  if (expect === 'digit' && !isDigit) return DIGIT_LIKE.has(ch) ? 0.3 : 1;
  if (expect === 'letter' && isDigit) return 0.3;
  // A K or L in a letter cell is most often a chevron's debris that drifted one cell.
  return ch === 'K' || ch === 'L' ? 0.05 : 0;
}

export function alignOcrToCells(
  text: string,
  chevrons: readonly boolean[],
  expect: readonly CellExpectation[] = [],
): string {
  const n = chevrons.length;
  const m = text.length;
  const INF = 1e9;
  // cost[i][j]: best cost of placing text[0..j) onto cells[0..i).
  const cost: number[][] = Array.from({ length: n + 1 }, () =>
    Array.from<number>({ length: m + 1 }).fill(INF),
  );
  const move: number[][] = Array.from({ length: n + 1 }, () =>
    Array.from<number>({ length: m + 1 }).fill(0),
  );
  (cost[0] as number[])[0] = 0;
  const set = (i: number, j: number, c: number, how: number): void => {
    if (c < (cost[i]?.[j] ?? INF)) {
      (cost[i] as number[])[j] = c;
      (move[i] as number[])[j] = how;
    }
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i]?.[j] ?? INF;
      if (here >= INF) continue;
      const ch = text.charAt(j);
      const filler = chevrons[i] === true;
      if (i < n && j < m) {
        // 1: cell i takes character j.
        set(i + 1, j + 1, here + placementCost(ch, filler, expect[i] ?? 'any'), 1);
      }
      // 2: cell i takes no character (a filler needs none; a letter cell is a loss).
      if (i < n) set(i + 1, j, here + (filler ? 0.3 : 2), 2);
      // 3: character j belongs to no cell (debris of a misread filler, a doubled O/0, noise).
      if (j < m) set(i, j + 1, here + (DROP_COST[ch] ?? 1.5), 3);
    }
  }
  const out: string[] = Array.from<string>({ length: n }).fill('<');
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const how = move[i]?.[j] ?? 0;
    if (how === 1) {
      out[i - 1] = chevrons[i - 1] ? '<' : text.charAt(j - 1);
      i--;
      j--;
    } else if (how === 2) {
      out[i - 1] = chevrons[i - 1] ? '<' : '?';
      i--;
    } else if (how === 3) {
      j--;
    } else {
      break;
    }
  }
  return out.join('');
}
