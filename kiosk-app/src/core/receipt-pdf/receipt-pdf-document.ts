import fontkit from '@pdf-lib/fontkit';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { describeFeeLine } from './receipt-pdf-content';
import type { ReceiptPdfContent } from './receipt-pdf-content';

/** Room for the CMS signature: certificate (~1 KiB), signature and attributes, with margin. */
export const SIGNATURE_PLACEHOLDER_BYTES = 8192;
/** ISO 216 A5 portrait, in PDF points. */
const PAGE = { width: 419.53, height: 595.28, margin: 36 } as const;
/** Title of the receipt form (Mẫu số 01, Thông tư 01/2018/TT-VPCP). */
const TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

export interface ReceiptPdfOptions {
  /** A TrueType font with Vietnamese glyphs (Noto Sans on Debian: fonts-noto-core). */
  readonly fontBytes: Uint8Array;
  readonly signerName: string;
  readonly location: string;
  /** Fixed for reproducible output in tests; the signing time otherwise. */
  readonly createdAt: Date;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

class PageWriter {
  private y: number;

  constructor(
    private readonly page: PDFPage,
    private readonly font: PDFFont,
  ) {
    this.y = PAGE.height - PAGE.margin;
  }

  text(text: string, size: number): void {
    for (const line of wrap(text, this.font, size, PAGE.width - 2 * PAGE.margin)) {
      this.y -= size * 1.4;
      this.page.drawText(line, {
        x: PAGE.margin,
        y: this.y,
        size,
        font: this.font,
        color: rgb(0, 0, 0),
      });
    }
  }

  field(label: string, value: string): void {
    this.text(`${label}: ${value}`, 10);
  }

  gap(): void {
    this.y -= 8;
  }
}

/**
 * The receipt as an unsigned PDF with an empty signature field (ISO 32000-1 §12.8): the font
 * is embedded (subset) so Vietnamese prints the same everywhere, and the /Contents placeholder
 * is sized for {@link SIGNATURE_PLACEHOLDER_BYTES}. Object streams are off so the signer can
 * find /ByteRange in the file.
 */
export async function renderReceiptPdf(
  content: ReceiptPdfContent,
  options: ReceiptPdfOptions,
): Promise<Uint8Array> {
  const pdfDoc = await PDFDocument.create();
  pdfDoc.registerFontkit(fontkit);
  pdfDoc.setTitle(`${TITLE} ${content.dossierCode}`);
  pdfDoc.setLanguage('vi-VN');
  pdfDoc.setCreationDate(options.createdAt);
  pdfDoc.setModificationDate(options.createdAt);
  pdfDoc.setProducer('cccd-kiosk');
  pdfDoc.setCreator('cccd-kiosk');
  const font = await pdfDoc.embedFont(options.fontBytes, { subset: true });
  const page = pdfDoc.addPage([PAGE.width, PAGE.height]);
  const writer = new PageWriter(page, font);
  const receipt = content;
  writer.text(receipt.centreName, 11);
  writer.text(receipt.receivingUnit, 10);
  writer.gap();
  writer.text(TITLE, 13);
  writer.gap();
  writer.field('Mã hồ sơ', receipt.dossierCode);
  writer.field('Người nộp', receipt.applicantName);
  writer.field('Thủ tục', receipt.procedureName);
  writer.field('Thời gian tiếp nhận', receipt.receivedAt);
  writer.field('Ngày hẹn trả kết quả', receipt.appointmentAt);
  writer.field('Nơi nhận kết quả', receipt.collectAt);
  writer.field('Phí, lệ phí', describeFeeLine(content.fee));
  writer.field('Tra cứu', receipt.lookupUrl);
  writer.gap();
  writer.text(`Ký số bởi: ${options.signerName}`, 9);
  pdflibAddPlaceholder({
    pdfDoc,
    reason: `Tiếp nhận hồ sơ ${receipt.dossierCode}`,
    contactInfo: receipt.centreName,
    name: options.signerName,
    location: options.location,
    signingTime: options.createdAt,
    signatureLength: SIGNATURE_PLACEHOLDER_BYTES,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'cccd-kiosk',
  });
  return await pdfDoc.save({ useObjectStreams: false });
}
