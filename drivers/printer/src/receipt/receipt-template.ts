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
});
export type ReceiptLabels = z.infer<typeof ReceiptLabelsSchema>;

export const ReceiptTemplateSchema = z.object({
  id: z.string(),
  headerLines: z.array(z.string()),
  footerLines: z.array(z.string()),
  labels: ReceiptLabelsSchema,
  /** IANA time zone the times are printed in. */
  timeZone: z.string(),
  /** The dossier code is also printed as a CODE128 barcode for the counter's scanner. */
  dossierBarcode: z.boolean(),
});
export type ReceiptTemplate = z.infer<typeof ReceiptTemplateSchema>;

export const DEFAULT_LABELS: ReceiptLabels = {
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
};

/** A template for a centre with the official labels and a generic header. */
export function defaultTemplate(centreHeader: readonly string[] = []): ReceiptTemplate {
  return {
    id: 'default',
    headerLines: [...centreHeader],
    footerLines: ['Xin cảm ơn Ông/Bà!', 'Vui lòng mang theo giấy này khi nhận kết quả.'],
    labels: DEFAULT_LABELS,
    timeZone: 'Asia/Ho_Chi_Minh',
    dossierBarcode: true,
  };
}
