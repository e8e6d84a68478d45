import { z } from 'zod';

/** One paper of the dossier with how many originals (bản chính) and copies (bản sao). */
export const SlipDocumentSchema = z.object({
  name: z.string().min(1),
  originals: z.number().int().min(0).max(99),
  copies: z.number().int().min(0).max(99),
});
export type SlipDocument = z.infer<typeof SlipDocumentSchema>;

/**
 * The content of the "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (Mẫu số 01 of Thông tư
 * 01/2018/TT-VPCP, the form of the one-stop mechanism now governed by Nghị định 118/2025/NĐ-CP),
 * of the police's "Phiếu tiếp nhận hồ sơ và hẹn trả kết quả" (Mẫu CT04, Thông tư 66/2023/TT-BCA)
 * through `title` and `formReference`, and of the kiosk's "Phiếu nộp hồ sơ" (`kind:
 * 'submissionSlip'`), which is never a receipt: it sends the citizen to the counter.
 * Times are ISO 8601 instants; the template formats them in the centre's time zone.
 */
export const ReceiptSlipSchema = z
  .object({
    kind: z.enum(['receipt', 'submissionSlip']).default('receipt'),
    /** Replaces the template's title (e.g. the police's CT04 wording). */
    title: z.string().min(1).optional(),
    /** The form followed, printed under the title: "Mẫu số 01 ...", "Mẫu CT04 ...". */
    formReference: z.string().min(1).optional(),
    /** The copy mark of the form (Liên), e.g. "Liên 1: Giao người nộp hồ sơ". */
    copyMark: z.string().min(1).optional(),
    centreName: z.string().min(1),
    dossierCode: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,40}$/, 'dossier code: letters, digits, "." "-"'),
    receivingUnit: z.string().min(1),
    applicantName: z.string().min(1),
    applicantAddress: z.string().min(1).optional(),
    applicantPhone: z.string().min(1).optional(),
    applicantEmail: z.string().min(1).optional(),
    procedureName: z.string().min(1),
    /** Plain lines (older slips); `documents` is used instead when present. */
    documentsReceived: z.array(z.string().min(1)),
    /**
     * On a receipt: the papers actually received. On a phiếu nộp hồ sơ: the papers to bring.
     */
    documents: z.array(SlipDocumentSchema).optional(),
    /** Số lượng hồ sơ (bộ). */
    sets: z.number().int().min(1).max(99).optional(),
    /** The counter queue number of a phiếu nộp hồ sơ. */
    queueNumber: z.string().min(1).optional(),
    /** The counter group that calls the queue number ("Hộ tịch – Quầy 1, 2"). */
    queueCounter: z.string().min(1).optional(),
    /** As the law states it, e.g. "05 ngày làm việc". */
    processingTimeByLaw: z.string().min(1),
    receivedAt: z.iso.datetime({ offset: true }),
    appointmentAt: z.iso.datetime({ offset: true }),
    /** Printed after the appointment: "dự kiến" (expected), "Trong ngày" (same day). */
    appointmentNote: z.string().min(1).optional(),
    resultCollectionPlace: z.string().min(1),
    status: z.string().min(1),
    /** "Phí, lệ phí": the amount as text ("Không" when none) and whether it was paid. */
    fee: z.object({ text: z.string().min(1), paid: z.boolean().optional() }).optional(),
    /** "Vào Sổ theo dõi hồ sơ, Quyển số ..., Số thứ tự ..." where the form has it. */
    register: z.object({ book: z.string().min(1), entry: z.string().min(1) }).optional(),
    /** The receiving officer's name, or "Tiếp nhận tự động" for an electronic acceptance. */
    receivingOfficer: z.string().min(1).optional(),
    /** Link encoded in the QR code: the status lookup page for this dossier. */
    statusLookupUrl: z.url(),
    trackingWebsite: z.string().min(1),
    /** e.g. "Soạn HS G01-261128-0001 gửi 8xxx"; optional where the centre has no SMS gateway. */
    trackingSms: z.string().min(1).optional(),
    kioskId: z.string().min(1),
    /** Present on a staff reprint: the slip then carries "BẢN IN LẠI" and the reprint time. */
    reprint: z.object({ reprintedAt: z.iso.datetime({ offset: true }) }).optional(),
  })
  .refine((s) => s.statusLookupUrl.includes(s.dossierCode), {
    message:
      "the status lookup URL must carry the dossier code (the QR is the code's machine-readable form)",
    path: ['statusLookupUrl'],
  });
export type ReceiptSlip = z.input<typeof ReceiptSlipSchema>;

/** Validates untrusted JSON (a dossier file, an API message) into a slip. */
export function parseReceiptSlip(value: unknown): ReceiptSlip {
  return ReceiptSlipSchema.parse(value);
}
