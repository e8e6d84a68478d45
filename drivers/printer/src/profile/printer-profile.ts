import { z } from 'zod';

/**
 * A printer profile: everything that differs between printer models, as data (after
 * ReceiptPrinterEncoder's `data/printers/*.json`). Code never branches on a model name.
 */

/** One condition carried in one bit of a model-specific status reply. */
const StatusBitSchema = z.object({
  /** Index of the byte in the reply (0-based, header included). */
  byte: z.number().int().min(0),
  mask: z.number().int().min(1).max(255),
  condition: z.enum([
    'paper-out',
    'paper-near-end',
    'cover-open',
    'cutter-error',
    'ticket-in-presenter',
    'paper-jam',
    'head-error',
  ]),
});
export type ExtraStatusCondition = z.infer<typeof StatusBitSchema>['condition'];

const ExtraStatusSchema = z.object({
  /** Human name, e.g. "Custom full status". */
  name: z.string(),
  /** Bytes sent to ask, e.g. Custom `DLE EOT 0x14` = [16, 4, 20]. */
  request: z.array(z.number().int().min(0).max(255)).min(1),
  /** Fixed leading bytes of the reply, used to tell it apart from ASB and DLE EOT replies. */
  replyHeader: z.array(z.number().int().min(0).max(255)).min(1),
  /** Total reply length in bytes, header included. */
  replyLength: z.number().int().min(2).max(64),
  bits: z.array(StatusBitSchema),
});
export type ExtraStatus = z.infer<typeof ExtraStatusSchema>;

export const PrinterProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  paperWidthMm: z.number().positive(),
  /** Printable dots per line (576 for 80 mm at 203 dpi, 384 for 58 mm). */
  dotsPerLine: z.number().int().positive().multipleOf(8),
  /** Characters per line in font A (12×24 dots). */
  columns: z.number().int().positive(),
  /** How Vietnamese text is printed: a code page the printer has, or as a raster image. */
  vietnamese: z.enum(['tcvn3', 'windows1258', 'raster']),
  /** ESC t page numbers this model has, by name. */
  codePages: z.record(z.string(), z.number().int().min(0).max(255)),
  qrCode: z.boolean(),
  barcode: z.boolean(),
  cutter: z.enum(['full', 'partial', 'none']),
  /** Dots of paper to feed before cutting so the last line clears the cutter. */
  feedBeforeCutDots: z.number().int().min(0).max(255),
  status: z.object({
    /** Real-time `DLE EOT n` requests this model answers. */
    realtime: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])),
    /** Automatic status back (`GS a n`) is supported. */
    asb: z.boolean(),
    extra: ExtraStatusSchema.optional(),
    /**
     * The printer answers Epson's process ID request (`GS ( H` fn 48) once a job is printed:
     * the slip's confirmation, and the printer-side job id that keeps a retry from printing a
     * second slip. Plain ESC/POS has no job id; absent means no.
     */
    processId: z.boolean().optional(),
  }),
  /** Raster text: font file and sizes (pixels) for body and title lines. */
  rasterFont: z
    .object({
      regular: z.string(),
      bold: z.string(),
      bodyPx: z.number().positive(),
      titlePx: z.number().positive(),
    })
    .optional(),
});
export type PrinterProfile = z.infer<typeof PrinterProfileSchema>;
