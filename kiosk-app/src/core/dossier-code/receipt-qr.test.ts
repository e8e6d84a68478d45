import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyQr } from './classify-qr';
import { formatCccdQr, QrError } from '@kiosk/id-card/qr';
import { isDossierCode, parseDossierCode } from './dossier-code-format';
import { formatReceiptQr, parseReceiptQr } from './receipt-qr';

const dossierCode = fc
  .tuple(
    fc.stringMatching(/^[A-Z0-9]{1,3}(\.[A-Z0-9]{1,3}){0,3}$/),
    fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 9999 }),
  )
  .map(
    ([unit, d, n]) =>
      `${unit}-${d.toISOString().slice(2, 10).replace(/-/g, '')}-${String(n).padStart(4, '0')}`,
  );

describe('receipt QR', { timeout: 60_000 }, () => {
  it('parses both forms', () => {
    expect(parseReceiptQr('KIOSK1|000.00.15.H29-261128-0042')).toEqual({
      form: 'plain',
      dossier: {
        code: '000.00.15.H29-261128-0042',
        unitCode: '000.00.15.H29',
        receivedOn: '2026-11-28',
        sequence: 42,
      },
    });
    const url = formatReceiptQr('H29.22-261128-0001', 'https://dvc.example.vn/tra-cuu');
    expect(url).toBe('https://dvc.example.vn/tra-cuu?ma=H29.22-261128-0001');
    expect(parseReceiptQr(url).dossier.sequence).toBe(1);
  });

  it('refuses codes with impossible dates or the wrong shape', () => {
    for (const bad of [
      'KIOSK1|H29-261332-0001',
      'KIOSK1|H29-260230-0001',
      'KIOSK1|H29-261128-001',
      'KIOSK1|-261128-0001',
      'https://x.vn/tra-cuu',
    ]) {
      expect(() => parseReceiptQr(bad)).toThrow(QrError);
    }
    expect(() => parseDossierCode('h29-261128-0001')).toThrow(QrError);
  });

  it('round-trips every dossier code in both forms (property)', () => {
    fc.assert(
      fc.property(dossierCode, fc.boolean(), (code, asUrl) => {
        const text = formatReceiptQr(
          code,
          asUrl ? 'https://kiosk.example.vn/hcc/tra-cuu' : undefined,
        );
        expect(parseReceiptQr(text).dossier.code).toBe(code);
        expect(classifyQr(text).kind).toBe('receipt');
      }),
    );
  });
});

describe('classifyQr', { timeout: 60_000 }, () => {
  it('tells a CCCD from a receipt from anything else', () => {
    const today = new Date(Date.UTC(2026, 10, 28));
    const cccd = formatCccdQr({
      personalId: '001090012345',
      fullName: 'Trần An',
      dateOfBirth: '1990-01-01',
      sex: 'M',
      address: 'Huế',
      dateOfIssue: '2022-01-01',
    });
    expect(classifyQr(cccd, { today }).kind).toBe('cccd');
    expect(classifyQr('KIOSK1|H29-261128-0001').kind).toBe('receipt');
    expect(classifyQr('https://example.com/').kind).toBe('unknown');
    expect(classifyQr('001090012345|bad').kind).toBe('unknown');
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(['cccd', 'receipt', 'unknown']).toContain(classifyQr(text).kind);
      }),
    );
  });
});

describe('isDossierCode', () => {
  it('says yes to a code the kiosk writes and no to anything parseDossierCode refuses', () => {
    expect(isDossierCode('H29.-261207-0001')).toBe(true);
    expect(isDossierCode('h29.-261207-0001')).toBe(false);
    expect(isDossierCode('H29.-261332-0001')).toBe(false);
    fc.assert(
      fc.property(fc.string(), (text) => {
        let parses = true;
        try {
          parseDossierCode(text);
        } catch {
          parses = false;
        }
        expect(isDossierCode(text)).toBe(parses);
      }),
    );
  });
});
