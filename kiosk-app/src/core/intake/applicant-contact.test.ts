/** Issue 16: the receipt prints the applicant's address as the review screen shows it. */
import { formatAddress, type CitizenRecord } from '@kiosk/forms';
import { describe, expect, it } from 'vitest';
import { applicantContact } from './applicant-contact';

const RECORD: CitizenRecord = {
  personalId: '001099000123',
  fullName: 'Công dân Thử Nghiệm',
  dateOfBirth: '1990-01-02',
  sex: 'F',
  // An old three-level address as the official table converts it (NQ 1675/NQ-UBTVQH15).
  currentResidence: {
    detail: 'Số 2 đường Thử',
    province: 'Thành phố Huế',
    commune: 'Phường Thuận Hóa',
    district: 'Thành phố Huế',
    former: 'Phường Phú Hội, Thành phố Huế, Tỉnh Thừa Thiên Huế',
  },
  phone: '0900000000',
} as CitizenRecord;

describe('applicantContact', () => {
  it('prints the converted address in two levels, as the review screen shows it', () => {
    const contact = applicantContact(RECORD, {});
    expect(contact.address).toBe('Số 2 đường Thử, Phường Thuận Hóa, Thành phố Huế');
    expect(contact.address).toBe(
      formatAddress(RECORD.currentResidence ?? { province: '', commune: '' }),
    );
  });

  it('takes the phone and e-mail typed in the form before the record', () => {
    expect(applicantContact(RECORD, { phone: ' 0911111111 ', email: 'a@example.vn' })).toEqual({
      address: 'Số 2 đường Thử, Phường Thuận Hóa, Thành phố Huế',
      phone: '0911111111',
      email: 'a@example.vn',
    });
  });

  it('prints no address line when the record has none', () => {
    const { currentResidence: _, ...withoutAddress } = RECORD;
    expect(applicantContact(withoutAddress, {}).address).toBeUndefined();
  });
});
