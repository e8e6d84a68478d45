import { describe, expect, it } from 'vitest';
import { formatReceiptQr } from '../dossier-code';
import { qrView } from './device-test-actions';

describe("the technician's QR test", () => {
  it('names a posted procedure QR and its code, and why another web address is none', () => {
    const posted =
      'https://vpcp.dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004194';
    expect(qrView(posted)).toEqual({
      outcome: 'scanned',
      kind: 'procedure',
      text: posted,
      fields: { procedureCode: '1.004194' },
    });
    expect(qrView('https://example.vn/')).toMatchObject({
      kind: 'unknown',
      fields: { error: 'PROCEDURE_QR_NOT_PORTAL' },
    });
    const receipt = formatReceiptQr('H29-261128-3001', 'https://dvc.example.vn/tra-cuu');
    expect(qrView(receipt)).toMatchObject({
      kind: 'receipt',
      fields: { dossierCode: 'H29-261128-3001' },
    });
  });
});
