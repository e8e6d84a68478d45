/**
 * The two-level administrative units in force since 1 July 2025 (Nghị quyết 202/2025/QH15 for
 * the 34 provinces, Nghị quyết 1654–1687/NQ-UBTVQH15 for the 3,321 communes) with their codes
 * (Quyết định 19/2025/QĐ-TTg). The data and its sources: `forms/administrative-units/`.
 */

/** `thanh-pho` = thành phố trực thuộc trung ương. */
export type ProvinceType = 'tinh' | 'thanh-pho';

/** `dac-khu` = đặc khu (island special zones, Luật Tổ chức chính quyền địa phương 2025). */
export type CommuneType = 'xa' | 'phuong' | 'dac-khu';

export interface Province {
  /** Two digits, e.g. `01`. */
  readonly code: string;
  /** The official name with its type, e.g. "Thành phố Huế", "Tỉnh Ninh Bình". */
  readonly name: string;
  readonly type: ProvinceType;
  /** Codes of the provinces before 1 July 2025 that form it. */
  readonly mergedFrom: readonly string[];
  /** The Standing Committee resolution that arranged its communes, e.g. `1656/NQ-UBTVQH15`. */
  readonly communeResolution: string;
}

export interface Commune {
  /** Five digits, e.g. `00004`. */
  readonly code: string;
  /** The official name with its type, e.g. "Phường Ba Đình". */
  readonly name: string;
  readonly type: CommuneType;
  /** The code of its province. */
  readonly province: string;
}
