import { describe, expect, it } from 'vitest';
import { dossierHistory, feeOf } from './portal-status-history';
import type { StoredDossier } from './portal-store';

const T0 = Date.parse('2026-03-10T02:00:00Z');
const base: StoredDossier = { idempotencyKey: 'k', code: 'H01-260310-1001', receivedAt: T0 };
const codes = (entries: { TrangThai: string }[]) => entries.map((e) => e.TrangThai);

describe('the portal simulator status history', () => {
  it('a counter dossier not yet accepted shows only its submission', () => {
    expect(
      dossierHistory({ ...base, intake: 'counter' }, 'awaitingAcceptance', T0 + 10, 60),
    ).toEqual([{ TrangThai: 'DA_NOP', ThoiGian: '2026-03-10T02:00:00.000Z' }]);
  });

  it('after acceptance: accepted at the officer time, processing and the outcome one step apart', () => {
    const accepted: StoredDossier = {
      ...base,
      intake: 'counter',
      acceptance: {
        state: 'accepted',
        officer: 'CB',
        at: T0 + 1000,
        registerBook: '2026',
        registerEntry: '0001',
      },
    };
    expect(codes(dossierHistory(accepted, 'received', T0 + 1500, 60_000))).toEqual([
      'DA_NOP',
      'DA_TIEP_NHAN',
    ]);
    const done = dossierHistory(accepted, 'done', T0 + 1000 + 120_000, 60_000);
    expect(done.map((e) => [e.TrangThai, e.ThoiGian])).toEqual([
      ['DA_NOP', '2026-03-10T02:00:00.000Z'],
      ['DA_TIEP_NHAN', '2026-03-10T02:00:01.000Z'],
      ['DANG_XU_LY', '2026-03-10T02:01:01.000Z'],
      ['DA_CO_KET_QUA', '2026-03-10T02:02:01.000Z'],
    ]);
  });

  it('a refused dossier ends at its refusal', () => {
    const refused: StoredDossier = {
      ...base,
      intake: 'electronic',
      acceptance: { state: 'refused', officer: 'CB', at: T0 + 5, reason: 'thiếu giấy tờ' },
    };
    expect(codes(dossierHistory(refused, 'refused', T0 + 1e9, 60))).toEqual([
      'DA_NOP',
      'TU_CHOI_TIEP_NHAN',
    ]);
  });

  it('reads the fee the kiosk declared', () => {
    expect(feeOf({ LePhi: { SoTien: 0, DaNop: false } })).toEqual({
      SoTien: 0,
      TrangThai: 'MIEN_PHI',
    });
    expect(feeOf({ LePhi: { SoTien: 15000, DaNop: false } })).toEqual({
      SoTien: 15000,
      TrangThai: 'CHUA_NOP',
    });
    expect(feeOf({ LePhi: { SoTien: 15000, DaNop: true } })?.TrangThai).toBe('DA_NOP');
    expect(feeOf({ MaHoSo: 'x' })).toBeUndefined();
  });
});
