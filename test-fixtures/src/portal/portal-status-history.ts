import { PORTAL_STATUS, type PortalStatus } from './portal-statuses';
import type { StoredDossier } from './portal-store';

/** `LichSu`: one step of a dossier's life, with the time the system recorded it. */
export interface HistoryEntry {
  readonly TrangThai: string;
  readonly ThoiGian: string;
}

/** Submitted by the kiosk, before any acceptance (the first line of every history). */
export const SUBMITTED_CODE = 'DA_NOP';

/** `LePhi`: the fee the kiosk declared with the dossier, and whether it is settled. */
export interface FeeEntry {
  readonly SoTien: number;
  readonly TrangThai: 'MIEN_PHI' | 'DA_NOP' | 'CHUA_NOP';
}

const iso = (at: number): string => new Date(at).toISOString();

/**
 * The steps a dossier went through up to `now`, oldest first: submitted, accepted (the
 * officer's or the system's decision), processing one step later, and the outcome two steps
 * later, the same timeline `statusAt` follows. A refused dossier ends at its refusal.
 */
export function dossierHistory(
  d: StoredDossier,
  current: PortalStatus,
  now: number,
  stepMs: number,
): HistoryEntry[] {
  const history: HistoryEntry[] = [{ TrangThai: SUBMITTED_CODE, ThoiGian: iso(d.receivedAt) }];
  const a = d.acceptance;
  if (d.intake && !a) return history;
  if (a?.state === 'refused')
    return [...history, { TrangThai: PORTAL_STATUS.refused, ThoiGian: iso(a.at) }];
  const start = a?.at ?? d.receivedAt;
  history.push({ TrangThai: PORTAL_STATUS.received, ThoiGian: iso(start) });
  if (now >= start + stepMs)
    history.push({ TrangThai: PORTAL_STATUS.processing, ThoiGian: iso(start + stepMs) });
  const outcome = current === 'received' || current === 'processing' ? undefined : current;
  if (outcome && now >= start + 2 * stepMs)
    history.push({ TrangThai: PORTAL_STATUS[outcome], ThoiGian: iso(start + 2 * stepMs) });
  return history;
}

/** The fee the dossier declared (`LePhi` of the submission), or none when it declared none. */
export function feeOf(payload: unknown): FeeEntry | undefined {
  if (typeof payload !== 'object' || payload === null || !('LePhi' in payload)) return undefined;
  const fee = (payload as { LePhi: unknown }).LePhi;
  if (typeof fee !== 'object' || fee === null) return undefined;
  const { SoTien, DaNop } = fee as { SoTien?: unknown; DaNop?: unknown };
  if (typeof SoTien !== 'number' || SoTien < 0) return undefined;
  return {
    SoTien,
    TrangThai: SoTien === 0 ? 'MIEN_PHI' : DaNop === true ? 'DA_NOP' : 'CHUA_NOP',
  };
}
