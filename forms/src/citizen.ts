/**
 * The citizen record every other part of the kiosk speaks: identification sources (chip, QR, MRZ)
 * and the population registry are merged into it, and procedure forms bind to its fields.
 * Dates are ISO `YYYY-MM-DD`; Vietnamese text is NFC.
 */

/** Where a value came from, best first. `citizen` = typed at the kiosk by the citizen. */
export type Source = 'chip' | 'qr' | 'mrz' | 'registry' | 'citizen';

export type Sex = 'M' | 'F' | 'X';

/**
 * An address in the two-level form used since 1 July 2025 (province → commune/ward), with the
 * street part in `detail`. `district` is kept only when a source still uses the old
 * three-level form, so nothing the source said is lost.
 */
export interface Address {
  readonly province: string;
  readonly commune: string;
  readonly detail?: string;
  readonly district?: string;
  /** The commune's code on the official list (Quyết định 19/2025/QĐ-TTg), when it is on it. */
  readonly communeCode?: string;
  /** The units as the source wrote them before conversion ("Xã A, Huyện B, Tỉnh C"). */
  readonly former?: string;
  /**
   * Set when the conversion is not certain: `divided` = the old commune was split and the citizen
   * picks the new one; `unknown` = not on the official lists, kept as written to be confirmed.
   */
  readonly confirmation?: AddressConfirmation;
}

export type AddressConfirmation = 'divided' | 'unknown';

export interface RelatedPerson {
  readonly fullName: string;
  readonly personalId?: string;
  readonly birthYear?: number;
}

export interface HouseholdHead extends RelatedPerson {
  /** Relation of the citizen to the household head, e.g. "Con", "Vợ", "Chủ hộ". */
  readonly relation?: string;
}

export interface CitizenRecord {
  /** The 12-digit personal identification number (số định danh cá nhân). */
  readonly personalId: string;
  readonly oldIdNumber?: string;
  readonly fullName: string;
  /** Tên gọi khác (Luật Căn cước 2023, Điều 9 khoản 2). */
  readonly otherName?: string;
  readonly dateOfBirth: string;
  readonly sex: Sex;
  readonly nationality?: string;
  readonly ethnicity?: string;
  readonly religion?: string;
  readonly placeOfOrigin?: Address;
  /** Nơi sinh (Điều 9 khoản 6): where the person was born. */
  readonly placeOfBirth?: Address;
  /**
   * Nơi đăng ký khai sinh (Điều 9 khoản 7): where the birth was registered, which the 2024 card
   * prints; not the same as the place of birth.
   */
  readonly birthRegistrationPlace?: Address;
  /** Permanent residence (nơi thường trú). */
  readonly permanentResidence?: Address;
  /** Current residence (nơi ở hiện tại). */
  readonly currentResidence?: Address;
  /**
   * Nơi cư trú as the thẻ căn cước issued from 1 July 2024 prints it (TT 16/2024/TT-BCA): where the
   * holder resides, permanent or temporary; the card does not say which.
   */
  readonly residence?: Address;
  /** Nơi tạm trú (Điều 9 khoản 17). */
  readonly temporaryResidence?: Address;
  /** Tình trạng hôn nhân (Điều 9 khoản 21), as the registry words it. */
  readonly maritalStatus?: string;
  /** Ngày, tháng, năm chết (Điều 9 khoản 24): a record with one ends the journey. */
  readonly dateOfDeath?: string;
  readonly personalIdentification?: string;
  readonly dateOfIssue?: string;
  readonly dateOfExpiry?: string;
  readonly father?: RelatedPerson;
  readonly mother?: RelatedPerson;
  readonly spouse?: RelatedPerson;
  readonly householdHead?: HouseholdHead;
  readonly phone?: string;
  readonly email?: string;
}

export type CitizenField = keyof CitizenRecord;

/** A chip/registry disagreement surfaced to the citizen and staff, never silently resolved. */
export interface FieldMismatch {
  readonly field: CitizenField;
  readonly values: Partial<Record<Source, string>>;
}

/**
 * How sure the kiosk is that the person at it is the person the record names:
 * - `chip-verified`: the chip was read and passive authentication (ICAO 9303-11 §5.1) is `valid`
 *   against the kiosk's CSCA trust store;
 * - `chip-unverified`: the chip was read but passive authentication is anything else (unknown
 *   issuer, not checked);
 * - `document-only`: the card's printed QR or MRZ alone, which anyone can copy or type.
 */
export type AssuranceLevel = 'chip-verified' | 'chip-unverified' | 'document-only';

/** The merged record with the source of each top-level field. */
export interface CitizenFacts {
  readonly record: CitizenRecord;
  readonly provenance: Partial<Record<CitizenField, Source>>;
  readonly mismatches: readonly FieldMismatch[];
  /** How the person was identified; `registry-only` = a record given as a file (command line). */
  readonly assurance: AssuranceLevel | 'registry-only';
}

/** Fields that identify the person: chip data wins for these when sources disagree. */
export const IDENTITY_FIELDS: readonly CitizenField[] = [
  'personalId',
  'fullName',
  'dateOfBirth',
  'sex',
  'dateOfIssue',
  'dateOfExpiry',
];
