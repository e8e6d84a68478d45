import { readFileSync } from 'node:fs';
import type { ReceiptPdfContent } from '../../src/core/receipt-pdf/receipt-pdf-content';
import type { ReceiptPdfOptions } from '../../src/core/receipt-pdf/receipt-pdf-document';

/** Debian fonts-noto-core (installed by .ci/install-system-packages.sh). */
export const NOTO_SANS = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf';

/** A synthetic receipt: no real person, a dossier code of the kiosk's format. */
export function syntheticReceipt(status: ReceiptPdfContent['fee']['status']): ReceiptPdfContent {
  return {
    receipt: {
      dossierCode: 'H29.12-261207-3001',
      centreName: 'Trung tâm Phục vụ hành chính công (thử nghiệm)',
      receivingUnit: 'Công an phường Thử Nghiệm',
      applicantName: 'Trần Thị Mẫu',
      procedureCode: '1.004222',
      procedureName: 'Đăng ký thường trú',
      documents: ['Tờ khai thay đổi thông tin cư trú'],
      processingTime: '7 ngày làm việc',
      receivedAt: '07/12/2026 09:00',
      appointmentAt: '16/12/2026 09:00',
      collectAt: 'Quầy số 3',
      status: 'received',
      lookupUrl: 'https://dichvucong.example.invalid/tra-cuu',
      trackingHint: '',
      kioskId: 'kiosk-test',
    },
    fee: { amountVnd: 20000, status },
  };
}

export function pdfOptions(): ReceiptPdfOptions {
  return {
    fontBytes: readFileSync(NOTO_SANS),
    signerName: 'Trung tâm Phục vụ hành chính công (thử nghiệm)',
    location: 'Việt Nam',
    createdAt: new Date('2026-12-07T02:00:00Z'),
  };
}
