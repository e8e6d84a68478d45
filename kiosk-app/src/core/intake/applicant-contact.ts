import { formatAddress, type Address, type CitizenRecord, type FieldValue } from '@kiosk/forms';

export interface ApplicantContact {
  readonly address?: string;
  readonly phone?: string;
  readonly email?: string;
}

/** The two-level address as the review screen shows it (the one formatter). */
function addressLine(address: Address | undefined): string | undefined {
  const line = address ? formatAddress(address) : '';
  return line !== '' ? line : undefined;
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
