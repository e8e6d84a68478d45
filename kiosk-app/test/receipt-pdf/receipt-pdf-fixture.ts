import { readFileSync } from 'node:fs';
import type { ReceiptPdfContent } from '../../src/core/receipt-pdf/receipt-pdf-content';
import type { ReceiptPdfOptions } from '../../src/core/receipt-pdf/receipt-pdf-document';

/** Debian fonts-noto-core (installed by .ci/install-system-packages.sh). */
export const NOTO_SANS = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf';

/** A synthetic receipt: no real person, a dossier code of the kiosk's format. */
export function syntheticReceipt(status: ReceiptPdfContent['fee']['status']): ReceiptPdfContent {
  return {
    dossierCode: 'H29.12-261207-3001',
    centreName: 'Trung tâm Phục vụ hành chính công (thử nghiệm)',
    receivingUnit: 'Công an phường Thử Nghiệm',
    applicantName: 'Trần Thị Mẫu',
    procedureName: 'Đăng ký thường trú',
    receivedAt: '09 giờ 00, Thứ Hai 07/12/2026',
    appointmentAt: '09 giờ 00, Thứ Tư 16/12/2026',
    collectAt: 'Quầy số 3',
    lookupUrl: 'https://dichvucong.example.invalid/tra-cuu/H29.12-261207-3001',
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
