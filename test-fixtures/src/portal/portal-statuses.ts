/** Status codes of the simulated one-stop system, as the provincial systems name them. */
export const PORTAL_STATUS = {
  awaitingAcceptance: 'CHO_TIEP_NHAN',
  refused: 'TU_CHOI_TIEP_NHAN',
  received: 'DA_TIEP_NHAN',
  processing: 'DANG_XU_LY',
  needsMoreDocuments: 'YEU_CAU_BO_SUNG',
  done: 'DA_CO_KET_QUA',
  returned: 'TRA_LAI',
} as const;

export type PortalStatus = keyof typeof PORTAL_STATUS;

/**
 * How a dossier moves over time: received, then processing after one step, then after two steps
 * an outcome chosen from the code (most are done, some need more documents, a few are returned),
 * so the same dossier always ends the same way.
 */
export function statusAt(
  code: string,
  receivedAt: number,
  now: number,
  stepMs: number,
): PortalStatus {
  const elapsed = now - receivedAt;
  if (elapsed < stepMs) return 'received';
  if (elapsed < 2 * stepMs) return 'processing';
  let hash = 0;
  for (const ch of code) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const bucket = hash % 20;
  return bucket < 14 ? 'done' : bucket < 17 ? 'needsMoreDocuments' : 'returned';
}
