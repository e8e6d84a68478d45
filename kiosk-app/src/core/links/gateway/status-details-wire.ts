import { z } from 'zod';
import type { HistoryStatus, StatusDetails } from './dossier-gateway';
import { STATUS_CODES } from './gateway-wire';

/** `DA_NOP`: submitted by the kiosk, before any acceptance (first line of `LichSu`). */
export const SUBMITTED_CODE = 'DA_NOP';

const historyByCode = new Map<string, HistoryStatus>([
  [SUBMITTED_CODE, 'submitted'],
  ...Object.entries(STATUS_CODES).map(([status, code]): [string, HistoryStatus] => [
    code,
    status as HistoryStatus,
  ]),
]);

/** An ISO 8601 instant with an offset or `Z`, as the portal writes its times. */
const instant = z.iso.datetime({ offset: true });

const historyEntry = z.object({
  TrangThai: z.string().refine((c) => historyByCode.has(c), 'unknown history status'),
  ThoiGian: instant,
});

const FEE_STATES = { MIEN_PHI: 'free', DA_NOP: 'paid', CHUA_NOP: 'unpaid' } as const;

/**
 * The parts of the one-stop system's status answer that issue 18 reads: `LichSu` (history),
 * `LePhi` (fee) and `CoTheNhanKetQua` (result can be collected). Each part is checked on its
 * own: a malformed part is left out and the others still show, because the current status
 * (checked by `statusResponseSchema`) is what the citizen came for.
 */
export const statusDetailsSchema = z.object({
  LichSu: z.array(z.unknown()).max(100).optional().catch(undefined),
  LePhi: z
    .object({
      SoTien: z.number().int().min(0).max(1_000_000_000),
      TrangThai: z.enum(['MIEN_PHI', 'DA_NOP', 'CHUA_NOP']),
    })
    .optional()
    .catch(undefined),
  CoTheNhanKetQua: z.boolean().optional().catch(undefined),
});

/** The details of a status answer; never throws, leaves out what does not follow the format. */
export function parseStatusDetails(body: unknown): StatusDetails {
  const parsed = statusDetailsSchema.safeParse(body);
  if (!parsed.success) return {};
  const { LichSu, LePhi, CoTheNhanKetQua } = parsed.data;
  // Entries that do not follow the format are dropped one by one; the rest are put in order.
  const history = (LichSu ?? [])
    .flatMap((raw) => {
      const entry = historyEntry.safeParse(raw);
      if (!entry.success) return [];
      const status = historyByCode.get(entry.data.TrangThai);
      return status ? [{ status, at: entry.data.ThoiGian }] : [];
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return {
    ...(history.length > 0 ? { history } : {}),
    ...(LePhi ? { fee: { amountVnd: LePhi.SoTien, state: FEE_STATES[LePhi.TrangThai] } } : {}),
    ...(CoTheNhanKetQua !== undefined ? { collectable: CoTheNhanKetQua } : {}),
  };
}
