import { z } from 'zod';

/**
 * The wire format of the provincial population-data integration (tra cứu thông tin công dân qua
 * nền tảng tích hợp, chia sẻ dữ liệu): Vietnamese PascalCase fields, dates as `yyyyMMdd` with
 * `00` for an unknown month or day, sex as a code (1 nam, 2 nữ, 0 chưa có thông tin).
 */
export interface RegistryRequestBody {
  /** Mã yêu cầu: one id per lookup, for the platform's audit trail. */
  readonly MaYeuCau: string;
  readonly MaTichHop: string;
  readonly MaDVC: string;
  readonly MaCanBo: string;
  readonly SoDinhDanh: string;
  /** Full name as the document presented it, NFC (with diacritics unless it came from an MRZ). */
  readonly HoVaTen: string;
  /** Full date of birth, `yyyyMMdd`. */
  readonly NgayThangNamSinh: string;
}

/**
 * Trạng thái thẻ căn cước: the status of the citizen's card as the registry records it (Luật Căn
 * cước 2023, Điều 29: thu hồi; thu hồi để hủy). The field name and codes are this project's model of
 * the integration, not taken from a published specification.
 */
export const CARD_STATUS_CODES = {
  inForce: 'CON_HIEU_LUC',
  revoked: 'DA_THU_HOI',
  cancelled: 'DA_HUY',
} as const;

/** Result codes of the integration. */
export const REGISTRY_RESULT = {
  found: '00',
  notFound: '01',
  invalidRequest: '02',
  systemError: '99',
} as const;

const text = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .nullish()
  .transform((s) => (s ? s : undefined));

const addressWire = z.object({
  TinhThanhPho: z.string().min(1),
  QuanHuyen: text,
  PhuongXa: z.string().min(1),
  ChiTiet: text,
});

const relatedWire = z.object({
  HoVaTen: z.string().min(1),
  SoDinhDanh: text,
  NamSinh: text,
});

export const citizenWireSchema = z.object({
  SoDinhDanh: z.string().regex(/^\d{12}$/),
  SoCMND: text,
  HoVaTen: z.string().min(1),
  NgayThangNamSinh: z.string().regex(/^\d{4}(\d{2}){2}$/),
  GioiTinh: z.enum(['0', '1', '2']),
  DanToc: text,
  TonGiao: text,
  QuocTich: text,
  /** Tên gọi khác, Luật Căn cước 2023 Điều 9 khoản 2. */
  TenGoiKhac: text,
  QueQuan: addressWire.nullish(),
  /** Nơi sinh (khoản 6) and nơi đăng ký khai sinh (khoản 7) are two fields, never one. */
  NoiSinh: addressWire.nullish(),
  NoiDangKyKhaiSinh: addressWire.nullish(),
  ThuongTru: addressWire.nullish(),
  NoiTamTru: addressWire.nullish(),
  NoiOHienTai: addressWire.nullish(),
  TinhTrangHonNhan: text,
  SoDienThoai: text,
  Email: text,
  /** Ngày chết, `yyyyMMdd` (khoản 24). */
  NgayMat: text,
  /** Trạng thái thẻ căn cước, one of `CARD_STATUS_CODES`; absent when the registry says nothing. */
  TrangThaiThe: text,
  Cha: relatedWire.nullish(),
  Me: relatedWire.nullish(),
  VoChong: relatedWire.nullish(),
  ChuHo: relatedWire.extend({ QuanHeVoiChuHo: text }).nullish(),
});

export const registryResponseSchema = z.object({
  MaKetQua: z.string(),
  MoTa: text,
  CongDan: citizenWireSchema.nullish(),
});

export type CitizenWire = z.infer<typeof citizenWireSchema>;
export type AddressWire = z.infer<typeof addressWire>;
export type RelatedWire = z.infer<typeof relatedWire>;
export type RegistryResponse = z.infer<typeof registryResponseSchema>;
