import { describe, expect, it } from 'vitest';
import { loadProfile } from '../profile/load-profile';
import { renderReceipt } from '../render/render-receipt';
import { slipToElements } from './slip-layout';
import { STANDARD_SLIP, STANDARD_TEMPLATE } from './standard-slip';

const texts = (slip = STANDARD_SLIP): string[] =>
  slipToElements(slip, STANDARD_TEMPLATE).flatMap((e) => (e.kind === 'text' ? [e.text] : []));

describe('slip layout (Mẫu số 01, TT 01/2018/TT-VPCP)', () => {
  it('carries the national motto, the copy mark and the form reference', () => {
    const lines = texts();
    expect(lines).toEqual(
      expect.arrayContaining([
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Liên 1: Giao người nộp hồ sơ',
        'Mẫu số 01 - Thông tư 01/2018/TT-VPCP',
      ]),
    );
  });
  it('lists papers with original and copy counts, the sets, fee, register and officer', () => {
    const lines = texts();
    expect(lines).toContain('1. Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp - 01 bản chính');
    expect(lines).toContain('2. Giấy ủy quyền - 01 bản chính, 01 bản sao');
    expect(lines).toContain('Số lượng hồ sơ: 01 bộ');
    expect(lines).toContain('Phí, lệ phí: 200.000 đồng - Chưa thanh toán');
    expect(lines).toContain('Vào Sổ theo dõi hồ sơ: Quyển số 01/2026, Số thứ tự 0042');
    expect(lines).toContain('Người tiếp nhận: Tiếp nhận tự động');
    expect(lines.find((l) => l.startsWith('Thời gian hẹn trả kết quả'))).toMatch(/\(dự kiến\)$/);
  });
  it('a phiếu nộp hồ sơ has its own title and notice, never the receipt title', () => {
    const lines = texts({ ...STANDARD_SLIP, kind: 'submissionSlip', queueNumber: 'Q-007' });
    expect(lines).toContain('PHIẾU NỘP HỒ SƠ');
    expect(lines).not.toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(lines).toContain('Số thứ tự tại quầy: Q-007');
    expect(lines).toContain('Giấy tờ cần mang đến quầy:');
  });
});

describe('dossier barcode', () => {
  const GS_K_CODE128 = [0x1d, 0x6b, 73];
  const find = (bytes: Uint8Array, needle: readonly number[]): number =>
    Buffer.from(bytes).indexOf(Buffer.from(needle));

  it('prints GS k CODE128 of the dossier code, in code set B, when the template asks', () => {
    const { escpos: bytes } = renderReceipt(
      STANDARD_SLIP,
      loadProfile('epson-80mm-tcvn3'),
      STANDARD_TEMPLATE,
    );
    const at = find(bytes, GS_K_CODE128);
    expect(at).toBeGreaterThan(0);
    const data = [0x7b, 0x42, ...Buffer.from(STANDARD_SLIP.dossierCode, 'latin1')];
    expect([...bytes.slice(at + 3, at + 4 + data.length)]).toEqual([data.length, ...data]);
  });
  it('prints no barcode when the template says no', () => {
    const { escpos: bytes } = renderReceipt(STANDARD_SLIP, loadProfile('epson-80mm-tcvn3'), {
      ...STANDARD_TEMPLATE,
      dossierBarcode: false,
    });
    expect(find(bytes, GS_K_CODE128)).toBe(-1);
  });
});
