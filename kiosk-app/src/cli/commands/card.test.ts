import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardRead, keysFromQrText } from './card';

describe('kiosk card read', () => {
  it('derives access keys from the raw CCCD QR text', () => {
    const keys = keysFromQrText(
      '001085012345|123456789|Nguyễn Văn An|15031985|Nam|Số 1, Hà Nội|01062021',
    );
    expect(keys[0]).toEqual({
      kind: 'mrz',
      documentNumber: '085012345',
      dateOfBirth: '850315',
      dateOfExpiry: '250315',
    });
  });

  it('rejects QR text without an ID and two dates, with a plain message (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          keysFromQrText(text);
        } catch (e) {
          expect((e as Error).name).toBe('CliError');
        }
      }),
    );
  });

  it('needs exactly one key option', async () => {
    await expect(cardRead({ reader: 'R', mrz: 'x', can: '123456' })).rejects.toThrow(/exactly one/);
    await expect(cardRead({ reader: 'R', can: '12' })).rejects.toThrow(/INVALID_ARGUMENT/);
  });
});
