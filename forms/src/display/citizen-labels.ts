import type { CitizenField } from '../citizen';
import type { LocalizedText } from '../procedure-types';

/**
 * The name of each field of the citizen record as the citizen and the officer read it, in the
 * words of Luật Căn cước 2023 (Điều 9) and of the card itself. Every message that names a field
 * uses these, never the record's keys. `satisfies` makes a new record field without a name a
 * compile error.
 */
export const CITIZEN_FIELD_LABELS = {
  personalId: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
  oldIdNumber: { vi: 'Số CMND', en: 'Former ID number' },
  fullName: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
  otherName: { vi: 'Tên gọi khác', en: 'Other name' },
  dateOfBirth: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  nationality: { vi: 'Quốc tịch', en: 'Nationality' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  placeOfOrigin: { vi: 'Quê quán', en: 'Place of origin' },
  placeOfBirth: { vi: 'Nơi sinh', en: 'Place of birth' },
  birthRegistrationPlace: { vi: 'Nơi đăng ký khai sinh', en: 'Place of birth registration' },
  temporaryResidence: { vi: 'Nơi tạm trú', en: 'Temporary residence' },
  residence: { vi: 'Nơi cư trú', en: 'Place of residence' },
  maritalStatus: { vi: 'Tình trạng hôn nhân', en: 'Marital status' },
  dateOfDeath: { vi: 'Ngày, tháng, năm chết', en: 'Date of death' },
  permanentResidence: { vi: 'Nơi thường trú', en: 'Permanent residence' },
  currentResidence: { vi: 'Nơi ở hiện tại', en: 'Current residence' },
  personalIdentification: { vi: 'Đặc điểm nhận dạng', en: 'Identifying marks' },
  dateOfIssue: { vi: 'Ngày cấp', en: 'Date of issue' },
  dateOfExpiry: { vi: 'Có giá trị đến', en: 'Valid until' },
  father: { vi: 'Cha', en: 'Father' },
  mother: { vi: 'Mẹ', en: 'Mother' },
  spouse: { vi: 'Vợ/chồng', en: 'Spouse' },
  householdHead: { vi: 'Chủ hộ', en: 'Head of household' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  email: { vi: 'Thư điện tử', en: 'Email' },
} as const satisfies Record<CitizenField, LocalizedText>;

function isCitizenField(name: string): name is CitizenField {
  return Object.hasOwn(CITIZEN_FIELD_LABELS, name);
}

/**
 * "Cha, Mẹ": the names of some fields, for a message. The protocol carries field keys as plain
 * strings; one the record does not have (a newer core) is shown as it is rather than dropped.
 */
export function citizenFieldNames(fields: readonly string[], lang: keyof LocalizedText): string {
  return fields
    .map((field) => (isCitizenField(field) ? CITIZEN_FIELD_LABELS[field][lang] : field))
    .join(', ');
}
