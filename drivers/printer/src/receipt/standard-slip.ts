import type { ReceiptSlip } from './receipt-slip';
import { defaultTemplate, type ReceiptTemplate } from './receipt-template';

/**
 * The standard slip: synthetic data (no real person) used by the golden tests, the bench and the
 * documentation. Its text exercises Đ/đ, all five tones and the letters ă â ê ô ơ ư in both cases.
 */
export const STANDARD_SLIP: ReceiptSlip = {
  kind: 'receipt',
  formReference: 'Mẫu số 01 - Thông tư 01/2018/TT-VPCP',
  copyMark: 'Liên 1: Giao người nộp hồ sơ',
  centreName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH ĐỒNG THỬ',
  dossierCode: 'G01.99-261128-0042',
  receivingUnit: 'Bộ phận Một cửa - Sở Tư pháp',
  applicantName: 'ĐẶNG THỊ NGỌC ÁNH',
  applicantAddress: 'Số 12 đường Thử Nghiệm, phường Mẫu Sơn, tỉnh Đồng Thử',
  applicantPhone: '0900000000',
  applicantEmail: 'ngocanh@example.vn',
  procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  documentsReceived: [
    'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (bản chính)',
    'Căn cước công dân (bản chụp)',
    'Giấy ủy quyền (nếu có)',
  ],
  documents: [
    { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', originals: 1, copies: 0 },
    { name: 'Giấy ủy quyền', originals: 1, copies: 1 },
  ],
  sets: 1,
  processingTimeByLaw: '10 ngày làm việc',
  receivedAt: '2026-11-28T02:15:00Z',
  appointmentAt: '2026-12-11T08:00:00Z',
  resultCollectionPlace: 'Quầy số 5, tầng 1, Trung tâm Phục vụ hành chính công tỉnh',
  appointmentNote: 'dự kiến',
  status: 'Đã tiếp nhận, đang xử lý',
  fee: { text: '200.000 đồng', paid: false },
  register: { book: '01/2026', entry: '0042' },
  receivingOfficer: 'Tiếp nhận tự động',
  statusLookupUrl: 'https://dichvucong.example.gov.vn/tra-cuu?ma=G01.99-261128-0042',
  trackingWebsite: 'dichvucong.example.gov.vn',
  trackingSms: 'Soạn HS G01.99-261128-0042 gửi 8088',
  kioskId: 'KIOSK-07',
};

export const STANDARD_TEMPLATE: ReceiptTemplate = defaultTemplate([
  'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THỬ',
]);
