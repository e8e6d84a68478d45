import type { ReceiptSlip } from './receipt-slip';
import { defaultTemplate, type ReceiptTemplate } from './receipt-template';

/**
 * The standard slip: synthetic data (no real person) used by the golden tests, the bench and the
 * documentation. Its text exercises Đ/đ, all five tones and the letters ă â ê ô ơ ư in both cases.
 */
export const STANDARD_SLIP: ReceiptSlip = {
  centreName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH ĐỒNG THỬ',
  dossierCode: 'G01.99-261128-0042',
  receivingUnit: 'Bộ phận Một cửa - Sở Tư pháp',
  applicantName: 'ĐẶNG THỊ NGỌC ÁNH',
  procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  documentsReceived: [
    'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (bản chính)',
    'Căn cước công dân (bản chụp)',
    'Giấy ủy quyền (nếu có)',
  ],
  processingTimeByLaw: '10 ngày làm việc',
  receivedAt: '2026-11-28T02:15:00Z',
  appointmentAt: '2026-12-11T08:00:00Z',
  resultCollectionPlace: 'Quầy số 5, tầng 1, Trung tâm Phục vụ hành chính công tỉnh',
  status: 'Đã tiếp nhận, đang xử lý',
  statusLookupUrl: 'https://dichvucong.example.gov.vn/tra-cuu?ma=G01.99-261128-0042',
  trackingWebsite: 'dichvucong.example.gov.vn',
  trackingSms: 'Soạn HS G01.99-261128-0042 gửi 8088',
  kioskId: 'KIOSK-07',
};

export const STANDARD_TEMPLATE: ReceiptTemplate = defaultTemplate([
  'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THỬ',
]);
