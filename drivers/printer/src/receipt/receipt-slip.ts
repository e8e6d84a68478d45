import { z } from 'zod';

/**
 * The content of the "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (receipt and appointment slip,
 * form 01 of Decree 61/2018/ND-CP as amended by Decree 107/2021/ND-CP), as printed by the kiosk.
 * Times are ISO 8601 instants; the template formats them in the centre's time zone.
 */
export const ReceiptSlipSchema = z
  .object({
    centreName: z.string().min(1),
    dossierCode: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,40}$/, 'dossier code: letters, digits, "." "-"'),
    receivingUnit: z.string().min(1),
    applicantName: z.string().min(1),
    procedureName: z.string().min(1),
    documentsReceived: z.array(z.string().min(1)),
    /** As the law states it, e.g. "05 ngày làm việc". */
    processingTimeByLaw: z.string().min(1),
    receivedAt: z.iso.datetime({ offset: true }),
    appointmentAt: z.iso.datetime({ offset: true }),
    resultCollectionPlace: z.string().min(1),
    status: z.string().min(1),
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
export type ReceiptSlip = z.infer<typeof ReceiptSlipSchema>;

/** Validates untrusted JSON (a dossier file, an API message) into a slip. */
export function parseReceiptSlip(value: unknown): ReceiptSlip {
  return ReceiptSlipSchema.parse(value);
}
