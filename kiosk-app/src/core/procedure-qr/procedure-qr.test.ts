import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  INTERNAL_ID_PAGE,
  isWebAddress,
  MINISTRY_PROCEDURE_PAGE,
  parseProcedureQr,
  PROCEDURE_PAGE,
  procedurePortalUrl,
  ProcedureQrError,
  type ProcedureQrErrorCode,
} from './procedure-qr';

const nationalCode = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([a, b]) => `${a}.${String(b).padStart(6, '0')}`);

function errorCodeOf(text: string): ProcedureQrErrorCode | 'parsed' {
  try {
    parseProcedureQr(text);
    return 'parsed';
  } catch (error) {
    if (error instanceof ProcedureQrError) return error.code;
    throw error;
  }
}

describe('parseProcedureQr', () => {
  it('reads the national code from both procedure pages and the portal hosts', () => {
    expect(
      parseProcedureQr(
        'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193',
      ),
    ).toEqual({ code: '1.001193' });
    expect(
      parseProcedureQr(
        ' https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004222\r\n',
      ),
    ).toEqual({ code: '1.004222' });
    expect(
      parseProcedureQr(
        'http://vpcp.dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.005108',
      ),
    ).toEqual({ code: '1.005108' });
  });

  it("takes the national code out of a province's local code", () => {
    expect(
      parseProcedureQr(
        'https://thutuc.dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=2.000815.000.00.00.H55',
      ),
    ).toEqual({ code: '2.000815', localCode: '2.000815.000.00.00.H55' });
  });

  it('names why a text is not a procedure QR', () => {
    const page = `https://dichvucong.gov.vn${PROCEDURE_PAGE}`;
    const cases: [string, ProcedureQrErrorCode][] = [
      ['001090012345|123456789|Nguyễn Văn A|01011990|Nam|Hà Nội|01012021', 'PROCEDURE_QR_NOT_URL'],
      ['', 'PROCEDURE_QR_NOT_URL'],
      ['ftp://dichvucong.gov.vn/x', 'PROCEDURE_QR_NOT_URL'],
      [`${page}?ma_thu_tuc=1.004222 x`, 'PROCEDURE_QR_NOT_URL'],
      [
        'https://example.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004222',
        'PROCEDURE_QR_NOT_PORTAL',
      ],
      [
        'https://dichvucong.gov.vn.example.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004222',
        'PROCEDURE_QR_NOT_PORTAL',
      ],
      [
        'https://evil-dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004222',
        'PROCEDURE_QR_NOT_PORTAL',
      ],
      [
        'https://user@dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004222',
        'PROCEDURE_QR_NOT_PORTAL',
      ],
      [
        'https://dichvucong.gov.vn:8443/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004222',
        'PROCEDURE_QR_NOT_PORTAL',
      ],
      [
        'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html',
        'PROCEDURE_QR_NOT_PROCEDURE_PAGE',
      ],
      [`https://dichvucong.gov.vn${INTERNAL_ID_PAGE}?ma_thu_tuc=7603`, 'PROCEDURE_QR_PORTAL_ID'],
      [page, 'PROCEDURE_QR_NO_CODE'],
      [`${page}?ma_thu_tuc=1.04222`, 'PROCEDURE_QR_BAD_CODE'],
      [`${page}?ma_thu_tuc=1.004222&ma_thu_tuc=1.004194`, 'PROCEDURE_QR_BAD_CODE'],
      [`${page}?ma_thu_tuc=1.004222.000.00.00`, 'PROCEDURE_QR_BAD_CODE'],
    ];
    for (const [text, code] of cases) expect([text, errorCodeOf(text)]).toEqual([text, code]);
  });

  it('round-trips every national code through the portal URL on both pages', () => {
    fc.assert(
      fc.property(nationalCode, fc.boolean(), (code, ministry) => {
        expect(parseProcedureQr(procedurePortalUrl(code))).toEqual({ code });
        const url = `https://dichvucong.gov.vn${ministry ? MINISTRY_PROCEDURE_PAGE : PROCEDURE_PAGE}?ma_thu_tuc=${code}`;
        expect(parseProcedureQr(url).code).toBe(code);
      }),
    );
  });

  it('answers any text with a procedure or a ProcedureQrError, never another error', () => {
    const page = `https://dichvucong.gov.vn${PROCEDURE_PAGE}?ma_thu_tuc=`;
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string({ maxLength: 40 }).map((tail) => page + tail),
      fc.string({ minLength: 2040, maxLength: 2100 }).map((tail) => page + tail),
    );
    fc.assert(
      fc.property(text, (scanned) => {
        const outcome = errorCodeOf(scanned);
        if (outcome === 'parsed') expect(parseProcedureQr(scanned).code).toMatch(/^\d\.\d{6}$/);
      }),
    );
  });

  it('tells a web address from a CCCD QR', () => {
    expect(isWebAddress('https://example.vn/a')).toBe(true);
    expect(isWebAddress('001090012345|123456789|Nguyễn Văn A|01011990|Nam|Hà Nội|01012021')).toBe(
      false,
    );
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        expect(isWebAddress(url)).toBe(true);
      }),
    );
  });

  it('builds the portal URL only for a national code', () => {
    expect(procedurePortalUrl('1.004222')).toBe(
      'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004222',
    );
    expect(() => procedurePortalUrl('1.04222')).toThrow(RangeError);
  });
});
