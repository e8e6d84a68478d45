/** Issue 16: the receipt on screen words times as the paper does, in Vietnam time. */
import type { ReceiptView } from '@kiosk/protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { setupI18n } from '../i18n/i18n';
import { ReceiptCard } from './ReceiptCard';

setupI18n();

const RECEIPT: ReceiptView = {
  dossierCode: 'G01.99-261128-0007',
  centreName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  receivingUnit: 'Bộ phận Một cửa',
  applicantName: 'Công dân Thử Nghiệm',
  procedureCode: '1.004194',
  procedureName: 'Đăng ký thường trú',
  documents: ['Tờ khai thay đổi thông tin cư trú (CT01)'],
  processingTime: '07 ngày làm việc',
  // Stored in UTC: 02:15Z is 09:15 in Vietnam; 01:00Z on 9/12 is 08:00 there.
  receivedAt: '2026-11-28T02:15:00.000Z',
  appointmentAt: '2026-12-09T01:00:00.000Z',
  collectAt: 'Quầy trả kết quả số 3',
  status: 'queued',
  lookupUrl: 'https://dichvucong.example.gov.vn/tra-cuu?ma=G01.99-261128-0007',
  trackingHint: 'Tra cứu trên Cổng dịch vụ công',
  kioskId: 'KIOSK-07',
};

describe('ReceiptCard', () => {
  it('shows the times in Vietnam time, worded as the printed slip words them', () => {
    const html = renderToStaticMarkup(<ReceiptCard receipt={RECEIPT} />);
    // The same words the thermal slip prints for these instants (escpos-receipt-printer.test.ts).
    expect(html).toContain('09 giờ 15, Thứ Bảy 28/11/2026');
    expect(html).toContain('08 giờ 00, Thứ Tư 09/12/2026');
    expect(html).not.toContain('02:15');
  });
});
