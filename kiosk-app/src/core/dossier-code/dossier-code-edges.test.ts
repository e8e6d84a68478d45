/**
 * The edges of the dossier-code and receipt-QR parsers (outside input: a QR held to the camera,
 * a code typed at the status screen) that the mutation run found untested: impossible dates,
 * surrounding blanks, URLs that are not our lookup page, and what each refusal says.
 */
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../testing/thrown-by';
import { QrError } from '@kiosk/id-card/qr';
import { classifyQr } from './classify-qr';
import { parseDossierCode } from './dossier-code-format';
import { formatReceiptQr, isReceiptQrShape, parseReceiptQr } from './receipt-qr';

describe('parseDossierCode', () => {
  it.each([
    'H29-261328-0001',
    'H29-260028-0001',
    'H29-261100-0001',
    'H29-261132-0001',
    'H29-250229-0001',
    'H29-260431-0001',
  ])('refuses %s, a date that does not exist', (code) => {
    const error = thrownBy(QrError, () => parseDossierCode(code));
    expect(error.code).toBe('QR_DOSSIER_CODE');
    expect(error.message).toContain(`date ${code.slice(4, 10)} does not exist`);
    expect(error.field).toBe('dossierCode');
  });

  it('takes the last day of a month, and 29 February of a leap year', () => {
    expect(parseDossierCode('H29-240229-0001').receivedOn).toBe('2024-02-29');
    expect(parseDossierCode('H29-261231-0001').receivedOn).toBe('2026-12-31');
    expect(parseDossierCode('H29-260101-0001').receivedOn).toBe('2026-01-01');
  });

  it('reads a code with blanks around it, and says what a code looks like when it is none', () => {
    expect(parseDossierCode('  H29.22-261128-0042 \n')).toEqual({
      code: 'H29.22-261128-0042',
      unitCode: 'H29.22',
      receivedOn: '2026-11-28',
      sequence: 42,
    });
    const error = thrownBy(QrError, () => parseDossierCode('H29-2611-0042'));
    expect(error.message).toBe('a dossier code looks like <unit>-YYMMDD-NNNN');
    expect(error.field).toBe('dossierCode');
  });
});

describe('receipt QR edges', () => {
  it('takes only http(s) URLs that end at the lookup page', () => {
    expect(isReceiptQrShape('https://dvc.example.vn/tra-cuu?ma=H29-261128-0001')).toBe(true);
    expect(isReceiptQrShape('http://dvc.example.vn/tra-cuu/?ma=H29-261128-0001')).toBe(true);
    expect(isReceiptQrShape('ftp://dvc.example.vn/tra-cuu?ma=H29-261128-0001')).toBe(false);
    expect(isReceiptQrShape('https://dvc.example.vn/tra-cuu/other?ma=H29-261128-0001')).toBe(false);
    expect(isReceiptQrShape('  KIOSK1|H29-261128-0001  ')).toBe(true);
    expect(() => formatReceiptQr('H29-261128-0001', 'https://dvc.example.vn/tra-cuu/x')).toThrow(
      'the lookup URL must end in /tra-cuu',
    );
  });

  it('reads a receipt URL with blanks around it, and refuses one with no code', () => {
    expect(parseReceiptQr(' https://dvc.example.vn/tra-cuu?ma=H29-261128-0001 ').dossier.code).toBe(
      'H29-261128-0001',
    );
    const error = thrownBy(QrError, () => parseReceiptQr('https://dvc.example.vn/tra-cuu?x=1'));
    expect(error.code).toBe('QR_DOSSIER_CODE');
    expect(error.message).toBe('the receipt URL has no ma= parameter');
    expect(error.field).toBe('dossierCode');
    const other = thrownBy(QrError, () => parseReceiptQr('https://example.vn/other'));
    expect(other.code).toBe('QR_FORMAT');
    expect(other.message).toBe('not a receipt QR of this kiosk');
  });

  it('classifies a QR that is neither an ID card nor a receipt, saying so', () => {
    const classified = classifyQr('hello');
    expect(classified.kind).toBe('unknown');
    if (classified.kind !== 'unknown') return;
    expect(classified.error.code).toBe('QR_FORMAT');
    expect(classified.error.message).toBe('neither a CCCD nor a receipt QR');
    // A text with a bar is taken for a CCCD QR, and refused as one when it is not.
    const barred = classifyQr('a|b');
    expect(barred.kind).toBe('unknown');
    if (barred.kind === 'unknown')
      expect(barred.error.message).not.toBe('neither a CCCD nor a receipt QR');
  });
});
