import type { Address, CitizenRecord, RelatedPerson } from '@kiosk/forms';

/**
 * The simulator's own rendering of a citizen in the provincial integration format (written
 * independently of the kiosk's parser, so the two check each other).
 */
const SEX_CODE = { M: '1', F: '2', X: '0' } as const;

/** A card's status as the simulated registry records it (Luật Căn cước 2023, Điều 29). */
export type SimulatedCardStatus = 'in-force' | 'revoked' | 'cancelled';

/** Trạng thái thẻ căn cước on the wire: còn hiệu lực, đã thu hồi, đã hủy. */
const CARD_STATUS_CODE: Readonly<Record<SimulatedCardStatus, string>> = {
  'in-force': 'CON_HIEU_LUC',
  revoked: 'DA_THU_HOI',
  cancelled: 'DA_HUY',
};

function date(iso: string | undefined): string {
  if (!iso) return '00000000';
  const [y = '0000', m = '00', d = '00'] = iso.split('-');
  return `${y}${m}${d}`;
}

function address(a: Address | undefined, threeLevel: boolean): Record<string, string> | null {
  if (!a) return null;
  return {
    TinhThanhPho: a.province,
    ...(threeLevel ? { QuanHuyen: 'Huyện Trung Tâm' } : {}),
    PhuongXa: a.commune,
    ...(a.detail ? { ChiTiet: a.detail } : {}),
  };
}

function related(p: RelatedPerson | undefined): Record<string, string> | null {
  if (!p) return null;
  return {
    HoVaTen: p.fullName,
    ...(p.personalId ? { SoDinhDanh: p.personalId } : {}),
    ...(p.birthYear ? { NamSinh: String(p.birthYear) } : {}),
  };
}

export function citizenToWire(
  c: CitizenRecord,
  options: { threeLevel?: boolean; cardStatus?: SimulatedCardStatus } = {},
): Record<string, unknown> {
  const threeLevel = options.threeLevel ?? false;
  const cardStatus = options.cardStatus ?? 'in-force';
  return {
    SoDinhDanh: c.personalId,
    SoCMND: c.oldIdNumber ?? null,
    HoVaTen: c.fullName,
    NgayThangNamSinh: date(c.dateOfBirth),
    GioiTinh: SEX_CODE[c.sex],
    DanToc: c.ethnicity ?? null,
    TonGiao: c.religion ?? null,
    QuocTich: c.nationality ?? null,
    TenGoiKhac: c.otherName ?? null,
    QueQuan: address(c.placeOfOrigin, threeLevel),
    NoiSinh: address(c.placeOfBirth, threeLevel),
    NoiDangKyKhaiSinh: address(c.birthRegistrationPlace, threeLevel),
    ThuongTru: address(c.permanentResidence, threeLevel),
    NoiTamTru: address(c.temporaryResidence, threeLevel),
    NoiOHienTai: address(c.currentResidence, threeLevel),
    TinhTrangHonNhan: c.maritalStatus ?? null,
    SoDienThoai: c.phone ?? null,
    Email: c.email ?? null,
    NgayMat: c.dateOfDeath ? date(c.dateOfDeath) : null,
    TrangThaiThe: CARD_STATUS_CODE[cardStatus],
    Cha: related(c.father),
    Me: related(c.mother),
    VoChong: related(c.spouse),
    ChuHo: c.householdHead
      ? { ...related(c.householdHead), QuanHeVoiChuHo: c.householdHead.relation ?? null }
      : null,
  };
}
