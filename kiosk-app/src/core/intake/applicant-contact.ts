import type { Address, CitizenRecord, FieldValue } from '@kiosk/forms';

export interface ApplicantContact {
  readonly address?: string;
  readonly phone?: string;
  readonly email?: string;
}

function addressLine(address: Address | undefined): string | undefined {
  if (!address) return undefined;
  const parts = [address.detail, address.commune, address.district, address.province]
    .map((p) => p?.trim())
    .filter((p): p is string => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

const textValue = (value: FieldValue | undefined): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * The applicant's address, phone and e-mail as the receipt prints them (Mẫu số 01): what the
 * citizen typed in the form first, then the record (current residence, else permanent).
 */
export function applicantContact(
  record: CitizenRecord,
  form: Readonly<Record<string, FieldValue>>,
): ApplicantContact {
  const address = addressLine(record.currentResidence ?? record.permanentResidence);
  const phone = textValue(form['phone']) ?? record.phone;
  const email = textValue(form['email']) ?? record.email;
  return {
    ...(address ? { address } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
}
