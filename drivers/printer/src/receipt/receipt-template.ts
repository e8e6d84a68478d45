import { z } from 'zod';

/**
 * What a centre configures about its slips: header and footer lines, labels, time zone. Labels
 * default to the wording of the official form; a centre may shorten them for 58 mm paper.
 */
export const ReceiptLabelsSchema = z.object({
  title: z.string(),
  dossierCode: z.string(),
  receivingUnit: z.string(),
  applicantName: z.string(),
  procedureName: z.string(),
  documentsReceived: z.string(),
  processingTimeByLaw: z.string(),
  receivedAt: z.string(),
  appointmentAt: z.string(),
  resultCollectionPlace: z.string(),
  status: z.string(),
  scanToTrack: z.string(),
  trackingWebsite: z.string(),
  trackingSms: z.string(),
  kioskId: z.string(),
  reprintMark: z.string(),
  reprintedAt: z.string(),
  submissionTitle: z.string().default('PHIẾU NỘP HỒ SƠ'),
  submissionNotice: z
    .string()
    .default('Phiếu này chưa phải giấy tiếp nhận hồ sơ. Mang phiếu và giấy tờ dưới đây đến quầy.'),
  queueNumber: z.string().default('Số thứ tự tại quầy'),
  queueCounter: z.string().default('Quầy'),
  ticketTitle: z.string().default('PHIẾU SỐ THỨ TỰ'),
  ticketWaiting: z.string().default('Số người đang chờ'),
  ticketIssuedAt: z.string().default('Thời gian lấy số'),
  ticketNotice: z.string().default('Vui lòng chờ gọi số và đến quầy được ghi trên phiếu.'),
  applicantAddress: z.string().default('Địa chỉ'),
  applicantPhone: z.string().default('Số điện thoại'),
  applicantEmail: z.string().default('Email'),
  documentsToBring: z.string().default('Giấy tờ cần mang đến quầy'),
  originals: z.string().default('bản chính'),
  copies: z.string().default('bản sao'),
  sets: z.string().default('Số lượng hồ sơ'),
  setsUnit: z.string().default('bộ'),
  submittedAt: z.string().default('Thời gian nộp'),
  fee: z.string().default('Phí, lệ phí'),
  feePaid: z.string().default('Đã thanh toán'),
  feeUnpaid: z.string().default('Chưa thanh toán'),
  register: z.string().default('Vào Sổ theo dõi hồ sơ'),
  registerBook: z.string().default('Quyển số'),
  registerEntry: z.string().default('Số thứ tự'),
  receivingOfficer: z.string().default('Người tiếp nhận'),
});
export type ReceiptLabels = z.output<typeof ReceiptLabelsSchema>;

/** Quốc hiệu and tiêu ngữ, at the head of every administrative form. */
export const NATIONAL_MOTTO: readonly string[] = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
];

export const ReceiptTemplateSchema = z.object({
  id: z.string(),
  headerLines: z.array(z.string()),
  mottoLines: z.array(z.string()).default([...NATIONAL_MOTTO]),
  footerLines: z.array(z.string()),
  labels: ReceiptLabelsSchema,
  /** IANA time zone the times are printed in. */
  timeZone: z.string(),
  /** The dossier code is also printed as a CODE128 barcode for the counter's scanner. */
  dossierBarcode: z.boolean(),
});
export type ReceiptTemplate = z.output<typeof ReceiptTemplateSchema>;

export const DEFAULT_LABELS: ReceiptLabels = ReceiptLabelsSchema.parse({
  title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  dossierCode: 'Mã hồ sơ',
  receivingUnit: 'Bộ phận tiếp nhận',
  applicantName: 'Người nộp',
  procedureName: 'Thủ tục',
  documentsReceived: 'Thành phần hồ sơ đã nhận',
  processingTimeByLaw: 'Thời hạn giải quyết theo quy định',
  receivedAt: 'Thời gian tiếp nhận',
  appointmentAt: 'Thời gian hẹn trả kết quả',
  resultCollectionPlace: 'Nơi nhận kết quả',
  status: 'Trạng thái',
  scanToTrack: 'Quét mã để tra cứu tình trạng hồ sơ',
  trackingWebsite: 'Tra cứu tại',
  trackingSms: 'Tra cứu qua SMS',
  kioskId: 'Máy',
  reprintMark: 'BẢN IN LẠI',
  reprintedAt: 'In lại lúc',
});

/** A template for a centre with the official labels and a generic header. */
export function defaultTemplate(centreHeader: readonly string[] = []): ReceiptTemplate {
  return {
    id: 'default',
    headerLines: [...centreHeader],
    mottoLines: [...NATIONAL_MOTTO],
    footerLines: ['Xin cảm ơn Ông/Bà!', 'Vui lòng mang theo giấy này khi nhận kết quả.'],
    labels: DEFAULT_LABELS,
    timeZone: 'Asia/Ho_Chi_Minh',
    dossierBarcode: true,
  };
}
