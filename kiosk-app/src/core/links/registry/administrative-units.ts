import type { Address } from '@kiosk/forms';
import { latinUpperName } from './latin-name';

/**
 * Since 1 July 2025 (Nghị quyết 202/2025/QH15) Vietnam has 34 provinces and no district level;
 * records written earlier still carry the three-level form. This maps an old province to the new
 * one it merged into; communes were also merged, and that much larger table is configurable
 * (`CommuneMapping`), so an unmapped commune keeps its old name and the old district is kept in
 * `district` for the officer to see.
 */
const MERGED_INTO: Readonly<Record<string, readonly string[]>> = {
  'Tỉnh Tuyên Quang': ['Hà Giang'],
  'Tỉnh Lào Cai': ['Yên Bái'],
  'Tỉnh Thái Nguyên': ['Bắc Kạn'],
  'Tỉnh Phú Thọ': ['Vĩnh Phúc', 'Hòa Bình'],
  'Tỉnh Bắc Ninh': ['Bắc Giang'],
  'Tỉnh Hưng Yên': ['Thái Bình'],
  'Thành phố Hải Phòng': ['Hải Dương'],
  'Tỉnh Ninh Bình': ['Hà Nam', 'Nam Định'],
  'Tỉnh Quảng Trị': ['Quảng Bình'],
  'Thành phố Đà Nẵng': ['Quảng Nam'],
  'Tỉnh Quảng Ngãi': ['Kon Tum'],
  'Tỉnh Gia Lai': ['Bình Định'],
  'Tỉnh Khánh Hòa': ['Ninh Thuận'],
  'Tỉnh Lâm Đồng': ['Đắk Nông', 'Bình Thuận'],
  'Tỉnh Đắk Lắk': ['Phú Yên'],
  'Thành phố Hồ Chí Minh': ['Bình Dương', 'Bà Rịa - Vũng Tàu'],
  'Tỉnh Đồng Nai': ['Bình Phước'],
  'Tỉnh Tây Ninh': ['Long An'],
  'Thành phố Cần Thơ': ['Sóc Trăng', 'Hậu Giang'],
  'Tỉnh Vĩnh Long': ['Bến Tre', 'Trà Vinh'],
  'Tỉnh Đồng Tháp': ['Tiền Giang'],
  'Tỉnh Cà Mau': ['Bạc Liêu'],
  'Tỉnh An Giang': ['Kiên Giang'],
};

/** Compares names regardless of prefix ("Tỉnh", "TP."), case, diacritics and hyphen spacing. */
function key(name: string): string {
  return latinUpperName(name)
    .replace(/^(TINH|THANH PHO|TP\.?)\s+/, '')
    .replace(/\s*-\s*/g, '-');
}

const NEW_PROVINCE_BY_OLD = new Map<string, string>();
for (const [target, olds] of Object.entries(MERGED_INTO)) {
  NEW_PROVINCE_BY_OLD.set(key(target), target);
  for (const old of olds) NEW_PROVINCE_BY_OLD.set(key(old), target);
}

/** The province an old province name belongs to now; the name itself when it did not merge. */
export function currentProvince(name: string): string {
  return NEW_PROVINCE_BY_OLD.get(key(name)) ?? name;
}

/** Old (province, district, commune) → new commune name, from the provincial conversion tables. */
export type CommuneMapping = (old: {
  readonly province: string;
  readonly district: string;
  readonly commune: string;
}) => string | undefined;

export interface RawAddress {
  readonly province: string;
  readonly district?: string;
  readonly commune: string;
  readonly detail?: string;
}

/** Brings an address of either form into the two-level form. */
export function toTwoLevelAddress(raw: RawAddress, communes?: CommuneMapping): Address {
  const detail = raw.detail?.trim() || undefined;
  if (!raw.district?.trim()) {
    return { province: currentProvince(raw.province), commune: raw.commune, detail };
  }
  const commune =
    communes?.({ province: raw.province, district: raw.district, commune: raw.commune }) ??
    raw.commune;
  return { province: currentProvince(raw.province), commune, detail, district: raw.district };
}
