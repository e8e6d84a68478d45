import { z } from 'zod';
import { localProcedureCode, parseProcedureCode } from '@kiosk/forms';
import type { Dossier, DossierStatus } from './dossier-gateway';

/**
 * Wire format of the one-stop system's dossier intake API, in the Vietnamese field names the
 * provincial systems use. The idempotency key travels in the `Idempotency-Key` header.
 */
export const STATUS_CODES: Readonly<Record<DossierStatus, string>> = {
  awaitingAcceptance: 'CHO_TIEP_NHAN',
  refused: 'TU_CHOI_TIEP_NHAN',
  received: 'DA_TIEP_NHAN',
  processing: 'DANG_XU_LY',
  needsMoreDocuments: 'YEU_CAU_BO_SUNG',
  done: 'DA_CO_KET_QUA',
  returned: 'TRA_LAI',
};

const statusByCode = new Map<string, DossierStatus>(
  Object.entries(STATUS_CODES).map(([status, code]) => [code, status as DossierStatus]),
);

const statusCode = z
  .string()
  .refine((c) => statusByCode.has(c), 'unknown dossier status')
  .transform((c) => statusByCode.get(c) ?? 'received');

export const submitAckSchema = z.object({
  MaHoSo: z.string().min(1),
  TrangThai: statusCode,
  TrungLap: z.boolean().optional(),
});

export const statusResponseSchema = z.object({
  MaHoSo: z.string().min(1),
  TrangThai: statusCode,
  NgayHenTra: z.string().nullish(),
  CapNhatLuc: z.string().nullish(),
  /** Acceptance details; any of them may be absent. */
  CanBoTiepNhan: z.string().max(200).nullish(),
  ThoiGianTiepNhan: z.string().max(40).nullish(),
  SoTheoDoi: z
    .object({ Quyen: z.string().max(40), SoThuTu: z.string().max(40) })
    .nullish()
    .catch(undefined),
  LyDo: z.string().max(500).nullish(),
});

export interface DossierWire {
  readonly MaHoSo: string;
  /** The procedure's local code when the centre has a suffix (`1.001612.000.00.00.H56`). */
  readonly MaThuTuc: string;
  readonly NgayTiepNhan: string;
  readonly NgayHenTra?: string;
  readonly ChuHoSo: Dossier['applicant'];
  readonly DuLieuToKhai: Dossier['form'];
  readonly KenhNop: 'KIOSK';
  /** Mức độ xác thực danh tính at the kiosk (see `Dossier.identityAssurance`). */
  readonly MucDoXacThuc?: Dossier['identityAssurance'];
  /** TRUC_TUYEN: accepted by the system; TRUC_TIEP: an officer accepts it at the counter. */
  readonly HinhThucTiepNhan?: 'TRUC_TUYEN' | 'TRUC_TIEP';
  /**
   * Đăng ký nhận SMS: present only when the citizen ticked the consent box; the one-stop system
   * texts each status change to `SoDienThoai` (84 + 9 digits).
   */
  readonly DangKySms?: { readonly DongY: true; readonly SoDienThoai: string };
  /** Lệ phí: amount in đồng and whether it was paid at the kiosk. */
  readonly LePhi?: { readonly SoTien: number; readonly DaNop: boolean };
}

/**
 * The procedure code as the province's one-stop system knows it: the national code extended with
 * the centre's local suffix (`portal.localCodeSuffix`), or the national code without one. A code
 * that is not a national one is sent as it is, for the portal to refuse.
 */
export function wireProcedureCode(procedureCode: string, localCodeSuffix?: string): string {
  const parts = parseProcedureCode(procedureCode);
  if (!parts || parts.localSuffix !== undefined || localCodeSuffix === undefined)
    return procedureCode;
  return localProcedureCode(parts.national, localCodeSuffix);
}

export function dossierToWire(dossier: Dossier, localCodeSuffix?: string): DossierWire {
  return {
    MaHoSo: dossier.code,
    MaThuTuc: wireProcedureCode(dossier.procedureCode, localCodeSuffix),
    NgayTiepNhan: dossier.receivedAt,
    NgayHenTra: dossier.appointmentAt,
    ChuHoSo: dossier.applicant,
    DuLieuToKhai: dossier.form,
    KenhNop: 'KIOSK',
    MucDoXacThuc: dossier.identityAssurance,
    ...(dossier.intake
      ? { HinhThucTiepNhan: dossier.intake === 'electronic' ? 'TRUC_TUYEN' : 'TRUC_TIEP' }
      : {}),
    ...(dossier.smsSubscription
      ? { DangKySms: { DongY: true, SoDienThoai: dossier.smsSubscription.phone } }
      : {}),
    ...(dossier.fee ? { LePhi: { SoTien: dossier.fee.amountVnd, DaNop: dossier.fee.paid } } : {}),
  };
}
