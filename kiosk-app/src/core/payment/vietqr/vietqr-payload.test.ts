import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, crc16Hex } from './crc16-ccitt-false';
import { decodeDataObjects } from './emv-tlv';
import { VietQrError } from './vietqr-error';
import { decodeVietQr, encodeVietQr, NAPAS_GUID } from './vietqr-payload';
import type { VietQrTransfer } from './vietqr-payload';

/**
 * Published VietQR payloads made by code the project did not write: the test table of
 * github.com/subiz/vietqr (vietqr_test.go; the repository archives the NAPAS VietQR specification
 * in /spec) and the README of github.com/sunary/vietqr. Each is reproduced byte for byte.
 */
const PUBLISHED: readonly { source: string; transfer: VietQrTransfer; payload: string }[] = [
  {
    source: 'subiz/vietqr vietqr_test.go #0 (static, no purpose)',
    transfer: { acquirerBin: '970423', accountNumber: '0099999999' },
    payload:
      '00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4',
  },
  {
    source: 'subiz/vietqr vietqr_test.go #1 (dynamic, amount, purpose)',
    transfer: {
      acquirerBin: '970422',
      accountNumber: '0023457923442',
      amountVnd: 40123,
      purpose: 'test text string',
    },
    payload:
      '00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6',
  },
  {
    source: 'subiz/vietqr vietqr_test.go #3 (purpose without diacritics)',
    transfer: {
      acquirerBin: '970422',
      accountNumber: '0023457923442',
      amountVnd: 40123,
      purpose: 'chuyen khoan',
    },
    payload:
      '00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62160812chuyen khoan6304722F',
  },
  {
    source: 'subiz/vietqr vietqr_test.go #5 (19-character account, 25-character purpose)',
    transfer: {
      acquirerBin: '970422',
      accountNumber: '0023457923442ASDFLJ',
      amountVnd: 40123,
      purpose: 'chuyen khoan alsdkf laksj',
    },
    payload:
      '00020101021238630010A0000007270133000697042201190023457923442ASDFLJ0208QRIBFTTA53037045405401235802VN62290825chuyen khoan alsdkf laksj6304E5DB',
  },
  {
    source: 'subiz/vietqr README (120 000 đồng to 970415)',
    transfer: {
      acquirerBin: '970415',
      accountNumber: '0011001932418',
      amountVnd: 120000,
      purpose: 'ung ho lu lut',
    },
    payload:
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
  },
  {
    source: 'sunary/vietqr README (static, purpose)',
    transfer: { acquirerBin: '970407', accountNumber: '9796868', purpose: 'gen by sunary/vietqr' },
    payload:
      '00020101021138510010A00000072701210006970407010797968680208QRIBFTTA53037045802VN62240820gen by sunary/vietqr6304BE74',
  },
];

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof VietQrError) return error.code;
    throw error;
  }
  return 'no error';
}

const transfers = fc.record(
  {
    acquirerBin: fc.stringMatching(/^\d{6}$/),
    accountNumber: fc.stringMatching(/^[A-Za-z0-9]{1,19}$/),
    amountVnd: fc.integer({ min: 1, max: 9_999_999_999_999 }),
    purpose: fc.stringMatching(/^[\x20-\x7e]{1,25}$/),
  },
  { requiredKeys: ['acquirerBin', 'accountNumber'] },
);

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the catalogue check value 0x29B1 for "123456789"', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
    expect(crc16Hex('')).toBe('FFFF');
  });
});

