import { describe, expect, it } from 'vitest';
import type { ReceiptView } from '@kiosk/protocol';
import {
  IDENTITY_ASSURANCE_TEXT,
  printJobId,
  RECEIPT_STATUS_TEXT,
  receiptToSlip,
  SEE_CARD_TEXT,
} from './receipt-slip';

const RECEIPT: ReceiptView = {
  dossierCode: 'G01.99-261128-0042',
  centreName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH ĐỒNG THỬ',
  receivingUnit: 'Bộ phận Một cửa',
  applicantName: 'Lê Bảo Yến',
  procedureCode: '1.001',
  procedureName: 'Đăng ký thường trú',
  documents: ['Tờ khai thay đổi thông tin cư trú', 'Giấy tờ chứng minh chỗ ở hợp pháp'],
  processingTime: '07 ngày làm việc',
  receivedAt: '2026-11-28T09:15:00+07:00',
  appointmentAt: '2026-12-09T08:00:00+07:00',
  collectAt: 'Quầy trả kết quả số 3',
  status: 'received',
  lookupUrl: 'https://dichvucong.example.gov.vn/tra-cuu?ma=G01.99-261128-0042',
  trackingHint: 'Tra cứu trên Cổng dịch vụ công',
  smsShortCode: '8088',
  kioskId: 'KIOSK-07',
  identityAssurance: 'chip-verified',
};

describe('receiptToSlip', () => {
  it('maps every field of the receipt to the printed slip', () => {
    expect(receiptToSlip(RECEIPT)).toEqual({
      kind: 'receipt',
      centreName: RECEIPT.centreName,
      dossierCode: RECEIPT.dossierCode,
      receivingUnit: RECEIPT.receivingUnit,
      applicantName: RECEIPT.applicantName,
      procedureName: RECEIPT.procedureName,
      documentsReceived: RECEIPT.documents,
      processingTimeByLaw: '07 ngày làm việc',
      receivedAt: RECEIPT.receivedAt,
      appointmentAt: RECEIPT.appointmentAt,
      resultCollectionPlace: 'Quầy trả kết quả số 3',
      status: 'Đã tiếp nhận. Danh tính: chip đã xác thực chữ ký',
      statusLookupUrl: RECEIPT.lookupUrl,
      trackingWebsite: 'dichvucong.example.gov.vn',
      trackingSms: 'tình trạng hồ sơ được nhắn từ đầu số 8088',
      kioskId: 'KIOSK-07',
    });
  });

  it('writes the queued status in Vietnamese and marks a reprint', () => {
    const slip = receiptToSlip(
      { ...RECEIPT, status: 'queued' },
      { reprintAt: '2026-11-29T10:00:00.000Z' },
    );
    expect(slip.status.startsWith(RECEIPT_STATUS_TEXT.queued)).toBe(true);
    expect(slip.reprint).toEqual({ reprintedAt: '2026-11-29T10:00:00.000Z' });
  });

  it('has no SMS line without a short code (no consent, or none configured)', () => {
    const { smsShortCode: _, ...withoutSms } = RECEIPT;
    const slip = receiptToSlip({ ...withoutSms, lookupUrl: 'https://example.invalid/test-print' });
    expect(slip.trackingSms).toBeUndefined();
    expect(slip.statusLookupUrl).toBe('https://example.invalid/test-print?ma=G01.99-261128-0042');
    expect(slip.trackingWebsite).toBe('example.invalid');
  });

  it('says below chip-verified that the officer must see the original card', () => {
    expect(receiptToSlip(RECEIPT).status).not.toContain(SEE_CARD_TEXT);
    for (const level of ['chip-unverified', 'document-only'] as const) {
      expect(receiptToSlip({ ...RECEIPT, identityAssurance: level }).status).toBe(
        `Đã tiếp nhận. ${IDENTITY_ASSURANCE_TEXT[level]}. Cán bộ cần kiểm tra thẻ căn cước gốc`,
      );
    }
    // A receipt stored before the levels existed proves nothing either.
    const { identityAssurance: _none, ...older } = RECEIPT;
    expect(receiptToSlip(older).status).toBe(`Đã tiếp nhận. ${SEE_CARD_TEXT}`);
  });

  it('refuses a receipt the printer could not print faithfully', () => {
    expect(() => receiptToSlip({ ...RECEIPT, receivedAt: 'yesterday' })).toThrow();
    expect(() => receiptToSlip({ ...RECEIPT, lookupUrl: 'not a url' })).toThrow();
  });
});

describe('printJobId', () => {
  it('is the same for a retry and different for a staff reprint', () => {
    expect(printJobId(RECEIPT)).toBe(printJobId({ ...RECEIPT }));
    const reprint = printJobId(RECEIPT, { reprintAt: '2026-11-29T10:00:00.000Z' });
    expect(reprint).not.toBe(printJobId(RECEIPT));
    expect(reprint).not.toBe(printJobId(RECEIPT, { reprintAt: '2026-11-29T11:00:00.000Z' }));
  });
});

describe('receiptToSlip: appointment notes and the phiếu', () => {
  it('marks an appointment from an unconfirmed holiday table "dự kiến", a same-day one "Trong ngày"', () => {
    expect(receiptToSlip({ ...RECEIPT, appointmentProvisional: true }).appointmentNote).toBe(
      'dự kiến',
    );
    expect(receiptToSlip({ ...RECEIPT, sameDay: true }).appointmentNote).toBe('Trong ngày');
    expect(receiptToSlip(RECEIPT).appointmentNote).toBeUndefined();
  });
  it('a phiếu is always "dự kiến", has its own print job and is never titled a receipt', () => {
    const phieu = { ...RECEIPT, kind: 'submissionSlip' as const, intake: 'counter' as const };
    const slip = receiptToSlip(phieu);
    expect(slip.kind).toBe('submissionSlip');
    expect(slip.title).toBeUndefined();
    expect(slip.appointmentNote).toBe('dự kiến');
    expect(printJobId(phieu)).not.toBe(printJobId(RECEIPT));
  });
  it('prints a free procedure\'s fee as "Không" and a fee with its paid status', () => {
    expect(receiptToSlip({ ...RECEIPT, fee: { amountVnd: 0, paid: false } }).fee).toEqual({
      text: 'Không',
    });
    expect(receiptToSlip({ ...RECEIPT, fee: { amountVnd: 200000, paid: false } }).fee).toEqual({
      text: '200.000 đ',
      paid: false,
    });
  });
});
