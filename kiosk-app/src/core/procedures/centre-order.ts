import type { Procedure } from '@kiosk/forms';

/**
 * The catalogue in this centre's order: the procedures its configuration names first
 * (`catalogueFirst`, most asked first), then the others in their published rank. Ranks are
 * renumbered 1..n, so every screen that sorts by rank shows the centre's order.
 */
export function centreOrdered(
  procedures: readonly Procedure[],
  first: readonly string[],
): { procedures: Procedure[]; unknownCodes: string[] } {
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  const pinned = [...new Set(first)].flatMap((code) => {
    const p = byCode.get(code);
    return p ? [p] : [];
  });
  const rest = [...procedures].filter((p) => !pinned.includes(p)).sort((a, b) => a.rank - b.rank);
  return {
    procedures: [...pinned, ...rest].map((p, index) => ({ ...p, rank: index + 1 })),
    unknownCodes: first.filter((code) => !byCode.has(code)),
  };
}