describe('VietQR payload', () => {
  it.each(PUBLISHED)('encodes as published: $source', ({ transfer, payload }) => {
    expect(encodeVietQr(transfer)).toBe(payload);
  });

  it.each(PUBLISHED)('decodes the published payload: $source', ({ transfer, payload }) => {
    expect(decodeVietQr(payload)).toEqual({
      ...transfer,
      dynamic: transfer.amountVnd !== undefined,
      serviceCode: 'QRIBFTTA',
    });
  });

  it('writes a dossier code into the purpose (ID 62-08) with the NAPAS GUID and VND', () => {
    const payload = encodeVietQr({
      acquirerBin: '970415',
      accountNumber: '113366668888',
      amountVnd: 200000,
      purpose: 'H29.12-261207-3001',
    });
    const root = decodeDataObjects(payload);
    expect(root.map((object) => object.id)).toEqual([
      '00',
      '01',
      '38',
      '53',
      '54',
      '58',
      '62',
      '63',
    ]);
    expect(root.find((object) => object.id === '38')?.value.slice(0, 14)).toBe(`0010${NAPAS_GUID}`);
    expect(root.find((object) => object.id === '62')?.value).toBe('0818H29.12-261207-3001');
  });

  it('refuses what a bank app could not carry', () => {
    const base = { acquirerBin: '970415', accountNumber: '1' };
    expect(errorCode(() => encodeVietQr({ ...base, acquirerBin: '97041' }))).toBe(
      'VIETQR_VALUE_INVALID',
    );
    expect(errorCode(() => encodeVietQr({ ...base, amountVnd: 0 }))).toBe('VIETQR_VALUE_INVALID');
    expect(errorCode(() => encodeVietQr({ ...base, amountVnd: 1.5 }))).toBe('VIETQR_VALUE_INVALID');
    expect(errorCode(() => encodeVietQr({ ...base, purpose: 'lệ phí' }))).toBe(
      'VIETQR_VALUE_INVALID',
    );
    expect(errorCode(() => encodeVietQr({ ...base, purpose: 'x'.repeat(26) }))).toBe(
      'VIETQR_VALUE_INVALID',
    );
  });

  it('names what is wrong with a payload', () => {
    const good = PUBLISHED[1]!.payload;
    expect(errorCode(() => decodeVietQr(good.slice(0, -8)))).toBe('EMV_CRC_MISSING');
    expect(errorCode(() => decodeVietQr(`${good.slice(0, -4)}d9c6`))).toBe('EMV_CRC_MISMATCH');
    expect(errorCode(() => decodeVietQr(good.replace('5303704', '5303840')))).toBe(
      'EMV_CRC_MISMATCH',
    );
    const resealed = (body: string) => `${body}6304${crc16Hex(`${body}6304`)}`;
    expect(errorCode(() => decodeVietQr(resealed('000201010212530384058' + '02VN')))).toBe(
      'EMV_FIELD_MISSING',
    );
    const foreignGuid = good.slice(0, -8).replace(NAPAS_GUID, 'A000000677');
    expect(errorCode(() => decodeVietQr(resealed(foreignGuid)))).toBe('VIETQR_NOT_NAPAS');
    const dollars = good.slice(0, -8).replace('5303704', '5303840');
    expect(errorCode(() => decodeVietQr(resealed(dollars)))).toBe('EMV_FIELD_INVALID');
    expect(errorCode(() => decodeVietQr(resealed('000201000201')))).toBe('EMV_TLV_DUPLICATE_TAG');
    expect(errorCode(() => decodeVietQr(resealed('0002015')))).toBe('EMV_TLV_MALFORMED');
    expect(errorCode(() => decodeVietQr('0'.repeat(600)))).toBe('EMV_TLV_MALFORMED');
  });

  it('round-trips every transfer it can encode (property)', () => {
    fc.assert(
      fc.property(transfers, (transfer) => {
        const decoded = decodeVietQr(encodeVietQr(transfer));
        expect(decoded).toEqual({
          ...transfer,
          dynamic: transfer.amountVnd !== undefined,
          serviceCode: 'QRIBFTTA',
        });
      }),
    );
  });

  it('turns any one changed character into a VietQrError (property)', () => {
    fc.assert(
      fc.property(
        transfers,
        fc.nat(),
        fc.integer({ min: 0x20, max: 0x7e }),
        (transfer, at, code) => {
          const payload = encodeVietQr(transfer);
          const index = at % payload.length;
          const replacement = String.fromCharCode(code);
          fc.pre(payload[index] !== replacement);
          const corrupted = payload.slice(0, index) + replacement + payload.slice(index + 1);
          expect(() => decodeVietQr(corrupted)).toThrow(VietQrError);
        },
      ),
    );
  });

  it('turns a dropped or inserted character into a VietQrError (property)', () => {
    fc.assert(
      fc.property(transfers, fc.nat(), fc.boolean(), (transfer, at, drop) => {
        const payload = encodeVietQr(transfer);
        const index = at % payload.length;
        const corrupted = drop
          ? payload.slice(0, index) + payload.slice(index + 1)
          : `${payload.slice(0, index)}0${payload.slice(index)}`;
        expect(() => decodeVietQr(corrupted)).toThrow(VietQrError);
      }),
    );
  });

  it('answers any string with a result or a VietQrError, nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        try {
          decodeVietQr(text);
        } catch (error) {
          expect(error).toBeInstanceOf(VietQrError);
        }
      }),
    );
  });
});
