import { describe, expect, it } from 'vitest';
import { cardGenerationOf, printedPlaces } from './card-generation';
import { cardDocumentToRecord, cccdQrToRecord } from './identity-records';

describe('card generations', () => {
  it('tells the 2021 CCCD from the 2024 thẻ căn cước by the date of issue', () => {
    expect(cardGenerationOf('2024-06-30')).toBe('cccd-2021');
    expect(cardGenerationOf('2024-07-01')).toBe('can-cuoc-2024');
    expect(cardGenerationOf(undefined)).toBe('cccd-2021');
  });

  it('reads the 2024 card’s places as nơi đăng ký khai sinh and nơi cư trú, never thường trú', () => {
    const places = {
      first: 'Xã Hải Anh, Tỉnh Ninh Bình',
      second: 'Số 1, Phường Ba Đình, Thành phố Hà Nội',
    };
    expect(printedPlaces('can-cuoc-2024', places)).toEqual({
      birthRegistrationPlace: { province: 'Tỉnh Ninh Bình', commune: 'Xã Hải Anh' },
      residence: { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình', detail: 'Số 1' },
    });
    expect(Object.keys(printedPlaces('cccd-2021', places))).toEqual([
      'placeOfOrigin',
      'permanentResidence',
    ]);
  });

  it('applies it to the chip’s DG13 and to the QR', () => {
    const chip = cardDocumentToRecord({
      personalId: '001097012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1997-09-19',
      sex: 'M',
      placeOfOrigin: 'Xã Hải Anh, Tỉnh Ninh Bình',
      placeOfResidence: 'Số 1, Phường Ba Đình, Thành phố Hà Nội',
      dateOfIssue: '2024-07-27',
    } as Parameters<typeof cardDocumentToRecord>[0]);
    expect(chip.permanentResidence).toBeUndefined();
    expect(chip.residence?.commune).toBe('Phường Ba Đình');
    const qr = cccdQrToRecord({
      generation: 'can-cuoc-2024',
      personalId: '001097012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1997-09-19',
      sex: 'M',
      address: 'Số 1, Phường Ba Đình, Thành phố Hà Nội',
      dateOfIssue: '2024-07-27',
      extraFields: ['x'],
    });
    expect(qr.permanentResidence).toBeUndefined();
    expect(qr.residence?.province).toBe('Thành phố Hà Nội');
  });
});
